"""Jupyter notebooks: the Python rules run over the code cells and report positions in the
.ipynb JSON text (the characters of the code inside its JSON string)."""
from __future__ import annotations

import json

from scan_helpers import positions, run_cli, scan_tree, write_tree


def notebook(*cells, indent=1) -> str:
    """An nbformat-4 notebook; a cell is ("code"|"markdown", source list or string[, outputs])."""
    built = []
    for kind, source, *rest in cells:
        cell = {"cell_type": kind, "metadata": {}, "source": source}
        if kind == "code":
            cell.update(execution_count=None, outputs=rest[0] if rest else [])
        built.append(cell)
    return json.dumps({"cells": built, "metadata": {}, "nbformat": 4, "nbformat_minor": 5},
                      indent=indent) + "\n"


def position_of(text: str, needle: str, occurrence: int = 0):
    """(line, column) of the n-th occurrence of ``needle`` in the notebook's JSON text."""
    offset = -1
    for _ in range(occurrence + 1):
        offset = text.index(needle, offset + 1)
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def by_rule(findings):
    return sorted((f.rule, f.line, f.column) for f in findings)


V1_NOTEBOOK = notebook(
    ("markdown", ["# Verify a phone\n", "import ding is shown here as prose: s.otp.check(x)\n"]),
    ("code", ["%pip install ding-api-client\n", "import ding\n", "from ding.models import components\n"]),
    ("code", ["!echo setup\n", "files = !ls\n", "ding.Ding?\n",
              "s = ding.Ding(api_key='test-v1-key')\n",
              "r = s.otp.check(components.CreateCheckRequest(customer_uuid='c', authentication_uuid='a', check_code='1'))"],
     [{"output_type": "stream", "name": "stdout", "text": ["s.otp.retry(components.RetryAuthenticationRequest())\n"]}]),
    ("code", "%%bash\nfor x in 1 2; do echo $x; done\n"),
    ("code", ["import requests\n", 'requests.post("https://api.ding.live/v1/check", json={})\n']),
)


def test_python_rules_run_across_code_cells_at_json_positions(tmp_path):
    write_tree(tmp_path, {"otp.ipynb": V1_NOTEBOOK})
    findings, summary = scan_tree(tmp_path)
    text = V1_NOTEBOOK
    expected = sorted([
        ("PM103", *position_of(text, "import ding\\n")),
        ("PM103", *position_of(text, "from ding.models")),
        ("PM105", *position_of(text, "ding.Ding(api_key")),
        ("PM106", *position_of(text, "s.otp.check(components", 0)),
        ("PM107", *position_of(text, "requests.post(")),
        ("PM112", *position_of(text, "customer_uuid='c'")),  # the v1 body field, in a code cell
        ("PM117", *position_of(text, "authentication_uuid='a'")),  # the other v1 body fields
        ("PM117", *position_of(text, "check_code='1'")),
    ])
    assert by_rule(findings) == expected
    # the positions really are those lines of the file (hard numbers for the reader)
    assert expected[0][1:] == (16, 6) and ("PM107", 55, 6) in expected
    assert summary.files_parse_failed == []
    assert not any(f.fixable for f in findings)  # `rewrite` does not edit notebooks
    assert all(f.path == "otp.ipynb" for f in findings)


def test_markdown_cells_and_outputs_are_not_python(tmp_path):
    text = notebook(("markdown", ["import ding\n", "s = ding.Ding(api_key='k')\n"]),
                    ("code", ["import ding\n", "x = 1\n"],
                     [{"output_type": "stream", "name": "stdout",
                       "text": ["s = ding.Ding(api_key='k')\n", "s.otp.check(components.CreateCheckRequest())\n"]}]))
    write_tree(tmp_path, {"n.ipynb": text})
    findings, summary = scan_tree(tmp_path)
    assert findings == [] and summary.files_parse_failed == []


def test_a_cell_that_does_not_parse_is_named_and_the_others_are_analysed(tmp_path):
    text = notebook(("code", ["import ding\n"]), ("code", ["def broken(:\n"]),
                    ("code", ["c = ding.Ding(api_key='test-v1-key')\n"]))
    write_tree(tmp_path, {"n.ipynb": text})
    findings, summary = scan_tree(tmp_path, select=["PM105"])
    assert positions(findings) == [position_of(text, "ding.Ding(")]
    [(path, reason)] = summary.files_parse_failed
    assert path == "n.ipynb" and "cell 2" in reason and "cell 1" not in reason and "cell 3" not in reason


