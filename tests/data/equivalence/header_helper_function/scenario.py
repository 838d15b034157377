PHONE = "+33655500108"


def scenario(run):
    import otp_calls

    auth = run.step("auth,create,create-id", lambda: otp_calls.start(PHONE))
    run.step("auth,check,check-status", lambda: otp_calls.confirm(PHONE, auth, run.wrong(PHONE)))
    run.step("auth,check,check-status", lambda: otp_calls.confirm(PHONE, auth, run.code(PHONE)))
