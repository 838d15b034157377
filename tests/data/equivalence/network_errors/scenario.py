def scenario(run):
    import resilient

    sdk = run.step("client", lambda: resilient.client(run.key))
    run.step("create,create-status", lambda: resilient.send(sdk, "+33691000001"))
    run.timeout_next()
    run.step("create,timeout-handler", lambda: resilient.send(sdk, "+33691000002"))
    run.step("lookup", lambda: resilient.lookup(sdk, "+33691000001"))
    run.timeout_next()
    run.step("lookup,connection-handler", lambda: resilient.lookup(sdk, "+33691000001"))
