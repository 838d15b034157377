"""The documentation of each scanner rule, generated from its module, in one wording for every
place that shows it: ``prelude-migrate rule PM101``, SARIF ``help.text``/``help.markdown``, the
``--help`` epilogues and the "Rules" section of docs/scan.md.

A rule module (``migrate/scan/rules/``) is read generically: ``RULE`` (``RuleInfo``: id, name,
title, deadline, fixable, fixed severity), its docstring (what it finds; its first line repeats
the id and name), ``EXAMPLES`` (flagged and clean cases, tested), and optional strings ``WHY``
(why it matters, when the deadline alone does not say it), ``FIX`` (how to fix it by hand),
``SEVERITY`` (the Deadline section, for a rule whose severity follows neither a deadline nor a
fixed level alone) and ``SEVERITY_LABEL`` (its deadline column in the rules table).
"""
from __future__ import annotations

import datetime as _dt
import re
from typing import List, Optional, Tuple

from compat.knowledge.deadlines import DEADLINES
from compat.knowledge.hosts import LEGACY_V2_HOST_PREFIX, V2_HOST

PUBLIC_DOCS_URL: Optional[str] = None  # the project has no public site yet: no SARIF helpUri
DOCS_NOTE = ("prelude-migrate has no public documentation site yet: `prelude-migrate rule {id}` "
             "prints this page, and docs/scan.md ships in the installed package "
             "(`prelude-migrate rule --docs-path`).")
EXAMPLES_PER_KIND = 2
_FENCES = {"py": "python", "ts": "ts", "js": "js", "go": "go", "java": "java", "kt": "kotlin",
           "php": "php", "rb": "ruby", "cs": "csharp", "sh": "sh", "md": "markdown", "yaml": "yaml",
           "yml": "yaml", "json": "json", "toml": "toml", "swift": "swift"}
_COMMENTS = {"python": "# {}", "sh": "# {}", "ruby": "# {}", "yaml": "# {}", "toml": "# {}",
             "text": "# {}", "markdown": "<!-- {} -->", "json": None}
_KIND_LABELS = {"removal": "removal", "support-end": "end of support", "deprecation": "deprecation"}
_CONSEQUENCES = {
    "removal": "past it the API is gone and every call that still uses it fails.",
    "support-end": "past it Prelude gives no support for it, and its removal follows.",
    "deprecation": "past it the host is deprecated; move before it is switched off.",
}


def _modules():
    from migrate.scan.rules import RULE_MODULES  # the registry the scan runs

    return RULE_MODULES


def rule_ids() -> List[str]:
    return list(_modules())


def documents(info) -> bool:
    """Whether ``info`` (a ``RuleInfo``) is the metadata of one of the rule modules."""
    module = _modules().get(info.id)
    return module is not None and module.RULE == info


def _what(module) -> str:
    """The docstring as one paragraph, without its leading "PM101 v1-host:" label."""
    text = " ".join((module.__doc__ or "").split()).replace("``", "`")
    info = module.RULE
    text = re.sub(rf"^{info.id}\s+{re.escape(info.name)}:\s*", "", text)
    return text[:1].upper() + text[1:]


def _fence(path: str) -> str:
    return _FENCES.get(path.rsplit(".", 1)[-1].lower(), "text")


def _days(deadline, today: _dt.date) -> str:
    delta = (today - deadline.date).days
    if delta > 0:
        return f"{delta} days past as of {today.isoformat()}"
    if delta < 0:
        return f"{-delta} days left as of {today.isoformat()}"
    return f"today ({today.isoformat()})"


def _why(module, today: _dt.date) -> str:
    info = module.RULE
    own = getattr(module, "WHY", None)
    if own:
        return own
    if info.deadline:
        deadline = DEADLINES[info.deadline]
        label = _KIND_LABELS.get(deadline.kind, deadline.kind)
        return (f"The {label} of {deadline.subject} is dated {deadline.date.isoformat()} "
                f"(Prelude: {deadline.wording}): {_CONSEQUENCES.get(deadline.kind, '')}").rstrip(": ")
    severity = info.fixed_severity or "info"
    return (f"It is measured against no deadline: reported as `{severity}` whatever the date, "
            f"for the reason given under What it finds.")


