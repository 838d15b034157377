def scenario(run):
    import devices

    s = run.step("client", lambda: devices.Sender(run.key))
    run.step("create-dict,dict-status", lambda: s.from_platform("+33690000001", "android"))
    run.step("create-dict,dict-status", lambda: s.from_platform("+33690000002", "blackberry"))
    run.step("create-conditional,conditional-status", lambda: s.from_flag("+33690000003", True))
