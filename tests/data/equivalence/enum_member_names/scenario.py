def scenario(run):
    import audit

    run.step("client-key", lambda: audit.configure(run.key))
    run.step("create,status-name", lambda: audit.start("+33695000171"))
    run.step("create,error-name", lambda: audit.start("+1"))
