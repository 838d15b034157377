BLOCKED = "+14155550100"


def scenario(run):
    import signup

    run.block(BLOCKED)
    sdk = run.step("client", lambda: signup.connect(run.key))
    run.step("create,status", lambda: signup.register(sdk, "+33687000001"))
    run.step("create,error,blocked-code", lambda: signup.register(sdk, BLOCKED))
    run.step("create,error,blocked-code", lambda: signup.register(sdk, "0612"))
