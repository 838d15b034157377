"""Python files: one libcst parse, both shared detections, usages mapped to rules.

``codemods.detect.find_sdk_usages`` (the v1 SDK) and ``codemods.urls.find_http_usages`` (raw
HTTP, hosts, headers, docs links) read the same ``MetadataWrapper``, so the codemods and the
scanner see exactly the same things. Each usage kind is claimed by one rule module.
"""
from __future__ import annotations

from typing import List, Tuple


class PythonParseError(Exception):
    """The file is not valid Python for libcst (the text rules still run on it)."""


def python_usages(text: str, lower: "str | None" = None) -> list:
    """Every ``Usage`` of the module, sorted by position. Raises ``PythonParseError``.
    ``lower``: the text lower-cased, when the caller has it already."""
    import libcst as cst
    from libcst.metadata import MetadataWrapper

    from codemods.core import fast_positions, libcst_speedups, visitor_walk
    from codemods.detect import find_http_usages, find_sdk_usages, http_usages_possible
    from codemods.engine import parsed_wrapper

    from migrate.limits import parse_risk

    libcst_speedups.install_metadata_patches()  # libcst's metadata resolution, as in rewrite (no import passes here)
    fast_positions.install()  # libcst's positions, from offsets (a scan reads a few per file)
    visitor_walk.install()  # read-only walks (scope, expression context) rebuild nothing (as in rewrite)

    risk = parse_risk(text)  # a parser stack overflow is a segfault, not an exception
    if risk:
        raise PythonParseError(f"not parsed: {risk}")
    try:
        # (the rewrite CLI scans the file it just rewrote: the engine's parse and analyses hold)
        wrapper = parsed_wrapper(text) or MetadataWrapper(cst.parse_module(text), unsafe_skip_copy=True)
    except (cst.ParserSyntaxError, RecursionError, ValueError) as exc:
        raise PythonParseError(str(exc).splitlines()[0] if str(exc) else type(exc).__name__) from None
    # The SDK analysis first: its parent metadata records the children lists that the HTTP
    # detection's read-only walk then reuses (codemods.core.readonly_walk).
    sdk = list(find_sdk_usages(wrapper))
    usages = (list(find_http_usages(wrapper)) if http_usages_possible(text, lower) else []) + sdk
    return _drop_covered_hosts(usages)


def _inside(inner, outer) -> bool:
    return (outer.line, outer.column) <= (inner.line, inner.column) and \
        (inner.end_line, inner.end_column) <= (outer.end_line, outer.end_column)


def _drop_covered_hosts(usages: list) -> list:
    """A host string inside a raw-HTTP call is part of that call's finding (PM107 names the
    operation); reporting the string again would double-count one usage."""
    calls = [u for u in usages if u.kind == "raw-http"]
    kept = [u for u in usages if u.kind != "host" or not any(_inside(u, c) for c in calls)]
    return sorted(kept, key=lambda u: (u.line, u.column, u.kind))


def claimed_hits(usages, rule_modules) -> List[Tuple[str, object]]:
    """``(rule_id, usage)`` for each usage the (selected) rules claim; unclaimed kinds are dropped."""
    result = []
    for usage in usages:
        for rule_id, module in rule_modules.items():
            claims = getattr(module, "claims", None)
            if claims is not None and claims(usage):
                result.append((rule_id, usage))
                break
    return result


__all__ = ["PythonParseError", "claimed_hits", "python_usages"]
