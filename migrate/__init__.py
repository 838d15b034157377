"""prelude-migrate: scan repositories for Prelude/Ding v1 usage and rewrite Python to v2."""


def __getattr__(name: str):
    # ``__version__`` is read from the installed metadata when first asked for: importlib.metadata
    # costs about 25 ms of every command's start-up otherwise.
    if name == "__version__":
        from compat._version import distribution_version

        return distribution_version()
    raise AttributeError(f"module 'migrate' has no attribute {name!r}")
