PHONES = ["+33687000010", "+33687000011"]


def scenario(run):
    import report

    if run.side == "v1":
        run.fake.set_lookup(PHONES[1], line_type="FixedLine")
    else:
        run.fake.set_lookup(PHONES[1], line_type="fixed_line")
    sdk = run.step("client", lambda: report.connect(run.key))
    infos = run.step("lookup", lambda: report.fetch_all(sdk, PHONES)) or []
    run.step("landlines", lambda: report.landline_count(infos))
    run.step("type-names", lambda: report.type_names(infos))
