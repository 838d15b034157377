PHONE = "+33685000001"


def scenario(run):
    import store

    sdk = run.step("client", lambda: store.make(run.key))
    auth = run.step("create,uuid", lambda: store.start(sdk, PHONE))
    run.step("uuid-regex", lambda: store.is_valid_id(auth or ""))
    run.step("check", lambda: store.finish(sdk, auth or "", run.code(PHONE)))
