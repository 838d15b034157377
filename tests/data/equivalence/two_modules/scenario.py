PHONE = "+33633333333"


def scenario(run):
    import importlib

    auth_flow = run.step("client", lambda: importlib.import_module("auth_flow"))

    auth = run.step("create,create-id", lambda: auth_flow.send(PHONE))
    run.step("check,check-status", lambda: auth_flow.confirm(PHONE, auth, run.code(PHONE)) == "valid")
    run.step("lookup,lookup-carrier", lambda: auth_flow.carrier_of(PHONE))
