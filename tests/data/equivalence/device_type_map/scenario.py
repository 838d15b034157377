def scenario(run):
    import signup

    s = run.step("client", lambda: signup.Signup(run.key))
    run.step("create,create-read", lambda: s.start("+33687000037", "okhttp/4.12"))
    run.step("create,create-read", lambda: s.start("+33687000038", "CFNetwork/1490"))
    run.step("create-app", lambda: s.start_app("+33687000039", True))
    run.step("create-app", lambda: s.start_app("+33687000040", False))
