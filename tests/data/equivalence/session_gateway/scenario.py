PHONE = "+33694000001"


def scenario(run):
    import gateway

    g = run.step("session-key", lambda: gateway.DingGateway(run.key, run.customer))
    auth = run.step("create,create-id", lambda: g.start(PHONE))
    run.step("check,check-status", lambda: g.verify(PHONE, auth, run.code(PHONE)))
