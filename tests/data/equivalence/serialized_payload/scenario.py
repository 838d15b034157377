def scenario(run):
    import api

    client = run.step("client", lambda: api.make_client(run.key)) or api.make_client(run.key)
    run.step("create,create-dict", lambda: api.start(client, "+33695000181"))
    run.step("create-json,create-json-keys", lambda: api.start_json(client, "+33695000182"))
