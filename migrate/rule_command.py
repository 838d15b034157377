"""``prelude-migrate rule PM101`` / ``prelude-migrate rule --all``: a rule's documentation,
generated from its module by ``migrate.rule_help`` (the same text as SARIF help and docs/scan.md).
"""
from __future__ import annotations

import click

from migrate.errors import CliError


def _docs_path(ctx, param, value) -> None:
    if not value or ctx.resilient_parsing:
        return
    from migrate.rule_help import installed_docs

    folder = installed_docs()
    if folder is None:
        raise CliError("the documentation is not installed with this copy of prelude-migrate")
    click.echo(str(folder))
    ctx.exit(0)


@click.command("rule", context_settings={"help_option_names": ["-h", "--help"]},
               epilog="\b\nExamples:\n  prelude-migrate rule PM101\n  prelude-migrate rule v1-host"
                      "\n  prelude-migrate rule --all --format markdown > rules.md")
@click.argument("rules", nargs=-1, metavar="RULE...")
@click.option("--all", "all_rules", is_flag=True, help="Every rule, in id order.")
@click.option("--format", "fmt", type=click.Choice(("text", "markdown")), default="text",
              show_default=True, help="Plain text for the terminal, or Markdown.")
@click.option("--docs-path", is_flag=True, is_eager=True, expose_value=False, callback=_docs_path,
              help="Print the folder of the documentation installed with prelude-migrate.")
def rule(rules, all_rules, fmt):
    """Explain scanner rules: what each finds, why it matters, its deadline, an example, whether
    `prelude-migrate rewrite` fixes it, and how to silence it. RULE is an id (PM101) or a name
    (v1-host)."""
    from migrate.rule_help import rule_ids, rule_markdown, rule_text
    from migrate.scan.rules import ALL_RULES, rule_id_for

    if all_rules and rules:
        raise CliError("give rule ids or --all, not both")
    if not all_rules and not rules:
        raise CliError("give a rule id (e.g. PM101) or --all; known rules: " + _known(ALL_RULES))
    wanted = rule_ids() if all_rules else []
    for name in rules:
        rule_id = rule_id_for(name)
        if rule_id is None:
            raise CliError(f"unknown rule {name!r}; known rules: {_known(ALL_RULES)}")
        wanted.append(rule_id)
    render = rule_markdown if fmt == "markdown" else rule_text
    click.echo("\n".join(render(rule_id) for rule_id in wanted), nl=False)


def _known(rules) -> str:
    return ", ".join(f"{rule_id} ({info.name})" for rule_id, info in sorted(rules.items()))
