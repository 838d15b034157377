def scenario(run):
    import notify

    run.step("client,model,create-first,create-second", lambda: notify.send_twice(run.key, "+33683000001"))
