"""`prelude-migrate rule`: each rule's page from its module, the same text as SARIF help,
the scan --help epilogue and docs/scan.md."""
from __future__ import annotations

import re

from click.testing import CliRunner

from migrate.cli import cli
from paths import ROOT


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_rule_page_has_every_section_and_the_facts():
    result = run("rule", "PM101")
    assert result.exit_code == 0
    text = result.stdout
    assert text.startswith("PM101 v1-host: The v1 API host api.ding.live\n")
    headings = [line for line in text.splitlines() if line and not line.startswith(" ")]
    assert headings[1:] == ["What it finds", "Why it matters", "Deadline", "Example", "Fix",
                            "Suppress", "Documentation"]
    assert "2026-04-01" in text and "removal of the v1 Verify and Lookup APIs" in text
    assert "Flagged: deploy/.env.example (at 1:10)" in text
    assert "    DING_URL=https://api.ding.live/v1" in text  # the example, indented
    assert "# prelude-migrate: ignore[PM101]" in text
    assert "no public documentation site yet" in text
    assert "`" not in text and "**" not in text  # plain text for a terminal


def test_rule_by_name_and_markdown():
    by_name = run("rule", "legacy-v2-host")
    assert by_name.exit_code == 0 and by_name.stdout.startswith("PM102 legacy-v2-host:")
    markdown = run("rule", "PM203", "--format", "markdown").stdout
    assert markdown.startswith("## PM203 `old-docs-link`:")
    assert "**Deadline.** None: advice, always reported as `info`." in markdown
    assert "<!-- prelude-migrate: ignore[PM203] -->" in markdown  # a Markdown example's comment


def test_rule_all_lists_every_rule_once_in_order():
    from migrate.scan.rules import ALL_RULES

    text = run("rule", "--all").stdout
    titles = re.findall(r"^(PM\d+) \S+: ", text, flags=re.M)
    assert titles == sorted(ALL_RULES) == list(ALL_RULES)


def test_rule_needs_an_id_or_all():
    result = run("rule")
    assert result.exit_code == 2 and "give a rule id (e.g. PM101) or --all" in result.stderr


def test_rewrite_fix_wording_follows_the_rule_metadata():
    from migrate.rule_help import rewrite_fixes
    from migrate.scan.rules import ALL_RULES

    for rule_id, info in ALL_RULES.items():
        fix = " ".join(run("rule", rule_id).stdout.split("\nFix\n", 1)[1].split("\nSuppress\n", 1)[0].split())
        if rewrite_fixes(info):
            assert "a finding says fixable" in fix and "exactly when prelude-migrate rewrite changes its code" in fix
        else:
            assert "No codemod fixes it" in fix
    # per language: PM102 is a safe move everywhere, PM105 only marked in Go (issue 14)
    assert "Every language and config format" in " ".join(run("rule", "PM102").stdout.split())
    assert "Go, Java, Kotlin, C#, PHP, Ruby and Swift: a TODO" in " ".join(run("rule", "PM105").stdout.split())


def test_scan_help_epilogue_lists_the_rules_and_the_rule_command():
    text = run("scan", "--help").stdout
    assert "prelude-migrate rule ID" in text and "prelude-migrate rule --all" in text
    assert "PM101 v1-host: The v1 API host api.ding.live" in text
    assert "Which scan findings it fixes" in run("rewrite", "--help").stdout


def test_docs_page_carries_the_same_rule_pages():
    from migrate.rule_help import DOCS_DATE, rule_markdown

    page = (ROOT / "docs" / "scan.md").read_text()
    assert rule_markdown("PM106", DOCS_DATE, "###", docs=True) in page
    assert "snippet: skip" not in rule_markdown("PM106", DOCS_DATE)  # not in SARIF / the command
    assert "docs/scan.md#pm" not in page.split("## Rules", 1)[1]
