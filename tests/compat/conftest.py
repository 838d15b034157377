"""Fixtures shared by the compat tests: one real redis-server for the whole session (defined in
tests/redis_server.py, registered here once so that every module shares the same server)."""
from redis_server import redis_url  # noqa: F401 (fixture)
