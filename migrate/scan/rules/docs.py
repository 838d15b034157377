"""The "Rules" section of docs/scan.md, generated from the rule modules (metadata, docstring,
examples) so the page cannot drift from the code: ``python -m migrate.scan.rules.docs``."""
from __future__ import annotations

from compat.knowledge.deadlines import DEADLINES
from migrate.scan.rules import ALL_RULES, RULE_MODULES

_FENCE_LANGUAGES = {"py": "python", "ts": "ts", "js": "js", "go": "go", "java": "java", "kt": "kotlin",
                    "php": "php", "rb": "ruby", "cs": "csharp", "sh": "sh", "md": "markdown",
                    "yaml": "yaml", "json": "json", "toml": "toml"}
EXAMPLES_PER_KIND = 2


def _example(title: str, example) -> str:
    where = ", ".join(f"{line}:{column}" for line, column in example.flagged)
    fence = _FENCE_LANGUAGES.get(example.path.rsplit(".", 1)[-1], "text")
    return (f"{title}: `{example.path}`" + (f" (at {where})" if where else "") + "\n\n"
            f"```{fence}\n{example.source.rstrip()}\n```\n")


def rules_markdown() -> str:
    out = ["| id | name | deadline | rewrite fixes it |", "|---|---|---|---|"]
    for info in ALL_RULES.values():
        out.append(f"| [{info.id}](#{info.id.lower()}) | `{info.name}` | "
                   f"{info.deadline or 'advice (info)'} | {'in Python' if info.fixable else 'no'} |")
    out.append("")
    for rule_id, module in RULE_MODULES.items():
        info = module.RULE
        out += [f'<a id="{rule_id.lower()}"></a>', f"### {rule_id} `{info.name}`: {info.title}", "",
                " ".join(module.__doc__.split()).replace("``", "`"), ""]
        if info.deadline:
            deadline = DEADLINES[info.deadline]
            out.append(f"- Deadline: `{info.deadline}` ({deadline.date}, {deadline.kind}); "
                       f"severity from the calendar.")
        else:
            out.append(f"- Advice: always `{info.fixed_severity}`, never measured against a deadline.")
        out += [f"- Fixed by `prelude-migrate rewrite`: "
                f"{'in Python, where the finding says `fixable`' if info.fixable else 'no (manual)'}.", ""]
        flagged = [e for e in module.EXAMPLES if e.flagged][:EXAMPLES_PER_KIND]
        clean = [e for e in module.EXAMPLES if not e.flagged][:EXAMPLES_PER_KIND]
        out += [_example("Flagged", e) for e in flagged] + [_example("Not flagged", e) for e in clean]
    return "\n".join(out)


if __name__ == "__main__":
    print(rules_markdown())
