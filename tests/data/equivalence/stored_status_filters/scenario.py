def scenario(run):
    import sessions

    client = run.step("client", lambda: sessions.make_client(run.key)) or sessions.make_client(run.key)
    run.step("create,store", lambda: sessions.open_session(client, "s1", "+33655500103"))
    run.step("create,store", lambda: sessions.open_session(client, "s2", "+33655500104"))
    run.step("sweep", sessions.waiting)
    run.step("table-filter", sessions.waiting_in_table)
