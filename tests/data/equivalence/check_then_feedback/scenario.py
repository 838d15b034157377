PHONE = "+33687000031"


def scenario(run):
    import welcome

    w = run.step("client", lambda: welcome.Welcome(run.key))
    auth = run.step("create,create-id", lambda: w.send(PHONE))
    run.step("check,check-status", lambda: w.confirm(PHONE, auth, run.wrong(PHONE)))
    run.step("check,check-status,feedback", lambda: w.confirm(PHONE, auth, run.code(PHONE)))
