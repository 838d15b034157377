"""The one line index: \\n, \\r\\n and lone \\r all end a line, as libcst counts them."""
import libcst as cst
from hypothesis import given, settings, strategies as st
from libcst.metadata import MetadataWrapper, PositionProvider

from codemods.syntax import LineIndex, split_lines, usages


def test_mixed_endings():
    text = "a\rb\r\nc\nd"
    index = LineIndex(text)
    assert [index.line_text(n) for n in range(1, 5)] == ["a", "b", "c", "d"]
    assert index.position(text.index("c")) == (3, 1)
    assert index.position(text.index("d")) == (4, 1)
    assert index.offset(3, 1) == text.index("c")
    assert index.line_text(9) == ""
    assert split_lines("x\r\n") == ["x", ""]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["x = 1", "y = 'api'", ""]), min_size=1, max_size=6),
       st.lists(st.sampled_from(["\n", "\r\n", "\r"]), min_size=6, max_size=6))
def test_agrees_with_libcst(lines, endings):
    text = "".join(line + endings[i] for i, line in enumerate(lines))
    wrapper = MetadataWrapper(cst.parse_module(text))
    positions = wrapper.resolve(PositionProvider)
    index = LineIndex(text)
    for node, pos in positions.items():
        if isinstance(node, cst.SimpleString):
            offset = index.offset(pos.start.line, pos.start.column + 1)
            assert text[offset:offset + len(node.value)] == node.value


def test_syntax_positions_with_lone_cr():
    src = 'const a = 1;\rconst b = "https://api.ding.live/v1";\r\nconst c = 2;\n'
    (found,) = usages("typescript", src, path="a.ts")
    assert (found.line, found.column) == (2, 12)
