PHONE = "+33644444444"


def scenario(run):
    import resender

    r = run.step("client", lambda: resender.Resender(run.key))
    auth = run.step("create,create-id", lambda: r.begin(PHONE))
    run.step("retry,retry-status", lambda: r.resend(PHONE, auth))
    run.step("check,check-status", lambda: r.check(PHONE, auth, run.code(PHONE)))
    run.step("retry,retry-status", lambda: r.resend(PHONE, auth))
