OLD, NEW = "+33680000001", "+33680000002"


def scenario(run):
    import transfer

    run.step("client", lambda: transfer.connect(run.key))
    auth = run.step("create-old", lambda: transfer.start(OLD))
    run.step("check-old,check-old-status,create-new", lambda: bool(transfer.confirm_and_move(auth, run.code(OLD), NEW)))
