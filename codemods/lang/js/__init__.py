"""JS/TS: raw HTTP calls to v1 (fetch, axios, got, ky, node-fetch) and the v1 SDKs."""
from __future__ import annotations

from codemods.lang.edits import Plan


def plan_js(tree, path) -> Plan:
    from codemods.lang.js.raw_http import plan_raw_http
    from codemods.lang.js.sdk import plan_sdk

    raw, sdk = plan_raw_http(tree), plan_sdk(tree)
    return Plan(edits=raw.edits + sdk.edits, marks=raw.marks + sdk.marks)
