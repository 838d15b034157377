PHONE = "+33677777777"


def scenario(run):
    import verify_async

    otp = run.step("client", lambda: verify_async.AsyncOtp(run.key))
    auth = run.step("create-thread", lambda: otp.start(PHONE))
    run.step("check-partial", lambda: otp.check(PHONE, auth, run.code(PHONE)))
