def scenario(run):
    import labels

    client = run.step("client", lambda: labels.make_client(run.key)) or labels.make_client(run.key)
    run.step("create,create-label", lambda: labels.start(client, "+33695000201"))
