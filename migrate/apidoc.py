"""Generates the tables of ``docs/api-changes.md`` from ``compat.knowledge``.

The prose of that page is written by hand; the blocks between ``<!-- BEGIN name -->`` and
``<!-- END name -->`` are produced here, so the page cannot drift from the tables the adapter,
the codemods and the scanner use. ``python -m migrate.apidoc`` rewrites the page in place;
``python -m migrate.apidoc --check`` exits 1 when it is stale (the test suite runs the check).
"""
from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Callable, Dict, Iterable, List

from compat.knowledge.deadlines import DEADLINES
from compat.knowledge.enums import (
    CHANNEL_V2_TO_V1_CAPABILITY, DEVICE_TYPE_V1_TO_V2, FEEDBACK_STATUS_V1_TO_V2, LINE_TYPE_V1_TO_V2,
)
from compat.knowledge.errors import (
    V1_CODE, V1_TO_V2_ERRORS, V2_CREDENTIAL_CODES, V2_TO_V1_ERRORS, V2_UNVERIFIED_CODES)
from compat.knowledge.operations import (
    CHECK_FIELD_MOVES, CREATE_FIELD_MOVES, CREATE_FIELD_REVIEW, CREATE_FIELD_TRANSFORMS,
    LOOKUP_FIELD_MOVES, OPERATIONS,
)
from compat.knowledge.statuses import (
    CHECK_STATUS_V1_TO_V2, CHECK_STATUS_V2_TO_V1, CREATE_BLOCKED_AS_V1_ERROR,
    CREATE_BLOCKED_REASON_TO_V1_STATUS, CREATE_STATUS_V1_TO_V2, CREATE_STATUS_V2_TO_V1,
    RETRY_STATUS_V1_TO_V2, RETRY_STATUS_V2_TO_V1, V2_BLOCK_REASONS,
)

DOC = Path(__file__).resolve().parent.parent / "docs" / "api-changes.md"


def _table(header: Iterable[str], rows: Iterable[Iterable[str]]) -> str:
    header = list(header)
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def _code(value) -> str:
    return f"`{value}`" if value else "—"


def deadlines() -> str:
    return _table(("what", "date", "kind", "wording"), (
        (d.subject, str(d.date), d.kind, d.wording) for d in DEADLINES.values()))


def operations() -> str:
    return _table(("operation", "v1", "v2", "v1 SDK method", "v2 SDK call"), (
        (op.name, f"`{op.v1_method} /v1{op.v1_path}`",
         f"`{op.v2_method} {op.v2_path}`", ", ".join(f"`{op.sdk_namespace}.{m}`" for m in op.sdk_methods),
         f"`client.{op.v2_sdk_call}`") for op in OPERATIONS.values()))


def create_fields() -> str:
    def target(section, key):
        if key is None:
            return "dropped"
        return f"`{section}.{key}`" if section else f"`{key}`"
    return _table(("v1 field", "v2 field", "transform", "review"), (
        (f"`{field}`", target(*move), CREATE_FIELD_TRANSFORMS.get(field, "copy" if move[1] else ""),
         CREATE_FIELD_REVIEW.get(field, "")) for field, move in CREATE_FIELD_MOVES.items()))


def check_fields() -> str:
    return _table(("v1 field", "v2 field"), (
        (f"`{k}`", _code(v) if v else "dropped") for k, v in CHECK_FIELD_MOVES.items()))


def lookup_fields() -> str:
    return _table(("v1 response field", "v2 source"), (
        (f"`{k}`", f"`{v}`") for k, v in LOOKUP_FIELD_MOVES.items()))


def statuses() -> str:
    parts = ["Create (v2 → v1):", "", _table(("v2 status", "v1 status"), (
        (f"`{k}`", f"`{v}`") for k, v in CREATE_STATUS_V2_TO_V1.items()))]
    parts += ["", "Blocked creates by reason (v2 `reason` → v1):", "", _table(("v2 reason", "v1 outcome"), [
        *((f"`{k}`", f"status `{v}`") for k, v in CREATE_BLOCKED_REASON_TO_V1_STATUS.items()),
        *((f"`{k}`", f"HTTP 400 error `{v}`") for k, v in CREATE_BLOCKED_AS_V1_ERROR.items()),
        *((f"`{r}`", "status `spam_detected`") for r in V2_BLOCK_REASONS
          if r not in CREATE_BLOCKED_AS_V1_ERROR and r not in CREATE_BLOCKED_REASON_TO_V1_STATUS),
    ])]
    parts += ["", "Create (v1 status a rewritten comparison accepts → v2):", "", _table(("v1 status", "v2 statuses"), (
        (f"`{k}`", ", ".join(f"`{s}`" for s in v)) for k, v in CREATE_STATUS_V1_TO_V2.items()))]
    parts += ["", "Check:", "", _table(("v1 status", "v2 status"), (
        (f"`{k}`", _code(v) if v else "no equivalent (review)") for k, v in CHECK_STATUS_V1_TO_V2.items()))]
    parts += ["", _table(("v2 status", "v1 status"), (
        (f"`{k}`", f"`{v}`") for k, v in CHECK_STATUS_V2_TO_V1.items()))]
    parts += ["", "Retry (a v2 re-create):", "", _table(("v1 status", "v2 status"), (
        (f"`{k}`", _code(v) if v else "no equivalent (review)") for k, v in RETRY_STATUS_V1_TO_V2.items()))]
    parts += ["", _table(("v2 create status", "v1 retry status"), (
        (f"`{k}`", f"`{v}`") for k, v in RETRY_STATUS_V2_TO_V1.items()))]
    return "\n".join(parts)


