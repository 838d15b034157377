PHONE = "+33612000401"


def scenario(run):
    import ledger

    book = run.step("client", lambda: ledger.Ledger())
    auth = run.step("create,create-put,create-note,note,note-test", lambda: book.open(PHONE))
    run.step("done", lambda: book.done(PHONE))
    run.step("label", lambda: book.label(PHONE))
    run.step("stage", lambda: book.stage(PHONE))
    run.step("check,check-put,check-note,note,note-test", lambda: book.close(PHONE, auth, run.code(PHONE)))
    run.step("done", lambda: book.done(PHONE))
    run.step("label", lambda: book.label(PHONE))
    run.step("stage", lambda: book.stage(PHONE))
