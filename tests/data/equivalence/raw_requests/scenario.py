PHONE = "+33693000001"


def scenario(run):
    import ding_http

    auth = run.step("create,create-id", lambda: ding_http.send(PHONE))
    run.step("check,check-status", lambda: ding_http.check(auth, run.code(PHONE)))
    run.step("lookup,lookup-read", lambda: ding_http.lookup(PHONE))