def test_one_string_source_with_json_escapes_maps_columns_exactly(tmp_path):
    # source as one string: "\n" escapes keep three code lines on one JSON line; \" and \u00e9
    # before the call take 2 and 6 JSON characters for one code character, an emoji 12
    source = 'import ding\nlabel = "caf\u00e9 \U0001F600 \\"x\\""; c = ding.Ding(api_key="k")\nc.otp.retry(x)\n'
    text = notebook(("code", source), indent=None)
    assert '\\\\\\"x' in text and "\\u00e9" in text and "\\ud83d\\ude00" in text  # JSON: \\\"x and \u00e9
    write_tree(tmp_path, {"n.ipynb": text})
    findings, _ = scan_tree(tmp_path, select=["PM105", "PM106"])
    assert by_rule(findings) == sorted([("PM105", *position_of(text, "ding.Ding(")),
                                        ("PM106", *position_of(text, "c.otp.retry("))])
    client = [f for f in findings if f.rule == "PM105"][0]
    line = text.split("\n")[client.line - 1]
    assert line[client.end_column - 2] == ")"  # the end is exclusive: just after "ding.Ding(...)"


def test_near_misses_v2_code_and_ding_import_alone(tmp_path):
    text = notebook(("code", ["from prelude_python_sdk import Prelude\n",
                              "client = Prelude(api_token='test-v2-key')\n",
                              "client.verification.create(target={'type': 'phone_number', 'value': '+33600000000'})\n"]),
                    ("code", ["from ding import Ding  # the doorbell library\n", "app = Ding()\n"]))
    write_tree(tmp_path, {"v2.ipynb": text})
    findings, summary = scan_tree(tmp_path)
    assert findings == [] and summary.files_parse_failed == []


def test_a_broken_ipynb_is_reported_and_text_rules_still_run(tmp_path):
    text = '{"cells": [{"cell_type": "code", "source": ["requests.post(\\"https://api.ding.live/v1/check\\")"'
    write_tree(tmp_path, {"broken.ipynb": text, "ok.py": "X = 1\n"})
    findings, summary = scan_tree(tmp_path)
    assert [(f.rule, f.path) for f in findings] == [("PM101", "broken.ipynb")]
    [(path, reason)] = summary.files_parse_failed
    assert path == "broken.ipynb" and reason.startswith("not a readable notebook")


def test_suppression_comment_in_a_cell_covers_the_next_code_line(tmp_path):
    text = notebook(("code", ["import ding\n", "# prelude-migrate: ignore[PM105]\n",
                              "a = ding.Ding(api_key='k')\n", "b = ding.Ding(api_key='k')\n"]))
    write_tree(tmp_path, {"n.ipynb": text})
    findings, summary = scan_tree(tmp_path, select=["PM105"])
    assert positions(findings) == [position_of(text, "ding.Ding(", 1)] and summary.suppressed == 1


def test_sarif_regions_point_into_the_notebook_file(tmp_path):
    write_tree(tmp_path, {"otp.ipynb": V1_NOTEBOOK})
    result = run_cli([".", "--format", "sarif", "--select", "PM107", "--today", "2026-05-01"], tmp_path)
    assert result.exit_code == 1
    [sarif_result] = json.loads(result.stdout)["runs"][0]["results"]
    location = sarif_result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "otp.ipynb"
    line, column = position_of(V1_NOTEBOOK, "requests.post(")
    assert (location["region"]["startLine"], location["region"]["startColumn"]) == (line, column)


def test_nbformat_3_worksheets_are_read_too(tmp_path):
    text = json.dumps({"nbformat": 3, "worksheets": [{"cells": [
        {"cell_type": "code", "input": ["import ding\n", "c = ding.Ding(api_key='k')\n"], "outputs": []},
        {"cell_type": "markdown", "source": ["ding.Ding(api_key='k')\n"]}]}]}, indent=1)
    write_tree(tmp_path, {"old.ipynb": text})
    findings, summary = scan_tree(tmp_path, select=["PM105"])
    assert positions(findings) == [position_of(text, "ding.Ding(")] and summary.files_parse_failed == []
