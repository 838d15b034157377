PHONE = "+33687000036"


def scenario(run):
    import otp_rest

    auth = run.step("create,create-id", lambda: otp_rest.send(PHONE))
    run.step("check,check-match", lambda: otp_rest.verify(PHONE, auth, run.wrong(PHONE)))
    run.step("check,check-match", lambda: otp_rest.verify(PHONE, auth, run.code(PHONE)))
