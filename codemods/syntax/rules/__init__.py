"""The syntax rules, one module per usage kind, in run order: the tool's own traces first, then
the rules whose findings are v1 evidence on their own (they set ``Source.strong``; the scanner
lists their kinds in ``migrate.scan.engine.STRONG_KINDS``), then the rules that need that
evidence (``x-api-key``, ``customer_uuid``, statuses, paths).

A rule module defines ``KIND`` (or ``KINDS``), ``find(source) -> Iterator[Usage]`` and
``EXAMPLES`` (``codemods.syntax.source.Example`` per language, tested one by one).
"""
from __future__ import annotations

import importlib

_NAMES = ("todo_marker", "host", "sdk_import", "sdk_client", "sdk_call", "client_call", "config_name",
          "customer_uuid", "v1_field", "api_key_header", "v1_status", "v1_path")

RULES = tuple(importlib.import_module(f"{__name__}.{name}") for name in _NAMES)

__all__ = ["RULES"]
