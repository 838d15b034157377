"""The version of the ``prelude-migrate`` distribution, read from its installed metadata: the
one place it is written is ``pyproject.toml``."""
from __future__ import annotations

DISTRIBUTION = "prelude-migrate"


def distribution_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:  # a source tree that was never installed
        return "0+unknown"
