"""Shared helpers for the rewrite tests: before/after pairs through libcst's CodemodTest, and a
CLI runner that keeps stdout and stderr apart."""
from __future__ import annotations

import textwrap
from typing import Type

import libcst as cst
from click.testing import CliRunner
from libcst.codemod import CodemodContext, CodemodTest


def assert_codemod(transform: Type, before: str, after: str) -> None:
    """``before`` becomes ``after`` (both dedented), and ``after`` parses."""
    case = type("Case", (CodemodTest,), {"TRANSFORM": transform})()
    case.assertCodemod(before, after)
    cst.parse_module(textwrap.dedent(after))


def run_codemod(transform: Type, code: str) -> str:
    module = cst.parse_module(textwrap.dedent(code))
    return transform(CodemodContext()).transform_module(module).code


def assert_idempotent(transform: Type, after: str) -> None:
    """A second run over the expected output changes nothing (no repeated TODOs)."""
    once = textwrap.dedent(after)
    assert run_codemod(transform, once) == once


def cli_runner() -> CliRunner:
    try:
        return CliRunner(mix_stderr=False)  # click < 8.2
    except TypeError:
        return CliRunner()  # click >= 8.2 keeps stderr apart by default


def rewritten_twice(source: str, path: str = "m.py") -> str:
    """``source`` through the whole rewrite (``codemods.engine.rewrite_source``); asserts that it
    was rewritten without error and that a second run changes nothing."""
    from codemods.engine import rewrite_source

    once = rewrite_source(source, path)
    assert once.error is None, once.error
    assert rewrite_source(once.new_source, path).new_source == once.new_source
    return once.new_source


def todos_above(new: str, line: str, marker: str = "# TODO(prelude-migration): ") -> list:
    """The TODO comment lines right above ``line`` in the rewritten ``new``, nearest first."""
    above = new[:new.index(line)].rstrip("\n").split("\n")
    found = []
    while above and above[-1].strip().startswith(marker):
        found.append(above.pop().strip())
    return found
