"""The generated parts of docs/codemods.md, built from the ``DOCS`` each codemod module declares
(``codemods.core.examples.CodemodDocs``): What it does / Why / Example / No-op / Fix safety per
Python codemod and per non-Python rewriter, and one section per language (what is rewritten,
what is marked with a TODO, before/after).

``python -m codemods.docs --write`` rewrites every generated block of the page, ``--check``
exits 1 when one is stale or missing, no option prints them. A block is the text between
``<!-- generated: KEY ... -->`` and ``<!-- generated: KEY end -->``; KEY is ``codemod NAME``,
``rewriter NAME`` or ``languages``. The hand-written text around the blocks stays as it is.
"""
from __future__ import annotations

import importlib
import re
import sys
from pathlib import Path
from typing import Dict, List, Sequence, Tuple

from codemods.core.examples import PYTHON, CodemodDocs, CodemodExample, NoOp

PAGE = Path(__file__).resolve().parent.parent / "docs" / "codemods.md"
# The module declaring the DOCS of each non-Python rewriter (names of codemods.lang.registry).
LANG_REWRITERS = {
    "lang-hosts": "codemods.lang.safe_moves",
    "js-raw-http": "codemods.lang.js.raw_http",
    "js-sdk": "codemods.lang.js.sdk",
    "manifests": "codemods.lang.manifests",
    "lang-todos": "codemods.lang.marks",
}
MARKS = "lang-todos"  # the rewriter that marks what the others leave
SKIP = ("<!-- snippet: skip (a codemod example, not a program; "
        "tests/codemods/test_codemod_examples.py checks it) -->")
_FENCES = {"javascript": "js", "typescript": "ts", "shell": "sh", "dotenv": "text", "requirements": "text",
           "gomod": "text", "dockerfile": "dockerfile"}
# How the languages are named in headings (the rest: capitalised).
_TITLES = {"javascript": "JavaScript", "typescript": "TypeScript", "tsx": "TSX", "php": "PHP", "csharp": "C#",
           "yaml": "YAML", "json": "JSON", "toml": "TOML", "dotenv": "`.env`", "requirements": "pip requirements",
           "gomod": "go.mod", "groovy": "Gradle (Groovy)", "xml": "XML manifests"}


# --- what is documented -------------------------------------------------------------------

def python_codemods() -> Dict[str, Tuple[type, CodemodDocs]]:
    """NAME -> (codemod class, its module's DOCS), in run order."""
    from codemods.registry import all_codemods

    return {name: (cls, _docs_of(cls.__module__)) for name, cls in all_codemods().items()}


def lang_rewriters() -> Dict[str, CodemodDocs]:
    return {name: _docs_of(module) for name, module in LANG_REWRITERS.items()}


def _docs_of(module_name: str) -> CodemodDocs:
    docs = getattr(importlib.import_module(module_name), "DOCS", None)
    if not isinstance(docs, CodemodDocs):
        raise LookupError(f"{module_name} declares no DOCS (codemods.core.examples.CodemodDocs)")
    return docs


def lang_names() -> List[str]:
    from codemods.lang import LANGUAGES

    return list(LANGUAGES)


# --- Markdown -------------------------------------------------------------------------------

def fenced(text: str, language: str) -> str:
    info = _FENCES.get(language, language)
    fence = "```"
    while fence in text:
        fence += "`"
    return f"{SKIP}\n{fence}{info}\n{text.rstrip(chr(10))}\n{fence}"


def as_diff(before: str, after: str) -> str:
    """The whole of ``before`` -> ``after`` as one diff body: every line once, ``-`` before only,
    ``+`` after only (no hunk headers: the file is short and shown in full)."""
    import difflib

    old, new = before.splitlines(), after.splitlines()
    lines = list(difflib.unified_diff(old, new, lineterm="", n=max(len(old), len(new))))[3:]
    return "\n".join(line if line.strip() else line.rstrip() for line in lines)


def _example(example: CodemodExample) -> str:
    lead = _tree(example) + (f"{example.note} " if example.note else "")
    body = as_diff(example.before, example.after)
    fence = "```"
    while fence in body:
        fence += "`"
    return f"{lead}Before (`-`) and after (`+`), `{example.path}`:\n\n{fence}diff\n{body}\n{fence}"


def _language_of(path: str) -> str:
    from codemods.lang import language_for_path

    return PYTHON if path.endswith((".py", ".pyi")) else language_for_path(path) or "text"


def _tree(example: CodemodExample) -> str:
    if not example.tree:
        return ""
    parts = [f"`{path}`, in the same tree:\n\n{fenced(source, _language_of(path))}" for path, source in example.tree]
    return "\n\n".join(parts) + "\n\n"


def _no_op(no_op: NoOp) -> str:
    return f"{no_op.why}\n\n{fenced(no_op.source, no_op.language)}"


