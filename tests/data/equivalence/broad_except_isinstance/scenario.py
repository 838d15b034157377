def scenario(run):
    import signup

    s = run.step("client", lambda: signup.Signup(run.key))
    run.step("create,handler", lambda: s.send("+33687000001"))
    run.step("create,handler,narrowed", lambda: s.send("0687"))
