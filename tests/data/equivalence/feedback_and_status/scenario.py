PHONE = "+33689000001"


def scenario(run):
    import onboarding

    o = run.step("client", lambda: onboarding.Onboarding(run.key))
    auth = run.step("create", lambda: o.start(PHONE))
    run.step("feedback,feedback-uuid", lambda: o.done(PHONE))
    run.step("status,status-phone", lambda: o.support_view(auth))
