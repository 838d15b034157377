PHONE = "+33687000033"


def scenario(run):
    import importlib

    import factory

    run.step("client", lambda: factory.build() is not None)
    codes = run.step("alias", lambda: importlib.import_module("codes"))
    run.step("create,create-id", lambda: codes.send(PHONE))
