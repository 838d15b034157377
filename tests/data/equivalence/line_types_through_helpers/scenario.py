P = "+33695000221"


def scenario(run):
    import kinds

    c = run.step("client", lambda: kinds.make_client(run.key)) or kinds.make_client(run.key)
    run.step("kind-of,is-mobile", lambda: kinds.is_mobile(c, P))
    run.step("kind-of,is-mobile2", lambda: kinds.is_mobile2(c, P))
    run.step("kind-of,risky", lambda: kinds.risky(c, P))
    run.step("kind-of,default-read,default-arg", lambda: kinds.by_default(c, P))
    run.step("kind-of,literal-eq", lambda: kinds.literal_eq(c, P))
    run.step("lookup-name,name-in-list", lambda: kinds.name_in_list(c, P))
    run.step("lookup-helper,name-helper", lambda: kinds.name_via_helper(c, P))
    run.step("lookup-helper,value-helper", lambda: kinds.value_via_helper(c, P))
    run.step("kind-of,label-get", lambda: kinds.label(c, P))
    run.step("kind-of,sub-read,label-sub", lambda: kinds.label_sub(c, P))
    run.step("row-attr,row-mobile", lambda: kinds.row_mobile(c, P))
