def scenario(run):
    import gateway

    g = run.step("client", lambda: gateway.Gateway(run.key))
    run.step("create,sdk-error,error-response", lambda: g.send("+33684000001"))
    run.step("create,sdk-error,error-response", lambda: g.send("0612"))
    run.fail_next(503)
    run.step("create,sdk-error,error-response", lambda: g.send("+33684000002"))
    run.step("create-broad,broad,isinstance-error,message", lambda: g.send_broad("0612"))
    run.fail_next(500)
    run.step("create-broad,broad,isinstance-error", lambda: g.send_broad("+33684000003"))
