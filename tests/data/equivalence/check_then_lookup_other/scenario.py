PHONE, BACKUP = "+33681000001", "+14155550177"


def scenario(run):
    import recovery

    r = run.step("client", lambda: recovery.Recovery(run.key))
    auth = run.step("create", lambda: r.send(PHONE))
    run.step("check,check-status,lookup-backup", lambda: r.verify_then_check_backup(auth, run.wrong(PHONE), BACKUP))
    run.step("check,check-status,lookup-backup", lambda: r.verify_then_check_backup(auth, run.code(PHONE), BACKUP))
