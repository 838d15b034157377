PHONE = "+33686000001"


def scenario(run):
    import audit

    c = run.step("client", lambda: audit.Checker(run.key))
    auth = run.step("create", lambda: c.send(PHONE))
    run.step("check,status-key", lambda: c.message_for(auth, run.wrong(PHONE)))
    run.step("check,status-arg", lambda: c.audited(auth, run.wrong(PHONE)))
    run.step("check,status-return", lambda: c.raw_status(auth, run.wrong(PHONE)))
    run.step("check,status-compare,status-exception", lambda: c.strict(auth, run.wrong(PHONE)))
