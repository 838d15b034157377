"""Codemods for raw HTTP to v1 (``requests``/``httpx``), hosts and v1 leftovers, one per module."""