def enums() -> str:
    parts = ["Line types:", "", _table(("v1 `line_type`", "v2 `line_type`"), (
        (f"`{k}`", f"`{v}`") for k, v in LINE_TYPE_V1_TO_V2.items()))]
    parts += ["", "Device types:", "", _table(("v1 `device_type`", "v2 `signals.device_platform`"), (
        (f"`{k}`", f"`{v}`") for k, v in DEVICE_TYPE_V1_TO_V2.items()))]
    parts += ["", "Feedback:", "", _table(("v1 feedback `status`", "v2 Watch feedback `type`"), (
        (f"`{k}`", _code(v) if v else "no equivalent") for k, v in FEEDBACK_STATUS_V1_TO_V2.items()))]
    parts += ["", "Attempt channels (status history):", "", _table(("v2 `channel`", "v1 `capability`"), (
        (f"`{k}`", f"`{v}`") for k, v in CHANNEL_V2_TO_V1_CAPABILITY.items()))]
    return "\n".join(parts)


def errors_v1_to_v2() -> str:
    def where(move):
        bits = [", ".join(f"`{c}`" for c in move.v2_codes)] if move.v2_codes else []
        if move.blocked_reason:
            bits.append(f"200 `status: blocked`, `reason: {move.blocked_reason}`")
        if move.check_status:
            bits.append(f"200 check `status: {move.check_status}`")
        return "; ".join(bits) or "none"
    return _table(("v1 code", "in v2", "kind", "note"), (
        (f"`{code}`", where(move), move.kind, move.note) for code, move in V1_TO_V2_ERRORS.items()))


def errors_v2_to_v1() -> str:
    rows = [(f"`{code}`", f"`{v1}`", "HTTP 400" if v1 != V1_CODE.internal_server_error else "5xx kept")
            for code, v1 in V2_TO_V1_ERRORS.items()]
    rows += [(f"`{code}`", "no code", "HTTP 403") for code in sorted(V2_CREDENTIAL_CODES)]
    rows.append(("any other code", f"`{V1_CODE.bad_request}` / `{V1_CODE.internal_server_error}`",
                 "by status class: 4xx → 400, 5xx kept"))
    return _table(("v2 code", "v1 code", "v1 status"), rows)


def unverified_codes() -> str:
    codes = ", ".join(f"`{code}`" for code in sorted(V2_UNVERIFIED_CODES))
    return (f"Codes marked unverified in the reference ({codes}) are listed on Prelude's v2 errors page "
            "as quoted in our requirements but could not be cross-checked; the tables keep them.")


BLOCKS: Dict[str, Callable[[], str]] = {
    "deadlines": deadlines, "operations": operations, "create-fields": create_fields,
    "check-fields": check_fields, "lookup-fields": lookup_fields, "statuses": statuses,
    "enums": enums, "errors-v1-to-v2": errors_v1_to_v2, "errors-v2-to-v1": errors_v2_to_v1,
    "unverified-codes": unverified_codes,
}


def render(text: str) -> str:
    missing: List[str] = []
    for name, build in BLOCKS.items():
        pattern = re.compile(rf"(<!-- BEGIN {name} -->\n).*?(<!-- END {name} -->)", re.S)
        if not pattern.search(text):
            missing.append(name)
            continue
        text = pattern.sub(lambda m: m.group(1) + build() + "\n" + m.group(2), text)
    if missing:
        raise ValueError(f"{DOC}: missing generated blocks: {', '.join(missing)}")
    return text


def main(argv: List[str]) -> int:
    current = DOC.read_text(encoding="utf-8")
    fresh = render(current)
    if "--check" in argv:
        if fresh != current:
            print(f"{DOC} is stale: run `python -m migrate.apidoc`", file=sys.stderr)
            return 1
        return 0
    DOC.write_text(fresh, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
