"""The pre-filter's tokens stay within what one SIMD automaton searches fast (see
codemods/syntax/triggers.py): a rule that adds triggers must make room first."""
from migrate.scan.prefilter import TEXT_TRIGGERS, make_matcher, strong_python_triggers


def test_the_first_automaton_holds_at_most_64_patterns():
    assert len(set(TEXT_TRIGGERS) | set(strong_python_triggers())) <= 64


def test_kebab_config_names_pass_only_with_another_token():
    matcher = make_matcher()
    assert matcher.groups(b"apikeysecret: ding-api-key\n", b"", False) == (False, False)
    assert matcher.groups(b"key: ding_api_token\n", b"", False)[0]
    assert matcher.groups(b"const t = process.env.dingapitoken;\n", b"", False)[0]
