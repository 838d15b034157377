def scenario(run):
    import records as misc

    c = run.step("client", lambda: misc.make_client(run.key)) or misc.make_client(run.key)
    n = iter(range(10, 99))

    def p():
        return "+336880000%02d" % next(n)

    run.step("create,id-ret,uuid", lambda: misc.as_uuid(c, p()))
    run.step("create,id-ret,regex", lambda: misc.as_regex(c, p()))
    run.step("create,id-ret,uuid-tuple", lambda: misc.in_tuple(c, p()))
    run.step("payload-ret,dumped", lambda: misc.dumped(c, p()))
    run.step("payload-ret,json-dumped", lambda: misc.json_dumped(c, p()))
    run.step("payload-ret,vars", lambda: misc.fields(c, p()))
    run.step("payload-ret,status-dict,status-name", lambda: misc.status_name(c, p()))
