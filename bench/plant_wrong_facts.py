"""Plant one wrong fact at a time in the knowledge layer's mappings and run the pinned-facts
tests (tests/compat/knowledge/): every planted fact must fail at least one of them.

    python bench/plant_wrong_facts.py            # all mappings; prints one line per survivor
    python bench/plant_wrong_facts.py --list     # the mutations only

A mutation changes one entry of one mapping in place (a value swapped for another value of the
same table, or a sentinel), or drops one member of a fact set; the objects are shared by every
reader (compat.translate, the adapter), so the tests see the wrong fact through the public entry
points too. The doc-freshness check (tests/migrate/test_apidoc.py) is not among the tests run.
"""
from __future__ import annotations

import argparse
import dataclasses
import io
import sys
import time
from contextlib import redirect_stdout
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import pytest  # noqa: E402

from compat.knowledge import enums, errors, operations, sdk_shapes, statuses  # noqa: E402

SENTINEL = "planted_wrong"
TESTS = [str(ROOT / "tests" / "compat" / "knowledge" / name) for name in (
    "test_pinned_errors.py", "test_pinned_statuses.py", "test_pinned_enums.py", "test_pinned_fields.py",
    "test_error_answers.py")]

MAPPINGS = {
    errors: ("V2_TO_V1_ERRORS", "V1_TO_V2_ERRORS", "V1_CODES_MISSING_FROM_SDK", "STATUS_ANSWERS"),
    statuses: ("CREATE_STATUS_V2_TO_V1", "CREATE_BLOCKED_REASON_TO_V1_STATUS", "CREATE_BLOCKED_AS_V1_ERROR",
               "CREATE_STATUS_V1_TO_V2", "CHECK_STATUS_V2_TO_V1", "CHECK_STATUS_V1_TO_V2", "RETRY_STATUS_V2_TO_V1",
               "RETRY_BLOCKED_REASON_TO_V1_STATUS", "RETRY_STATUS_V1_TO_V2"),
    enums: ("LINE_TYPE_V1_TO_V2", "LINE_TYPE_V2_TO_V1", "DEVICE_TYPE_V1_TO_V2", "DEVICE_TYPE_V2_TO_V1",
            "FEEDBACK_STATUS_V1_TO_V2", "CHANNEL_V2_TO_V1_CAPABILITY", "DELIVERY_STATUS_V2_TO_V1"),
    operations: ("OPERATIONS", "CREATE_FIELD_MOVES", "CHECK_FIELD_MOVES", "LOOKUP_FIELD_MOVES"),
    sdk_shapes: ("SDK_V1_RESPONSE_FIELDS",),
}
FACT_SETS = {errors: ("V2_CREDENTIAL_CODES",), statuses: ("V2_BLOCK_REASONS", "CHECK_STATUS_APPROXIMATE"),
             operations: ("V1_CREATE_BOOLEAN_FIELDS",)}
PAIR_TABLES = {"CREATE_FIELD_MOVES"}  # values are (v2 section, v2 key)
FIELDS = {errors.V1ErrorMove: ("v2_codes", "kind", "blocked_reason", "check_status"),
          operations.Operation: ("v1_method", "v1_path", "v2_method", "v2_path", "v2_sdk_call")}


def _other(value, pool):
    """A wrong value for ``value``: another value of the same table, else the sentinel."""
    for candidate in sorted(pool, key=repr):
        if candidate != value and type(candidate) is type(value):
            return candidate
    if isinstance(value, tuple):
        return value[1:] if value else (SENTINEL,)
    return SENTINEL


def _wrong(value, pool, pairs=False):
    """Every wrong version of one entry's value (one per field for records)."""
    if type(value) in FIELDS:
        out = []
        for name in FIELDS[type(value)]:
            field_pool = [getattr(v, name) for v in pool if type(v) is type(value)]
            out.append((name, dataclasses.replace(value, **{name: _other(getattr(value, name), field_pool)})))
        return out
    if pairs:  # (section, key): wrong key, wrong section
        return [("key", (value[0], _other(value[1], [p[1] for p in pool]))),
                ("section", (_other(value[0], [p[0] for p in pool]), value[1]))]
    if isinstance(value, dict):
        return [(f"[{k!r}]", {**value, k: _other(v, value.values())}) for k, v in value.items()]
    return [("", _other(value, pool))]


def mutations():
    for module, names in MAPPINGS.items():
        for name in names:
            table = getattr(module, name)
            for key, value in list(table.items()):
                for what, wrong in _wrong(value, list(table.values()), name in PAIR_TABLES):
                    yield f"{module.__name__.rsplit('.', 1)[1]}.{name}[{key!r}]{what}", table, key, wrong
    for module, names in FACT_SETS.items():
        for name in names:
            facts = getattr(module, name)
            for member in sorted(facts):
                yield f"{module.__name__.rsplit('.', 1)[1]}.{name} without {member!r}", (module, name), member, None


def _swap_everywhere(old, new):
    """Point every loaded module's reference to ``old`` at ``new`` (immutable fact sets)."""
    swapped = []
    for module in list(sys.modules.values()):
        for attr, value in list(vars(module).items()) if hasattr(module, "__dict__") else ():
            if value is old:
                setattr(module, attr, new)
                swapped.append((module, attr))
    return swapped


def _tests_fail() -> bool:
    with redirect_stdout(io.StringIO()):
        code = pytest.main(["-q", "-x", "-p", "no:cacheprovider", "-p", "no:randomly", *TESTS])
    return code == pytest.ExitCode.TESTS_FAILED


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--list", action="store_true", help="list the mutations and exit")
    args = parser.parse_args()
    planted = list(mutations())
    if args.list:
        print("\n".join(label for label, *_ in planted))
        return 0
    assert not _tests_fail(), "the pinned tests must pass before planting anything"
    started, survivors = time.monotonic(), []
    for label, table, key, wrong in planted:
        if isinstance(table, tuple):  # a fact set: drop one member everywhere
            module, name = table
            old = getattr(module, name)
            new = type(old)(m for m in old if m != key)
            swapped = _swap_everywhere(old, new)
            try:
                caught = _tests_fail()
            finally:
                for owner, attr in swapped:
                    setattr(owner, attr, old)
        else:
            right = table[key]
            table[key] = wrong
            try:
                caught = _tests_fail()
            finally:
                table[key] = right
        if not caught:
            survivors.append(label)
            print("NOT CAUGHT:", label, flush=True)
    assert not _tests_fail(), "restoring the facts must make the tests pass again"
    print(f"{len(planted)} wrong facts planted, {len(planted) - len(survivors)} caught by the pinned tests, "
          f"{len(survivors)} not caught ({time.monotonic() - started:.0f} s)")
    return 1 if survivors else 0


if __name__ == "__main__":
    sys.exit(main())
