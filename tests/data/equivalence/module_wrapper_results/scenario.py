PHONE = "+33655500102"


def scenario(run):
    import account
    import sms_verify

    run.step("client", lambda: sms_verify.connect(run.key))
    a = account.Account(PHONE)
    run.step("create,send-payload,account-id,account-status", a.request_code)
    run.step("account-id", lambda: a.pending is not None)
    run.step("check,check-payload,account-valid", lambda: a.enter_code(run.code(PHONE)))
    run.step("account-valid", lambda: a.verified)
