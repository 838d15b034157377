"""Every rule's documented examples: flagged files at the exact line and column, near misses
not flagged. The examples live on the rule modules (and feed docs/scan.md)."""
from __future__ import annotations

import pytest

from migrate.scan.rules import ALL_RULES, RULE_MODULES
from scan_helpers import positions, scan_tree, write_tree
from paths import ROOT

CASES = [(rule_id, index, example)
         for rule_id, module in RULE_MODULES.items()
         for index, example in enumerate(module.EXAMPLES)]


@pytest.mark.parametrize("rule_id,index,example", CASES,
                         ids=[f"{r}-{i}-{e.path}" for r, i, e in CASES])
def test_rule_example(tmp_path, rule_id, index, example):
    write_tree(tmp_path, {example.path: example.source})
    findings, summary = scan_tree(tmp_path, select=[rule_id])
    assert summary.files_scanned == 1
    assert summary.files_parse_failed == []
    assert positions(findings, rule_id) == list(example.flagged), [f.message for f in findings]


REPOSITORY_CASES = [(rule_id, module) for rule_id, module in RULE_MODULES.items()
                    if hasattr(module, "REPOSITORY_EXAMPLE")]


@pytest.mark.parametrize("rule_id,module", REPOSITORY_CASES, ids=[r for r, _ in REPOSITORY_CASES])
def test_rule_repository_example(tmp_path, rule_id, module):
    """Rules that need a repository (evidence in another file) document a small tree."""
    write_tree(tmp_path, module.REPOSITORY_EXAMPLE)
    findings, _ = scan_tree(tmp_path, select=[rule_id])
    got = {}
    for f in findings:
        got.setdefault(f.path, []).append((f.line, f.column))
    assert got == {path: list(flagged) for path, flagged in module.REPOSITORY_FLAGGED.items()}


def test_every_rule_has_flagged_and_clean_examples():
    for rule_id, module in RULE_MODULES.items():
        assert any(e.flagged for e in module.EXAMPLES) or hasattr(module, "REPOSITORY_EXAMPLE"), rule_id
        assert any(not e.flagged for e in module.EXAMPLES), rule_id


def test_rule_metadata_is_complete_and_unique():
    names = [info.name for info in ALL_RULES.values()]
    assert len(set(names)) == len(names)
    for rule_id, info in ALL_RULES.items():
        assert info.id == rule_id and info.docs_url.endswith("#" + rule_id.lower())
        if rule_id.startswith("PM3"):  # the tool's own traces: a fixed severity, no deadline
            assert info.deadline is None and info.fixed_severity == "warning"
        else:
            assert (info.deadline is None) == (info.fixed_severity == "info")


def test_every_usage_kind_of_the_shared_detection_is_claimed_by_one_rule():
    from codemods.core.usage import KINDS, Usage

    for kind in KINDS:
        details = ["https://api.ding.live/v1/check", "https://api.ding.live/v2/notify"] if kind == "host" else ["check"]
        for detail in details:
            usage = Usage(kind, detail, 1, 1, 1, 2, False)
            owners = [rule_id for rule_id, module in RULE_MODULES.items()
                      if hasattr(module, "claims") and module.claims(usage)]
            assert len(owners) == 1, (kind, detail, owners)
            assert RULE_MODULES[owners[0]].usage_message(usage)


def test_docs_page_rules_section_is_generated_from_the_rule_modules():
    from pathlib import Path

    from migrate.scan.rules.docs import rules_markdown

    text = (ROOT / "docs" / "scan.md").read_text(encoding="utf-8")
    assert rules_markdown() in text, "regenerate with: python -m migrate.scan.rules.docs"
    for rule_id, info in ALL_RULES.items():
        assert f'<a id="{rule_id.lower()}"></a>' in text and f"### {rule_id} `{info.name}`" in text
