def scenario(run):
    import mobile_api

    run.step("create-conditional", lambda: mobile_api.send("+33600100001", "Mozilla/5.0 (iPhone)"))
    run.step("create-mapping", lambda: mobile_api.send_for("+33600100002", "pixel"))
