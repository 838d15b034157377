def scenario(run):
    import layers

    repo = run.step("client", lambda: layers.Repository(run.key))
    run.step("create,caller-read,status-code", lambda: layers.start(repo, "+33692000001"))
    run.step("create-payload,return-payload,payload-read", lambda: layers.start_payload(repo, "+33692000002"))
