NUMBERS = ["+33695000141", "+33695000142"]


def scenario(run):
    import warmup

    client = run.step("client", lambda: warmup.make_client(run.key)) or warmup.make_client(run.key)
    run.step("lookup", lambda: warmup.reachable(client, NUMBERS))
    run.step("build,create", lambda: warmup.invite(client, NUMBERS))
