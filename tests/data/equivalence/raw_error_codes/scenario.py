def scenario(run):
    import client

    run.step("create", lambda: client.send("+33697000001"))
    run.step("create,error-code", lambda: client.send("0612"))
    run.block("+14155550100")
    run.step("create,error-code", lambda: client.send("+14155550100"))
