PHONE = "+33688000001"


def scenario(run):
    import login

    app = run.step("client", lambda: login.Login(run.key))
    auth = run.step("create", lambda: app.start(PHONE))
    code = run.code(PHONE)
    run.step("check,ok-statuses", lambda: app.submit(PHONE, auth, code))
    run.step("check,ok-statuses", lambda: app.submit(PHONE, auth, code))  # the form sent twice
    auth = run.step("create", lambda: app.start(PHONE))
    run.expire(PHONE)
    run.step("check,expired", lambda: app.submit(PHONE, auth, "000000"))
