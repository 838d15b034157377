"""Shared harness for the SDK codemod tests: before/after pairs through libcst's CodemodTest,
plus the idempotence check every pair gets (a second run changes nothing, output parses)."""
from __future__ import annotations

from typing import Sequence, Tuple, Type

import libcst as cst
from libcst.codemod import Codemod, CodemodContext, CodemodTest

Pair = Tuple[str, str, str]  # (id, before, after); before == after is a no-op case


class _Harness(CodemodTest):
    def runTest(self) -> None:  # unittest needs one; pytest drives the assertions
        pass


def run_codemod(codemod: Type[Codemod], source: str) -> str:
    return codemod(CodemodContext()).transform_module(cst.parse_module(source)).code


def assert_pair(codemod: Type[Codemod], before: str, after: str) -> None:
    harness = _Harness()
    harness.TRANSFORM = codemod
    harness.assertCodemod(before, after)


def assert_idempotent(codemod: Type[Codemod], after: str) -> None:
    """A second run over the (already checked) output changes nothing, and it parses."""
    once = CodemodTest.make_fixture_data(after)
    cst.parse_module(once)
    assert run_codemod(codemod, once) == once


def assert_pair_then_idempotent(codemod: Type[Codemod], before: str, after: str) -> None:
    assert_pair(codemod, before, after)
    assert_idempotent(codemod, after)


def ids(pairs: Sequence[Pair]) -> list:
    return [p[0] for p in pairs]


# No-op inputs every SDK codemod must leave byte-for-byte alone.
NOOP_SOURCES = {
    "v2-code": '''
        import prelude_python_sdk
        from prelude_python_sdk import Prelude

        client = Prelude(api_token="test-v2-key")
        res = client.verification.create(target={"type": "phone_number", "value": "+33612345678"})
        info = client.lookup.lookup("+33612345678", type=["cnam"])
        try:
            client.verification.check(target={"type": "phone_number", "value": "+33612345678"}, code="1234")
        except prelude_python_sdk.BadRequestError as e:
            print(e.body)
        ''',
    "django-app-named-ding": '''
        from ding.models import DingGroup, Word
        from ding import Ding

        app = Ding()

        def groups():
            return DingGroup.objects.filter(status="valid")
        ''',
    "dingtalk-bot": '''
        from ding import DingDing

        bot = DingDing("token")
        bot.send("deploy finished")
        ''',
    "doorbell-helper": '''
        from ding import Ding

        bell = Ding("front door")
        bell.otp = None
        bell.ring()
        ''',
    "encoding-only": '''
        with open("x", encoding="utf-8") as f:
            status = f.read() == "valid"
        ''',
}
