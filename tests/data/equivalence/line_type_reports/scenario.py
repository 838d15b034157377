PHONES = ["+33695000221", "+33695000222"]


def scenario(run):
    import reports

    client = run.step("client", lambda: reports.make_client(run.key)) or reports.make_client(run.key)
    table = run.step("lookup,row", lambda: reports.rows(client, PHONES)) or []
    run.step("mobile-count", lambda: reports.mobile_count(table))
    run.step("lookup-label,label", lambda: reports.kind_label(client, PHONES[0]))