def _deadline(module, today: _dt.date) -> str:
    info = module.RULE
    own = getattr(module, "SEVERITY", None)
    if own:
        return own
    if not info.deadline:
        return f"None: advice, always reported as `{info.fixed_severity or 'info'}`."
    deadline = DEADLINES[info.deadline]
    return (f"`{info.deadline}`: {deadline.date.isoformat()} ({deadline.kind} of "
            f"{deadline.subject}), {_days(deadline, today)}. Severity follows the calendar: "
            f"`info` before the date, `warning` past an end of support or a deprecation, "
            f"`error` past a removal (`--today` changes the date).")


# What `prelude-migrate rewrite` does with each rule's findings, per language (docs/codemods.md
# has the before/after). A rule not listed is fixed where RuleInfo.fixable says so, else by hand.
_PY_JS_CALLS = ("Python and JS/TS: replaced inside the raw-HTTP calls rewrite migrates; elsewhere, and in "
                "every other language, a TODO comment above it.")
_SDK = ("Python: the v1 SDK becomes `prelude-python-sdk` where the mapping is certain (a TODO where it is "
        "not); JS/TS: `@ding-live/ding` becomes `@prelude.so/sdk`, all or nothing per file; Go, Java, "
        "Kotlin, C#, PHP, Ruby and Swift: a TODO comment above it, saying what the v2 SDK needs.")
REWRITES = {
    "PM101": ("Python: raw-HTTP calls to v1 and the base-URL constants they use become v2 calls (URL, "
              "Bearer header, body); JS/TS: `fetch`, `axios`, `got`, `ky` calls whose URL, headers and body "
              "are visible become v2 calls. Other v1 URLs, and every other language and config format: a TODO "
              "comment above it (v2 needs new paths, authentication and bodies, not only a host)."),
    "PM102": (f"Every language and config format: `{LEGACY_V2_HOST_PREFIX}` becomes `{V2_HOST}/v2` (same "
              "paths) inside string literals and config values; anywhere else nothing."),
    "PM103": _SDK, "PM105": _SDK, "PM106": _SDK,
    "PM104": ("`package.json` and pip requirements: swapped for the v2 SDK when every code file of the "
              "package has moved off the v1 SDK in the same run; other manifests: a TODO comment above it."),
    "PM107": "Python: the call becomes a v2 call where URL, headers and body are visible (a TODO otherwise).",
    "PM108": _PY_JS_CALLS, "PM112": _PY_JS_CALLS,
    "PM114": ("Python and JS/TS: the path of a raw-HTTP call rewrite migrates becomes the v2 path (a URL "
              "built in a local variable too); elsewhere, and in every other language, a TODO comment above it."),
    "PM115": ("Python and JS/TS: a status compared with a v1 response read of a call rewrite migrates becomes "
              "the v2 value where the status tables map it; elsewhere a TODO comment above it."),
    "PM116": ("Python: a call on a v1 SDK client built in another module of the tree is rewritten like any v1 "
              "SDK call; other wrappers and other languages: a TODO comment above it."),
    "PM117": ("Python and JS/TS: replaced inside the calls rewrite migrates (the v2 check body has `target` "
              "and `code`) and in their response reads (`authentication_uuid` becomes `id`); elsewhere, and in "
              "every other language, a TODO comment above it."),
    "PM203": ("Every language: an old documentation link with a known current page is replaced by it, "
              "in literals and comments; others get a TODO comment."),
}
FIXABLE_NOTE = ("Per site: a finding says `fixable` (JSON `fixable`, SARIF `properties.fixable` and `fixes`) "
                "exactly when `prelude-migrate rewrite` changes its code, not only a TODO comment above it; "
                "the summary's \"N fixable\" counts those sites and `rewrite` prints the same count "
                "(\"N changed (M flagged sites)\"). Review with `prelude-migrate rewrite --diff PATH`.")


