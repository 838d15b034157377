PHONE = "+33699000001"


def scenario(run):
    import resend

    auth = run.step("create", lambda: resend.start(PHONE))
    run.step("retry,retry-status", lambda: resend.resend(PHONE, auth))
    run.expire(PHONE)
    run.step("retry,retry-status", lambda: resend.resend(PHONE, auth))
