PHONE = "+33698000001"


def scenario(run):
    import verify

    auth = run.step("create", lambda: verify.start(PHONE))
    run.step("check,check-status", lambda: verify.check(PHONE, auth, run.code(PHONE)) in ("valid", "success"))
