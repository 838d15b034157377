PHONE = "+33687000032"


def scenario(run):
    import importlib

    lookups = run.step("client", lambda: importlib.import_module("lookups"))
    run.step("lookup,lookup-read", lambda: lookups.country(PHONE))
    run.timeout_next()
    run.step("lookup,lookup-read,network-handler", lambda: lookups.country(PHONE))
