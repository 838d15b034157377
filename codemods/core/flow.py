"""The value-flow analysis every codemod will use (owned by the "trust" work of issue 8):
where each v1 value (response wrapper, payload, status, error code, ids, request models,
exception objects, the client and its bound methods) flows in one module, so that a use is
rewritten only when its whole flow is visible and understood.

Empty for now: the SDK analysis (``codemods.sdk.analysis``) and the raw-HTTP planning
(``codemods.http.raw_http``) still do their own tracking.
"""
from __future__ import annotations
