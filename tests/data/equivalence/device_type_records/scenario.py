def scenario(run):
    import brands

    client = run.step("client", lambda: brands.make_client(run.key)) or brands.make_client(run.key)
    run.step("create,create-read", lambda: brands.start(client, "shop", "+33695000161"))
    run.step("create,create-read", lambda: brands.start(client, "bank", "+33695000162"))
