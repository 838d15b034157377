"""The scanner's light position metadata gives libcst's answer for every node of every Python
file of the test data (and of a few shapes chosen for their line breaks)."""
from __future__ import annotations

import libcst as cst
import pytest
from libcst.metadata import MetadataWrapper, PositionProvider

from codemods.core import fast_positions
from paths import DATA

SHAPES = {
    "crlf": "import ding\r\nx = 1\r\n\r\ndef f():\r\n    return '''a\r\nb'''\r\n",
    "lone cr": "x = 1\ry = 2\r",
    "no trailing newline": "x = (1,\n     2)",
    "empty": "",
    "comments and decorators": "# c\n\n@d  # e\nclass A:  # f\n    '''doc'''\n\n    x: int = 1  # g\n",
    "continuations": "x = 1 + \\\n    2\nif (a and\n        b):\n    pass\n",
}
FILES = sorted(p for p in DATA.rglob("*.py"))


def _pairs(text):
    module = cst.parse_module(text)
    libcst_positions = MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
    wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
    fast = fast_positions._gen(PositionProvider(), wrapper)
    return libcst_positions, fast


def _assert_same(text):
    expected, fast = _pairs(text)
    assert len(fast) == len(expected)
    for node, code_range in expected.items():
        assert fast[node] == code_range, (type(node).__name__, code_range, fast[node])


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_the_same_ranges_as_libcst_on_line_break_shapes(shape):
    _assert_same(SHAPES[shape])


def test_the_same_ranges_as_libcst_on_every_python_file_of_the_test_data():
    checked = 0
    for path in FILES:
        try:
            text = path.read_text(encoding="utf-8")
            cst.parse_module(text)
        except (UnicodeDecodeError, cst.ParserSyntaxError):
            continue
        _assert_same(text)
        checked += 1
    assert checked > 80


def test_in_place_it_answers_through_the_wrapper_and_get(monkeypatch):
    monkeypatch.setattr(PositionProvider, "_gen", fast_positions._gen)  # what install() does
    wrapper = MetadataWrapper(cst.parse_module("import ding\nclient = ding.Ding(api_key='k')\n"))
    positions = wrapper.resolve(PositionProvider)
    call = wrapper.module.body[1].body[0].value
    assert (positions[call].start.line, positions[call].start.column, positions[call].end.column) == (2, 9, 31)  # 0-based columns, end exclusive
    assert positions.get(object()) is None
