def scenario(run):
    import importlib

    api = run.step("headers", lambda: importlib.import_module("api"))
    run.step("create,create-status", lambda: api.send("+33696000001", run.customer))
