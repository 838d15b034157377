"""codemods.core.tokens.any_token: the one-pass token search the rewrite pre-filter uses."""
from codemods.core.tokens import any_token


def test_any_token_finds_each_token_anywhere_and_nothing_else():
    has = any_token((b"api.ding.live", b"api.ding.live/v2", b"from ding"))
    assert has(b'url = "https://api.ding.live/v2/x"')  # overlapping tokens: one is enough
    assert has(b"x = 1\nfrom ding import Ding\n")
    assert not has(b"api.ding.liv") and not has(b"import dingo")
    assert not has(b"")


def test_empty_token_sets_keep_the_in_operator_meaning():
    assert any_token(())(b"anything") is False  # no token: nothing matches
    assert any_token((b"", b"x"))(b"")  # b"" is in every text
