"""One detected v1 usage in a Python file. Produced by the shared detection
(``codemods.sdk.analysis`` for the SDK, ``codemods.http`` for raw HTTP and hosts) and handed to the
scanner's Python rules by ``codemods.detect``, so the codemods and the scanner never disagree."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Tuple

# What a usage is. The scanner maps each kind to one rule.
KINDS = (
    "sdk-import",      # import of the v1 ding SDK (only when other SDK evidence exists)
    "sdk-client",      # Ding(...) / ding.Ding(...) / sdk.SDK(...) construction
    "sdk-call",        # a v1 operation on a client: detail = operation name ("create", "check", ...)
    "sdk-error",       # except errors.ErrorResponse / SDKError, or a v1 error-code comparison
    "raw-http",        # requests/httpx call to a v1 endpoint: detail = operation name
    "api-key-header",  # X-API-Key header sent to v1
    "host",            # "api.ding.live" in a string: detail = the URL or string
    "callback-url",    # callback_url passed to v1 (webhook payloads changed)
    "docs-link",       # old documentation link: detail = the URL
)


@dataclass(frozen=True)
class Usage:
    kind: str
    detail: str
    line: int  # 1-based
    column: int  # 1-based (libcst's PositionProvider column + 1)
    end_line: int
    end_column: int  # 1-based, exclusive
    fixable: bool  # a codemod rewrites it completely (without leaving a TODO)
    # a codemod edits this span, maybe leaving a TODO at it (the scanner's "fixable": what rewrite
    # changes); None: the same as ``fixable``
    changes: Optional[bool] = None
    # the spans ((line, column, end_line, end_column), 1-based, end exclusive) that the codemods
    # change on behalf of this usage: the call they replace, the request model statement they
    # delete, the response reads they rewrite (the scanner's "fixable" for findings inside them)
    edits: Tuple[Tuple[int, int, int, int], ...] = ()