def section(docs: CodemodDocs, examples: bool = True) -> str:
    """What it does / Why / Example / Left alone / Fix safety of one codemod or rewriter
    (``examples=False``: the before/after pairs are shown per language instead)."""
    parts = [f"**What it does.** {docs.what}", f"**Why.** {docs.why}"]
    if not examples:
        shown = ", ".join(sorted({language_title(e.language) for e in docs.examples}))
        parts.append(f"**Examples.** Per language, under [Per language](#per-language): {shown}.")
    for number, example in enumerate(docs.examples if examples else (), 1):
        label = "Example" if len(docs.examples) == 1 else f"Example {number}"
        parts.append(f"**{label}.** {_example(example)}")
    for no_op in docs.no_ops:
        parts.append(f"**Left alone.** {_no_op(no_op)}")
    parts.append(f"**Fix safety.** {docs.fix_safety}")
    return "\n\n".join(parts)


def language_title(language: str) -> str:
    return _TITLES.get(language, language.capitalize())


def _marked(language: str) -> str:
    from codemods.lang import LANGUAGES

    comment = LANGUAGES[language].comment
    if comment is None:
        return (f"nothing in the file ({language_title(language)} has no comments): `rewrite` lists the lines "
                f"still holding a v1 usage")
    return (f"each statement still holding a v1 usage gets `{comment[0]}TODO(prelude-migration): ...{comment[1]}` "
            f"above it ([TODO marks](#todo-marks-every-language))")


def languages_section() -> str:
    """One subsection per language: what is rewritten, what is marked, then its examples."""
    rewriters = lang_rewriters()
    out = []
    for language in lang_names():
        applies = [(name, d) for name, d in rewriters.items() if not d.languages or language in d.languages]
        rewritten = "; ".join((d.summary or d.what).rstrip(".") for name, d in applies if name != MARKS) + "."
        lines = [f"#### {language_title(language)}", "", f"**Rewritten:** {rewritten}", "",
                 f"**Marked:** {_marked(language)}."]
        lines += ["\n" + _example(e) for _n, d in applies for e in d.examples if e.language == language]
        lines += ["\n" + f"Left alone. {_no_op(n)}" for _n, d in applies for n in d.no_ops if n.language == language]
        out.append("\n".join(lines))
    return "\n\n".join(out)


def blocks() -> Dict[str, str]:
    """KEY -> generated Markdown, for every block the page must have."""
    found = {f"codemod {name}": section(docs) for name, (_cls, docs) in python_codemods().items()}
    found.update({f"rewriter {name}": section(docs, examples=False) for name, docs in lang_rewriters().items()})
    found["languages"] = languages_section()
    return found


def documented() -> Dict[str, CodemodDocs]:
    """Every codemod (run order) and non-Python rewriter, by name."""
    found = {name: docs for name, (_cls, docs) in python_codemods().items()}
    found.update(lang_rewriters())
    return found


def explain(name: str) -> str:
    """One codemod's or rewriter's documentation with every example, in Markdown without the
    docs-snippet markers (``prelude-migrate rewrite --explain NAME``). Raises KeyError."""
    body = section(documented()[name])
    return f"# {name}\n\n" + "\n".join(line for line in body.splitlines() if line != SKIP) + "\n"


# --- the page -------------------------------------------------------------------------------

def begin_marker(key: str) -> str:
    return f"<!-- generated: {key} (python -m codemods.docs --write; do not edit) -->"


def end_marker(key: str) -> str:
    return f"<!-- generated: {key} end -->"


class StalePage(Exception):
    pass


def with_blocks(page: str, generated: Dict[str, str]) -> str:
    """``page`` with each generated block replaced; raises StalePage for a missing block or a
    marker of no known block."""
    for key, body in generated.items():
        begin, end = begin_marker(key), end_marker(key)
        start, stop = page.find(begin), page.find(end)
        if start < 0 or stop < start:
            raise StalePage(f"docs/codemods.md has no block for {key!r}: add the lines\n{begin}\n{end}")
        page = page[:start] + f"{begin}\n\n{body}\n\n" + page[stop:]
    known = set(generated)
    for key in re.findall(r"<!-- generated: (.+?) \(python -m codemods\.docs", page):
        if key not in known:
            raise StalePage(f"docs/codemods.md has a block for {key!r}, which nothing declares")
    return page


def main(argv: Sequence[str]) -> int:
    """``python -m codemods.docs [--write | --check]``."""
    generated = blocks()
    if "--write" not in argv and "--check" not in argv:
        for key, body in generated.items():
            print(f"{begin_marker(key)}\n\n{body}\n\n{end_marker(key)}\n")
        return 0
    current = PAGE.read_text(encoding="utf-8")
    try:
        fresh = with_blocks(current, generated)
    except StalePage as exc:
        print(f"python -m codemods.docs: {exc}", file=sys.stderr)
        return 1
    if "--write" in argv:
        if fresh != current:
            PAGE.write_text(fresh, encoding="utf-8")
        return 0
    if fresh != current:
        print("docs/codemods.md is stale: run python -m codemods.docs --write", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
