PHONE = "+33600400001"


def scenario(run):
    import service

    v = run.step("client", lambda: service.Verifier(run.key))
    auth = run.step("create", lambda: v.start(PHONE))
    run.step("check,check-invalid", lambda: v.verify(PHONE, auth, run.wrong(PHONE)))
    run.step("check,check-valid", lambda: v.verify(PHONE, auth, run.code(PHONE)))
    run.step("check,check-error", lambda: v.verify(PHONE, "not-an-id", "123456"))
    run.step("lookup,line-type", lambda: v.line(PHONE))
