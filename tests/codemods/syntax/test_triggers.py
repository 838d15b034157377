"""The pre-filter's tokens stay within what one SIMD automaton searches fast (see
codemods/syntax/triggers.py): a rule that adds triggers must make room first."""
from migrate.scan.prefilter import make_matcher, minimal


def test_each_automaton_holds_at_most_64_patterns():
    sizes = make_matcher().sizes
    assert set(sizes) == {"any", "text", "python", "weak"}
    assert max(sizes.values()) <= 64, sizes


def test_a_token_holding_another_is_no_pattern_of_its_own():
    assert minimal([b"customeruuid", b"dingcustomeruuid", b"ding_url", b"customeruuid"]) == [b"customeruuid", b"ding_url"]


def test_kebab_config_names_pass_only_with_another_token():
    matcher = make_matcher()
    assert matcher.groups(b"apikeysecret: ding-api-key\n", b"", False) == (False, False)
    assert matcher.groups(b"key: ding_api_token\n", b"", False)[0]
    assert matcher.groups(b"const t = process.env.dingapitoken;\n", b"", False)[0]
    # the superstring tokens dropped from the automaton still pass
    assert matcher.groups(b"prelude_customer_uuid: x\n", b"", False)[0]
