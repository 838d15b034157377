"""docs/codemods.md's policy section ("The policy by defect class, before and after"): every
``<!-- policy-example: sdk|http -->`` diff block is a fragment of a v1 module; its ``-`` side,
under the module head below, is rewritten and must give its ``+`` side, and a second run must
change nothing. So the page says what the code does."""
from __future__ import annotations

import re

import pytest

from codemods.engine import rewrite_source
from paths import ROOT

HEADS = {
    "sdk": '''import asyncio
import functools
import uuid

import requests
import ding
from ding.models import components, errors

client = ding.Ding(api_key=KEY)
''',
    "http": '''import requests

BASE = "https://api.ding.live/v1"
HEADERS = {"X-API-Key": KEY}
''',
}
BLOCK = re.compile(r"<!-- policy-example: (\w+) -->\n```diff\n(.*?)```", re.S)


def _examples():
    text = (ROOT / "docs" / "codemods.md").read_text(encoding="utf-8")
    return [(kind, body) for kind, body in BLOCK.findall(text)]


def _sides(body: str):
    before, after = [], []
    for line in body.splitlines():
        mark, rest = (line[:1], line[1:]) if line else (" ", "")
        if mark in " -":
            before.append(rest)
        if mark in " +":
            after.append(rest)
    return "\n".join(before) + "\n", "\n".join(after) + "\n"


def test_the_page_has_an_example_for_every_class():
    assert len(_examples()) >= 15


@pytest.mark.parametrize("kind, body", _examples(), ids=lambda v: v if v in HEADS else v.split("\n")[0][:40])
def test_each_policy_example_is_what_the_rewrite_does(kind, body):
    before, after = _sides(body)
    once = rewrite_source(HEADS[kind] + "\n\n" + before, "example.py")
    assert once.error is None, once.error
    assert after in once.new_source, once.new_source
    assert rewrite_source(once.new_source, "example.py").new_source == once.new_source
