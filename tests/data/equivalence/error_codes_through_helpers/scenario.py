def scenario(run):
    import refusals as errs

    c = run.step("client", lambda: errs.make_client(run.key)) or errs.make_client(run.key)
    n = iter(range(10, 99))

    def p():
        phone = "+336870000%02d" % next(n)
        run.block(phone)
        return phone

    run.step("create,code-ret,const", lambda: errs.blocked_const(c, p()))
    run.step("create,code-ret,attr", lambda: errs.blocked_attr(c, p()))
    run.step("create,code-ret,tuple", lambda: errs.blocked_tuple(c, p()))
    run.step("create,code-ret,value", lambda: errs.blocked_value(c, p()))
    run.step("create2,local", lambda: errs.blocked_local(c, p()))
