PHONE = "+33687000035"


def scenario(run):
    import flows

    f = run.step("client", lambda: flows.Flows(run.key))
    auth = run.step("create,create-id", lambda: f.start(PHONE))
    run.step("check,check-match", lambda: f.finish(PHONE, auth, run.wrong(PHONE)))
    run.step("check,check-match", lambda: f.finish(PHONE, auth, run.code(PHONE)))
    run.step("lookup,line-match", lambda: f.channel(PHONE))
