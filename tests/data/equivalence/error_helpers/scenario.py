def scenario(run):
    import otp

    run.step("client", lambda: otp.configure(run.key))
    run.step("create", lambda: bool(otp.send("+33655555555")))
    run.step("create-error,helper-code,quiet-message", lambda: otp.send_quietly("0612"))
    run.step("create-error,raise-code", lambda: otp.send("0612"))
    run.step("create-error,helper-message", lambda: otp.send_quietly("+999"))
