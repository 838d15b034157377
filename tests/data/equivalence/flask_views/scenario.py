PHONE = "+33622222222"


def scenario(run):
    import importlib

    views = run.step("client", lambda: importlib.import_module("views"))

    def call(path, body):
        return views.ROUTES[path]({"json": body, "remote_addr": "198.51.100.4"})

    answer = run.step("create,create-id", lambda: call("/otp/send", {"phone": PHONE})) or ({}, 0)
    verification = answer[0].get("verification")
    run.step("check,check-status", lambda: call("/otp/verify", {"verification": verification, "code": run.wrong(PHONE)}))
    run.step("check,check-status", lambda: call("/otp/verify", {"verification": verification, "code": run.code(PHONE)}))
    run.step("create,create-error", lambda: call("/otp/send", {"phone": "0612"}))
