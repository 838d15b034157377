"""libcst's ``PositionProvider`` answers, computed for less (the scanner installs it).

libcst computes positions by generating the module's code with a codegen state that, for every
token, splits it on newlines and, for every node, builds two ``CodePosition`` and a
``CodeRange`` (``libcst/metadata/position_provider.py``); a scan then reads the positions of a
few nodes per file. Here the same codegen runs with a state that only adds token lengths and
notes where lines start (tokens with a line break are rare), keeps each node's span as two
offsets, and builds the ``CodeRange`` of a node when it is read. The answers are libcst's:
the same codegen calls the same ``before_codegen`` / ``after_codegen`` /
``record_syntactic_position`` hooks in the same order, and a line starts after each match of
libcst's own ``NEWLINE_RE`` within a token, as libcst counts it
(``tests/codemods/core/test_fast_positions.py`` compares every node of the test data).
"""
from __future__ import annotations

import bisect
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Dict, Iterator, List, Optional, Tuple

_installed = [False]


def install() -> None:
    """Make ``PositionProvider`` compute the light way (idempotent)."""
    if _installed[0]:
        return
    from libcst.metadata.position_provider import PositionProvider

    assert "_gen_impl" in vars(PositionProvider)  # the class this replaces the work of
    PositionProvider._gen = _gen  # type: ignore[method-assign]
    _installed[0] = True


def _gen(self, wrapper) -> "MappingProxyType":
    """``BaseMetadataProvider._gen`` for ``PositionProvider``: the mapping of node -> CodeRange."""
    from libcst.metadata.position_provider import NEWLINE_RE

    module = wrapper.module
    state = _OffsetState(default_indent=module.default_indent, default_newline=module.default_newline,
                         provider=None, newline=NEWLINE_RE)
    module._codegen(state)
    self._computed = {}
    return MappingProxyType(LazyRanges(state.spans, state.line_starts))


def _state_class():
    from libcst._nodes.internal import CodegenState

    @dataclass(frozen=False)
    class OffsetState(CodegenState):
        newline: object = None
        offset: int = 0
        spans: Dict[object, Tuple[int, int]] = field(default_factory=dict)
        line_starts: List[int] = field(default_factory=lambda: [0])
        stack: List[int] = field(default_factory=list)

        def add_indent_tokens(self) -> None:
            for token in self.indent_tokens:
                self.add_token(token)

        def add_token(self, value: str) -> None:
            self.tokens.append(value)  # (Module's codegen asks whether any token was added)
            if "\n" in value or "\r" in value:
                starts = self.line_starts
                for match in self.newline.finditer(value):
                    starts.append(self.offset + match.end())
            self.offset += len(value)

        def before_codegen(self, node) -> None:
            self.stack.append(self.offset)

        def after_codegen(self, node) -> None:
            start = self.stack.pop()
            if node not in self.spans:  # a syntactic position recorded inside stands
                self.spans[node] = (start, self.offset)

        def record_syntactic_position(self, node, *, start_node=None, end_node=None):
            return _Syntactic(self, node, start_node, end_node)

    return OffsetState


class _Syntactic:
    """``PositionProvidingCodegenState.record_syntactic_position`` as a plain context manager."""

    __slots__ = ("state", "node", "start_node", "end_node", "start")

    def __init__(self, state, node, start_node, end_node) -> None:
        self.state, self.node, self.start_node, self.end_node = state, node, start_node, end_node

    def __enter__(self) -> None:
        self.start = self.state.offset

    def __exit__(self, *exc) -> bool:
        spans = self.state.spans
        start = spans[self.start_node][0] if self.start_node is not None else self.start
        end = spans[self.end_node][1] if self.end_node is not None else self.state.offset
        spans[self.node] = (start, end)
        return False


class LazyRanges(Mapping):
    """node -> ``CodeRange``, built from the offsets when read."""

    def __init__(self, spans: Dict[object, Tuple[int, int]], line_starts: List[int]) -> None:
        self._spans, self._starts = spans, line_starts

    def _position(self, offset: int):
        from libcst._position import CodePosition

        line = bisect.bisect_right(self._starts, offset)
        return CodePosition(line, offset - self._starts[line - 1])

    def __getitem__(self, node):
        from libcst._position import CodeRange

        start, end = self._spans[node]
        return CodeRange(self._position(start), self._position(end))

    def get(self, node, default: Optional[object] = None):
        return self[node] if node in self._spans else default

    def __contains__(self, node) -> bool:
        return node in self._spans

    def __iter__(self) -> Iterator[object]:
        return iter(self._spans)

    def __len__(self) -> int:
        return len(self._spans)


class _LazyStateClass:
    cls = None


def _OffsetState(**kwargs):
    if _LazyStateClass.cls is None:
        _LazyStateClass.cls = _state_class()
    return _LazyStateClass.cls(**kwargs)


__all__ = ["LazyRanges", "install"]
