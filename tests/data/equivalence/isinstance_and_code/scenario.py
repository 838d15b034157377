def scenario(run):
    import billing

    s = run.step("client", lambda: billing.Sender(run.key)) or billing.Sender(run.key)
    run.step("create,broad", lambda: s.send("+33655500105"))
    # the account is out of credit: v1 answers negative_balance, v2 insufficient_balance
    run.fake.fail_next(status=400, code="negative_balance" if run.side == "v1" else "insufficient_balance")
    run.step("create,broad,narrowed-code", lambda: s.send("+33655500106"))
    run.fake.fail_next(status=400, code="bad_request" if run.side == "v1" else "invalid_request")
    run.step("create,broad,narrowed-code", lambda: s.send("+33655500107"))
