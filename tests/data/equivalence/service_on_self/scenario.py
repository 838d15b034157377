PHONE = "+33611111111"


def scenario(run):
    import otp_service

    service = run.step("client", lambda: otp_service.OtpService(run.key)) or otp_service.OtpService(run.key)
    started = run.step("create,create-status", lambda: service.start(PHONE, "203.0.113.9")) or {}
    auth = started.get("id")
    run.step("retry,retry-status", lambda: service.resend(PHONE, auth))
    run.step("check,check-status", lambda: service.verify(PHONE, auth, run.wrong(PHONE)))
    run.step("check,check-status", lambda: service.verify(PHONE, auth, run.code(PHONE)))
    run.step("create,create-error", lambda: service.start("0612", "203.0.113.9"))
