def scenario(run):
    import crm_numbers as crm

    client = run.step("client", lambda: crm.make_client(run.key)) or crm.make_client(run.key)
    run.step("lookup-line,line", lambda: crm.line_of(client, "+33695000191"))
    run.step("lookup-carrier,carrier", lambda: crm.carrier_of(client, "+33695000192"))
