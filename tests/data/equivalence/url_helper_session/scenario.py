PHONE = "+33655500101"


def scenario(run):
    import otp_rest

    codes = run.step("root", lambda: otp_rest.Codes(run.key)) or otp_rest.Codes(run.key)
    auth = run.step("create,create-id", lambda: codes.send(PHONE))
    session = run.step("session", lambda: otp_rest.session_for(run.key)) or otp_rest.session_for(run.key)
    run.step("check,check-status", lambda: otp_rest.verify(session, auth, run.code(PHONE)))
    run.step("lookup,lookup-carrier", lambda: otp_rest.carrier(run.key, PHONE))
