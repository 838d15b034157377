"""The generated rows of docs/api-changes.md state the pinned facts: each generated table is
read back row by row and compared with the hand-written expectations of the pinned-facts tests
(not with the tables that generated it)."""
import re

import pytest

from migrate import apidoc
from test_pinned_enums import CHANNEL_TO_CAPABILITY, DEVICE_TYPES, FEEDBACK, LINE_TYPES
from test_pinned_errors import CREDENTIAL_CODES, V1_TO_V2, V2_TO_V1
from test_pinned_fields import CHECK_FIELDS, CREATE_FIELDS, LOOKUP_FIELDS, OPERATIONS
from test_pinned_statuses import CHECK_V1_TO_V2, CHECK_V2_TO_V1, CREATE_V2_TO_V1, RETRY_V2_TO_V1


def _tables(block: str):
    """The markdown tables of a generated block, each a list of rows (cells without backticks),
    header and separator left out."""
    text = apidoc.DOC.read_text(encoding="utf-8")
    match = re.search(rf"<!-- BEGIN {block} -->\n(.*?)<!-- END {block} -->", text, re.S)
    assert match, f"block {block} missing"
    tables, rows = [], None
    for line in match.group(1).splitlines():
        if line.startswith("|"):
            if rows is None:
                rows = []
                tables.append(rows)
            cells = [c.strip().replace("`", "") for c in re.split(r"(?<!\\)\|", line)[1:-1]]
            rows.append(cells)
        else:
            rows = None
    return [t[2:] for t in tables]


def _pairs(table):
    return {row[0]: row[1] for row in table}


def test_enum_rows():
    line_types, device_types, feedback, channels = _tables("enums")
    assert _pairs(line_types) == LINE_TYPES
    assert _pairs(device_types) == DEVICE_TYPES
    assert _pairs(feedback) == {k: v or "no equivalent" for k, v in FEEDBACK.items()}
    assert _pairs(channels) == CHANNEL_TO_CAPABILITY


def test_v2_to_v1_error_rows():
    (rows,) = _tables("errors-v2-to-v1")
    expected = {code: (v1, "5xx kept" if v1 == "internal_server_error" else "HTTP 400") for code, v1 in V2_TO_V1.items()}
    expected.update({code: ("no code", "HTTP 403") for code in CREDENTIAL_CODES})
    documented = {row[0]: (row[1], row[2]) for row in rows if row[0] != "any other code"}
    assert documented == expected


def test_v1_to_v2_error_rows():
    (rows,) = _tables("errors-v1-to-v2")
    assert {row[0] for row in rows} == set(V1_TO_V2)
    for code, where, kind, _note in rows:
        codes, expected_kind, reason, check_status = V1_TO_V2[code]
        assert kind == expected_kind, code
        for v2_code in codes:
            assert re.search(rf"(?<![\w]){v2_code}(?![\w])", where), (code, v2_code)
        if reason:
            assert f"reason: {reason}" in where
        if check_status:
            assert f"status: {check_status}" in where


def test_status_rows():
    tables = _tables("statuses")
    create, _blocked, _accepts, check_v1, check_v2, _retry_v1, retry_v2 = tables
    assert _pairs(create) == CREATE_V2_TO_V1
    assert _pairs(check_v2) == CHECK_V2_TO_V1
    assert _pairs(check_v1) == {k: v or "no equivalent (review)" for k, v in CHECK_V1_TO_V2.items()}
    assert _pairs(retry_v2) == RETRY_V2_TO_V1


def test_field_rows():
    (create,) = _tables("create-fields")
    assert {row[0]: row[1] for row in create} == {
        field: "dropped" if key is None else (f"{section}.{key}" if section else key)
        for field, (section, key) in CREATE_FIELDS.items()}
    (check,) = _tables("check-fields")
    assert _pairs(check) == {k: v or "dropped" for k, v in CHECK_FIELDS.items()}
    (lookup,) = _tables("lookup-fields")
    assert _pairs(lookup) == LOOKUP_FIELDS


def test_operation_rows():
    (rows,) = _tables("operations")
    assert {row[0]: (row[1], row[2], row[4]) for row in rows} == {
        name: (f"{m1} /v1{p1}", f"{m2} {p2}", f"client.{call}") for name, (m1, p1, m2, p2, call) in OPERATIONS.items()}


PROSE_BLOCKS = {"unverified-codes"}  # generated sentences, not tables


@pytest.mark.parametrize("block", sorted(set(apidoc.BLOCKS) - PROSE_BLOCKS))
def test_every_generated_block_has_rows(block):
    assert all(_tables(block)) and _tables(block)


def test_the_unverified_codes_sentence_names_the_unverified_codes():
    # The v2 codes on Prelude's errors page that could not be cross-checked (docs/reference/v2-api.md).
    text = apidoc.DOC.read_text(encoding="utf-8")
    block = re.search(r"<!-- BEGIN unverified-codes -->\n(.*?)<!-- END unverified-codes -->", text, re.S).group(1)
    assert set(re.findall(r"`([a-z_]+)`", block)) == {
        "invalid_device_model", "invalid_app_version", "invalid_device_type", "unauthorized_sender_id",
        "region_blocked_by_customer", "region_missing_registration", "premature_retry"}