def _fix(module) -> str:
    info = module.RULE
    own = getattr(module, "FIX", None)
    manual = f" By hand: {own}" if own else ""
    what = REWRITES.get(info.id)
    if what:
        return f"`prelude-migrate rewrite`: {what} {FIXABLE_NOTE}" + manual
    if info.fixable:
        return ("`prelude-migrate rewrite` fixes the sites its codemods rewrite in that file's language; "
                "what it cannot derive safely gets a `TODO(prelude-migration)` comment. " + FIXABLE_NOTE + manual)
    return "No codemod fixes it: change it by hand." + manual


def rewrite_fixes(info) -> bool:
    """Whether `rewrite` changes some findings of this rule (in some language)."""
    return info.id in REWRITES or info.fixable


# Before each example's fence in Markdown, for the docs-snippet tests (tests/docs/): an example
# is code the scanner reads, not code to run.
EXAMPLE_SKIP = ("<!-- snippet: skip (an example of scanned code; "
                "tests/migrate/scan/test_scan_rules.py checks what the rule reports on it) -->")


def _example_block(title: str, example, docs: bool = False) -> str:
    where = ", ".join(f"{line}:{column}" for line, column in example.flagged)
    marker = EXAMPLE_SKIP + "\n" if docs else ""
    return (f"{title}: `{example.path}`" + (f" (at {where})" if where else "") + "\n\n"
            f"{marker}```{_fence(example.path)}\n{example.source.rstrip()}\n```")


def _examples(module, per_kind: int = EXAMPLES_PER_KIND, docs: bool = False) -> str:
    examples = getattr(module, "EXAMPLES", ())
    flagged = [e for e in examples if e.flagged][:per_kind]
    clean = [e for e in examples if not e.flagged][:per_kind]
    blocks = [_example_block("Flagged", e, docs) for e in flagged]
    blocks += [_example_block("Not flagged", e, docs) for e in clean]
    return "\n\n".join(blocks) or "(none)"


def _suppress(module) -> str:
    info = module.RULE
    examples = [e for e in getattr(module, "EXAMPLES", ()) if e.flagged]
    language = _fence(examples[0].path) if examples else "python"
    style = _COMMENTS.get(language, "// {}")
    marker = f"prelude-migrate: ignore[{info.id}]"
    inline = (f"a comment `{style.format(marker)}` on the line, or alone on the line above"
              if style else f"a comment `{marker}` (JSON has none: use the configuration)")
    return (f"One line: {inline} (`ignore[{info.name}]` works too). Whole files: "
            f'`per-file-ignores = {{"tests/fixtures/*" = ["{info.id}"]}}` in the configuration. '
            f'Everywhere: `ignore = ["{info.id}"]` or `--ignore {info.id}`.')


def rule_sections(rule_id: str, today: Optional[_dt.date] = None,
                  docs: bool = False) -> List[Tuple[str, str]]:
    """(heading, Markdown body) pairs of one rule's documentation (``docs``: with the
    docs-snippet markers before the examples, for docs/scan.md)."""
    module = _modules()[rule_id]
    today = today or _dt.date.today()
    return [
        ("What it finds", _what(module)),
        ("Why it matters", _why(module, today)),
        ("Deadline", _deadline(module, today)),
        ("Example", _examples(module, docs=docs)),
        ("Fix", _fix(module)),
        ("Suppress", _suppress(module)),
        ("Documentation", DOCS_NOTE.format(id=rule_id)),
    ]


def title_line(rule_id: str) -> str:
    info = _modules()[rule_id].RULE
    return f"{info.id} `{info.name}`: {info.title}"


def rule_markdown(rule_id: str, today: Optional[_dt.date] = None, heading: str = "##",
                  docs: bool = False) -> str:
    parts = [f"{heading} {title_line(rule_id)}"]
    for name, body in rule_sections(rule_id, today, docs):
        parts.append(f"**{name}.** {body}" if "```" not in body else f"**{name}.**\n\n{body}")
    return "\n\n".join(parts) + "\n"


def markdown_to_text(markdown: str) -> str:
    """Plain text for terminals and SARIF ``help.text``: no emphasis or code-span markers;
    fenced examples indented by four spaces."""
    out = []
    in_fence = False
    for line in markdown.splitlines():
        if line.startswith("```"):
            in_fence = not in_fence
            continue
        if in_fence:
            out.append("    " + line)
            continue
        line = re.sub(r"^#+\s*", "", line)
        line = re.sub(r"\*\*([^*]+)\*\*", r"\1", line)
        out.append(line.replace("`", ""))
    return "\n".join(out).rstrip() + "\n"


