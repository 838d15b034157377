"""prelude-migrate: scan repositories for Prelude/Ding v1 usage and rewrite Python to v2."""
__version__ = "0.1.0"
