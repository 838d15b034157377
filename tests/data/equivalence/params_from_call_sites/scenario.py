PHONE = "+33687000020"


def scenario(run):
    import checkout

    c = run.step("client", lambda: checkout.Checkout(run.key))
    auth = run.step("create,id-of", lambda: c.start(PHONE))
    run.step("check,verified", lambda: c.confirm(PHONE, auth, run.wrong(PHONE)))
    run.step("check,verified", lambda: c.confirm(PHONE, auth, run.code(PHONE)))
    run.step("create,create-error,explain", lambda: c.start("0687"))
