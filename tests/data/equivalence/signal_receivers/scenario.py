PHONE = "+33612000501"


def scenario(run):
    import importlib

    receivers = importlib.import_module("receivers")
    service = run.step("client", lambda: importlib.import_module("otp_service"))
    auth = run.step("create,create-send,on-sent", lambda: service.send_code(PHONE))
    run.step("check,check-send,on-checked,on-checked-id", lambda: service.check_code(PHONE, auth, run.code(PHONE)))
    run.step("on-sent,on-checked,on-checked-id", lambda: (list(receivers.LOG), dict(receivers.COUNTS)))
