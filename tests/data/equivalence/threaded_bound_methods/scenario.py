PHONE = "+33687000034"


def scenario(run):
    import async_otp

    otp = run.step("client", lambda: async_otp.AsyncOtp(run.key))
    auth = run.step("create,create-id", lambda: otp.send(PHONE))
    run.step("check,check-status", lambda: otp.verify(PHONE, auth, run.wrong(PHONE)))
    run.step("check,check-status", lambda: otp.verify(PHONE, auth, run.code(PHONE)))
