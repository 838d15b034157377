PHONE = "+33600300001"


def scenario(run):
    import importlib

    handlers = run.step("client", lambda: importlib.import_module("handlers"))
    run.step("create,create-status", lambda: handlers.send_code({"phone": PHONE}))
    auth = run.fake.last_authentication_uuid(PHONE) if run.side == "v1" else "unused"
    run.step("retry,retry-status", lambda: handlers.resend({"auth": auth, "phone": PHONE}))
    run.step("lookup", lambda: handlers.carrier({"phone": PHONE}))
