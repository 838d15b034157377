PHONE = "+33687000002"


def scenario(run):
    import jobs

    j = run.step("client", lambda: jobs.Jobs(run.key))
    run.step("lookup,lookup-read", lambda: j.carrier(PHONE))
    run.timeout_next()
    run.step("lookup,lookup-read,helper-handler", lambda: j.carrier(PHONE))
    run.step("thread-lookup,thread-read", lambda: j.country(PHONE))
