NUMBER = "+33695000151"


def scenario(run):
    import phone_change

    flow = run.step("client", lambda: phone_change.PhoneChange(run.key, "u1", NUMBER)) \
        or phone_change.PhoneChange(run.key, "u1", NUMBER)
    run.step("create,create-id", flow.start)
    run.step("audit-check,audit-label", lambda: flow.audit("0000"))
    run.step("check,check-valid", lambda: flow.confirm(run.code(NUMBER)))
