def scenario(run):
    import verdicts as flows

    c = run.step("client", lambda: flows.make_client(run.key)) or flows.make_client(run.key)
    code = run.code
    n = iter(range(10, 99))

    def p():
        return "+336860000%02d" % next(n)

    run.step("create,check,ret,const", lambda: flows.by_module_const(c, p(), code))
    run.step("create,check,ret,class-attr", lambda: flows.by_class_attr(c, p(), code))
    run.step("create,check,ret,default", lambda: flows.by_default(c, p(), code))
    run.step("create,check,ret,value-tuple", lambda: flows.by_value_tuple(c, p(), code))
    run.step("create,check,ret,dict-build,dict-read", lambda: flows.in_dict(c, p(), code))
    run.step("create,check,ret,tuple-build,tuple-read", lambda: flows.in_tuple(c, p(), code))
    run.step("create,check,ret,list-append,list-read", lambda: flows.in_list(c, p(), code))
    run.step("create,check,ret,name", lambda: flows.named(c, p(), code))
    run.step("create2,check2,list-local", lambda: flows.local_flow(c, p(), code))
    run.step("create3,check3,dict-local", lambda: flows.local_dict(c, p(), code))