def rule_text(rule_id: str, today: Optional[_dt.date] = None) -> str:
    import textwrap

    module = _modules()[rule_id]
    info = module.RULE
    lines = [f"{info.id} {info.name}: {info.title}", ""]
    for name, body in rule_sections(rule_id, today):
        lines.append(name)
        plain = markdown_to_text(body).rstrip("\n")
        for paragraph in plain.split("\n\n"):
            if paragraph.startswith("    "):
                lines.append(paragraph)
            else:
                lines.extend(textwrap.wrap(" ".join(paragraph.split()), width=88,
                                           initial_indent="  ", subsequent_indent="  "))
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def rules_table() -> str:
    modules = _modules()
    out = ["| id | name | deadline | rewrite fixes it |", "|---|---|---|---|"]
    for rule_id, module in modules.items():
        info = module.RULE
        fixed = "where the finding says `fixable`" if rewrite_fixes(info) else "no"
        deadline = info.deadline or getattr(module, "SEVERITY_LABEL", f"advice ({info.fixed_severity or 'info'})")
        out.append(f"| [{info.id}](#{info.id.lower()}) | `{info.name}` | {deadline} | {fixed} |")
    return "\n".join(out) + "\n"


def rules_markdown(today: _dt.date) -> str:
    """The "Rules" section of docs/scan.md (``python -m migrate.rule_help --write``): the table,
    then each rule as ``prelude-migrate rule`` prints it. ``today`` pins the days past/left."""
    parts = [rules_table()]
    for rule_id in _modules():
        parts.append(f'<a id="{rule_id.lower()}"></a>\n\n' + rule_markdown(rule_id, today, "###", docs=True))
    return "\n".join(parts)


def epilog_for_scan() -> str:
    """The end of ``prelude-migrate scan --help``: the rules, and where each is explained."""
    modules = _modules()
    rows = [f"  {info.id} {info.name}: {info.title}" for info in (m.RULE for m in modules.values())]
    return ("\b\nRules (explained by `prelude-migrate rule ID`, all: `prelude-migrate rule --all`):\n"
            + "\n".join(rows))


def installed_docs():
    """The documentation folder shipped with this copy: ``migrate/docs`` inside an installed
    wheel, or the repository's ``docs/`` in a checkout (editable install). None if absent."""
    from pathlib import Path

    here = Path(__file__).resolve().parent
    for folder in (here / "docs", here.parent / "docs"):
        if (folder / "scan.md").is_file():
            return folder
    return None


# --- docs/scan.md ----------------------------------------------------------------------------

DOCS_DATE = _dt.date(2026, 5, 1)  # docs/scan.md counts days from this date (stable output)
BEGIN = "<!-- rules: generated by `python -m migrate.rule_help --write`; do not edit -->"
END = "<!-- rules: end -->"


def docs_section() -> str:
    return (f"{BEGIN}\n\nDays past and left are counted from {DOCS_DATE.isoformat()}; "
            f"`prelude-migrate rule ID` counts from today.\n\n{rules_markdown(DOCS_DATE)}\n{END}")


def with_docs_section(page: str) -> str:
    """``page`` (docs/scan.md) with its generated rules section replaced."""
    start, end = page.find(BEGIN), page.find(END)
    if start < 0 or end < 0:
        raise ValueError("docs/scan.md has no generated rules section markers")
    return page[:start] + docs_section() + page[end + len(END):]


def main(argv) -> int:
    """``python -m migrate.rule_help [--write | --check]``: print, rewrite or check the section."""
    from pathlib import Path

    page_path = Path(__file__).resolve().parent.parent / "docs" / "scan.md"
    current = page_path.read_text(encoding="utf-8")
    fresh = with_docs_section(current)
    if "--write" in argv:
        page_path.write_text(fresh, encoding="utf-8")
    elif "--check" in argv:
        if fresh != current:
            print("docs/scan.md is stale: python -m migrate.rule_help --write")
            return 1
    else:
        print(docs_section())
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv[1:]))
