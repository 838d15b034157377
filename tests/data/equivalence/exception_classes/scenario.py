def scenario(run):
    import handlers as excs

    c = run.step("client", lambda: excs.make_client(run.key)) or excs.make_client(run.key)
    run.step("create,tuple-handler", lambda: excs.send_tuple(c, "0612"))
    run.step("create,broad,classify", lambda: excs.send_classified(c, "0612"))
    run.step("create,all,type-name", lambda: excs.send_all(c, "0612"))
    run.timeout_next()
    run.step("create,network", lambda: excs.send_network(c, "+33655500301"))
    run.fail_next(500)
    run.step("create,tuple-handler", lambda: excs.send_tuple(c, "+33655500302"))
    run.fail_next(500)
    run.step("create,broad,classify", lambda: excs.send_classified(c, "+33655500303"))
    run.step("create,server-only", lambda: excs.send_server_only(c, "0612"))
