"""Codemods for the v1 ``ding`` Python SDK, one per module; detection in ``analysis``."""
