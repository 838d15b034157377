def scenario(run):
    import gate

    client = run.step("client", lambda: gate.make_client(run.key)) or gate.make_client(run.key)
    run.step("create-2,check-2,check-2-gate", lambda: gate.send_and_login(client, "+33695000211", run.code))
