def scenario(run):
    import signup

    sdk = run.step("client", lambda: signup.client_for(run.key))
    run.step("model,create", lambda: signup.send(sdk, "+33682000001"))
