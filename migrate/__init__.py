"""prelude-migrate: scan repositories for Prelude/Ding v1 usage and rewrite Python to v2."""
from compat import _version

__version__ = _version.distribution_version()
