def scenario(run):
    import importlib

    billing = importlib.import_module("billing_otp")
    run.step("create,create-id", lambda: bool(billing.send("+33687000042")))
    # the same condition on each API, in its own words (docs/api-changes.md: error codes)
    run.fake.fail_next(402, code="negative_balance" if run.side == "v1" else "insufficient_balance",
                       message="balance too low")
    run.step("create,error-code", lambda: billing.send("+33687000043"))
    run.step("create,error-code", lambda: billing.send("0687"))
