PORTED, LANDLINE, PLAIN = "+33611000001", "+33611000002", "+33611000003"


def scenario(run):
    import risk

    if run.side == "v1":
        run.fake.set_lookup(PORTED, number_ported=True)
        run.fake.set_lookup(LANDLINE, line_type="FixedLine")
    else:
        run.fake.set_lookup(PORTED, flags=["ported"])
        run.fake.set_lookup(LANDLINE, line_type="fixed_line")
    sdk = run.step("client", lambda: risk.connect(run.key))
    run.step("lookup,ported-is-true", lambda: risk.needs_review(sdk, PORTED))
    run.step("lookup,not-mobile", lambda: risk.needs_review(sdk, LANDLINE))
    run.step("lookup", lambda: risk.needs_review(sdk, PLAIN))
