PHONE = "+33600200001"


def scenario(run):
    import phone_auth

    auth = run.step("client", lambda: phone_auth.PhoneAuth(run.key))
    sent = run.step("create,create-id", lambda: auth.send(PHONE)) or {}
    run.step("check,check-status", lambda: auth.check(PHONE, sent.get("uuid"), run.code(PHONE)))
    run.step("lookup,lookup-country", lambda: auth.country(PHONE))
    run.step("create,create-error", lambda: auth.send("0612"))
