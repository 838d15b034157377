PHONE = "+33695000001"


def scenario(run):
    import otp_client

    client = run.step("client", otp_client.make_client)
    auth = run.step("create", lambda: otp_client.start(client, PHONE))
    run.step("check", lambda: otp_client.check(client, PHONE, auth, run.code(PHONE)))
