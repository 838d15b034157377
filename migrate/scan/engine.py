"""One file at a time: read it once, pre-filter, run the rules, suppress.

Per file: ``open``, a read of the first 8 KiB (the whole of most files) and the binary sniff on
it, ``fstat`` only for longer files (huge ones are skipped unread), the rest in one read, one
lower-cased copy for the trigger automaton. Only files with a trigger are decoded; only Python
files with an SDK/HTTP trigger are parsed with libcst. Many files at once: ``migrate.scan.pool``.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import errno
import os
import stat
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple

from compat.knowledge.deadlines import DEADLINES, effective_deadline, severity_on
from migrate.files import BINARY_SNIFF, decode_source, display_path, is_binary, iter_file_paths
from migrate.findings import TODO_RULE, Finding, severity_rank
from migrate.limits import DEFAULT_MAX_FILE_BYTES
from codemods.syntax.index import file_facts
from codemods.syntax.languages import family
from migrate.scan.context import FileContext, Hit
from migrate.scan.languages import language_of
from migrate.scan.sniff import is_own_report, names_matcher as _names_matcher, syntax_language_of
from migrate.scan.notebook import NotebookError, is_notebook, notebook_usages
from migrate.scan.prefilter import DEFAULT_MATCHER, make_matcher, python_triggers
from migrate.scan.python import PythonParseError, claimed_hits, python_usages
from migrate.scan.rules import RULE_MODULES, rule_id_for
from migrate.scan.suppress import Suppressions
from migrate.scan.todo_fold import fold
from migrate.scan.fixable import (LineBlocks, changes_between, other_language_rewrite, python_fixable,
                                  python_usage_fixable, span_changed)
from codemods.syntax.lines import split_lines

DEFAULT_MAX_BYTES = DEFAULT_MAX_FILE_BYTES  # one limit for scan and rewrite (migrate.limits)
HOST_RULES = ("PM101", "PM102", "PM114")  # hosts and paths inside a raw-HTTP call belong to PM107
# codemods.syntax kinds that libcst detects in Python files it parses (the same detection as the
# codemods); the syntax layer finds them only in Python files libcst cannot parse (Python 2).
LIBCST_KINDS = frozenset({"sdk-import", "sdk-client", "sdk-call"})
# codemods.syntax kinds that say less than any libcst finding at the same place: a call of the
# repository's own v1 client that libcst already reports as a v1 SDK call (PM106) is that call.
YIELDS_TO_LIBCST = frozenset({"v1-client-call"})
# codemods.syntax kinds that are v1 evidence on their own (a file without them is "deferred": the
# second pass looks at it again with the repository index).
STRONG_KINDS = frozenset({"v1-host", "sdk-import", "sdk-client", "sdk-call", "v1-client-call"})


@dataclass(frozen=True)
class ScanOptions:
    rule_ids: Tuple[str, ...]
    today: _dt.date
    max_bytes: int = DEFAULT_MAX_BYTES
    matcher: str = DEFAULT_MATCHER
    # The repository index of the first pass (codemods.syntax.index.RepoIndex); None in the
    # first pass, which collects each candidate file's facts instead.
    index: Optional[object] = field(default=None, compare=False)
    skip_paths: Tuple[str, ...] = ()  # reports this run writes (never scanned)
    # Second pass over files the first pass already scanned: analyse one again only when it names
    # something of the index (a wrapper, a module, a constant); else its status is "unchanged".
    names_only: bool = False
    # Second pass: the libcst usages the first pass found per walked path (they depend on the
    # file's text alone, never on the index), so a Python file is not analysed twice.
    known_usages: Optional[Dict[str, tuple]] = field(default=None, compare=False)
    # Second pass over files whose folder the index gives v1 evidence although no pre-filter
    # token is in them (a Go package that v1 code imports): read them past the pre-filter.
    past_prefilter: bool = False
    # False: no in-memory rewrite of non-Python files to decide `fixable` (rewrite's own site
    # count reads only where the findings are: it has the rewrite already)
    fixable_checked: bool = True


@dataclass
class FileResult:
    path: str  # display path
    status: str  # "scanned" | "binary" | "large" | "unreadable"
    findings: List[Finding] = field(default_factory=list)
    suppressed: int = 0
    reason: str = ""  # why unreadable, or why libcst could not parse a Python file
    facts: Optional[object] = None  # first pass: what the file tells the repository index
    deferred: bool = False  # first pass: v1-looking tokens without v1 evidence in the file itself
    # first pass: the libcst usages and parse failure of a Python file (reused by the second)
    python_usages: Optional[Tuple[tuple, str]] = None


_LARGE, _BINARY = object(), object()


def _read(path: str, max_bytes: int):
    """The file's bytes, or ``_LARGE`` / ``_BINARY`` without reading more than the first 8 KiB.
    Raw ``os`` calls: a buffered ``open`` costs more than the read itself for small files, and
    ``fstat`` is only needed when the first 8 KiB did not hold the whole file."""
    # O_NONBLOCK: a FIFO given by name must not hang the scan; it is refused below.
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file")
        head = os.read(fd, BINARY_SNIFF)
        if len(head) < BINARY_SNIFF:  # a short read of a regular file: that was all of it
            if len(head) > max_bytes:
                return _LARGE
            return _BINARY if is_binary(head) else head
        size = os.fstat(fd).st_size
        if size > max_bytes:
            return _LARGE
        if is_binary(head):
            return _BINARY
        parts = [head]
        while head:  # read until EOF: sizes of special files are not to be trusted
            head = os.read(fd, max(size - len(parts[0]) + 1, BINARY_SNIFF))
            parts.append(head)
        data = b"".join(parts)
        return _LARGE if len(data) > max_bytes else data
    finally:
        os.close(fd)


class FileScanner:
    """Scans one file at a time with the selected rules (one instance per process)."""

    def __init__(self, options: ScanOptions) -> None:
        self.options = options
        self.modules = {rule_id: RULE_MODULES[rule_id] for rule_id in options.rule_ids}
        self.text_rules = {i: m for i, m in self.modules.items() if hasattr(m, "match")}
        self.python_text_rules = {i: m for i, m in self.text_rules.items()
                                  if getattr(m, "TEXT_IN_PYTHON", False)}
        self.usage_rules = {i: m for i, m in self.modules.items() if hasattr(m, "claims")}
        # syntax usage kind -> rule id (codemods.syntax, every language)
        self.syntax_rules = {kind: i for i, m in self.modules.items() for kind in getattr(m, "SYNTAX_KINDS", ())}
        # rules whose text matching weighs the libcst usages as v1 evidence
        self.wants_usages = bool(self.usage_rules) or bool(self.syntax_rules) or any(
            getattr(m, "USES_PYTHON_EVIDENCE", False) for m in self.text_rules.values())
        self.matcher = make_matcher(options.matcher)
        self.index = options.index
        self.names = _names_matcher(options.index)
        self.skip = frozenset(os.path.normcase(os.path.abspath(p)) for p in options.skip_paths)

    # -- entry points ------------------------------------------------------------------------
    def scan_path(self, path: str) -> FileResult:
        """Binary files are recognised from their first 8 KiB and never read further; the
        display path (costly: abspath + relpath) is computed only for files that need one."""
        if self.skip and os.path.normcase(os.path.abspath(path)) in self.skip:
            return FileResult(path, "scanned")
        try:
            data = _read(path, self.options.max_bytes)
        except OSError as exc:
            return FileResult(display_path(path), "unreadable", reason=exc.strerror or type(exc).__name__)
        if data is _LARGE:
            return FileResult(path, "large")
        if data is _BINARY:
            return FileResult(path, "binary")
        result = self.scan_bytes(path, data, walk_path=path)
        if result.findings or result.reason:
            shown = display_path(path)
            result.path = shown
            result.findings = [dataclasses.replace(f, path=shown) for f in result.findings]
        return result

    def scan_bytes(self, shown: str, data: bytes, language: Optional[str] = None,
                   walk_path: Optional[str] = None) -> FileResult:
        """``language`` (a ``codemods.syntax`` id) overrides the one the name and ``#!`` give;
        ``walk_path`` places the file in the repository index (default: ``shown``)."""
        self._walk_path = walk_path or shown
        if is_binary(data):
            return FileResult(shown, "binary")
        if len(data) > self.options.max_bytes:
            return FileResult(shown, "large")
        lower = data.lower()
        syntax_language = language or syntax_language_of(shown, data)
        coarse = "python" if syntax_language == "python" else language_of(shown)
        if coarse != "python" and language:
            coarse = family(syntax_language)
        text_hit, python_hit = self.matcher.groups(lower, data, coarse == "python")
        if is_notebook(shown):  # rare: any Python trigger (imports sit after a JSON quote)
            python_hit = any(token in lower for token in python_triggers())
        named = self.names is not None and bool(self.names.find_matches_as_indexes(lower))
        if self.options.names_only and not named:
            return FileResult(shown, "unchanged")
        text_hit = text_hit or named or self.options.past_prefilter
        result = FileResult(shown, "scanned")
        if not (text_hit or python_hit) or is_own_report(data):
            return result
        try:
            text = decode_source(data)
        except UnicodeDecodeError:
            text = data.decode("latin-1")  # positions stay per character; nothing is lost
        if self.options.names_only and not self._uses_index(syntax_language, text):
            return FileResult(shown, "unchanged")
        ctx = FileContext(shown, text, coarse, syntax_language=syntax_language)
        raw = self._hits(ctx, text_hit, python_hit, result)
        self._finish(ctx, raw, result, b"prelude-migrate:" in lower)
        return result

    def _uses_index(self, language: Optional[str], text: str) -> bool:
        """Second pass: whether the index can change this file's findings. A file the first
        pass did not defer already had its own v1 evidence or no v1-looking token, so only what
        it takes from other files counts: a wrapper or module it imports (or shares a package
        with), or a v1 base-URL constant it can see. Naming an index word is not enough: a
        wrapper called ``send`` is named by most of a node_modules tree."""
        from codemods.syntax.source import Source

        if not self.index.may_change(self._walk_path, language or "", text):
            return False  # the cheap necessary condition: no regular expression over the text
        source = Source(language or "", text, path=self._walk_path, index=self.index)
        return bool(self.index.references(source) or self.index.base_constants_for(source))

    # -- rules -------------------------------------------------------------------------------
    def _hits(self, ctx: FileContext, text_hit: bool, python_hit: bool, result: FileResult):
        """``(rule_id, line, column, end_line, end_column, message, fixable)`` rows."""
        self._fixes = {}
        rows = []
        spans: Dict[str, list] = {}  # rule id -> libcst usage spans (text hits inside are dupes)
        notebook = is_notebook(ctx.path)
        python = ctx.language == "python"
        libcst_ok = False
        usages: list = []
        if (python or notebook) and python_hit and self.wants_usages:
            known = self.options.known_usages
            if known is not None and self._walk_path in known:
                usages, result.reason = known[self._walk_path]
            else:
                usages = self._usages(ctx, notebook, result)
                if self.index is None:
                    result.python_usages = (tuple(usages), result.reason)
            libcst_ok = not result.reason
            ctx.python_evidence = bool(usages)
            for rule_id, usage in claimed_hits(usages, self.usage_rules):
                rows.append((rule_id, usage.line, usage.column, usage.end_line, usage.end_column,
                             self.usage_rules[rule_id].usage_message(usage), python_usage_fixable(usage, usages)))
                spans.setdefault(rule_id, []).append(usage)
                if usage.kind == "raw-http":
                    for host_rule in HOST_RULES:
                        spans.setdefault(host_rule, []).append(usage)
        syntax_found = self._syntax(ctx, python and libcst_ok, rows, spans, usages)
        if self.index is None and not notebook:  # first pass: what the repository index needs
            result.facts = file_facts(self._walk_path, ctx.syntax_language, ctx.text)
            result.deferred = not (ctx.python_evidence or any(u.kind in STRONG_KINDS for u in syntax_found))
        if python:
            rules = self.python_text_rules if text_hit else {}
        else:
            rules = self.text_rules if text_hit else {}
        for rule_id, module in rules.items():
            for hit in module.match(ctx):
                rows.append(self._row(ctx, rule_id, hit, spans.get(rule_id, ())))
        rows = [row for row in rows if row is not None]
        if self.options.fixable_checked and not (python or notebook) and any(row[0] != TODO_RULE for row in rows):
            rows = _with_rewrite_changes(ctx, rows, self._fixes)
        return rows

    _walk_path = ""
    _fixes: dict = {}

    def _syntax(self, ctx: FileContext, parsed_python: bool, rows: list, spans: Dict[str, list],
                python_usages_found: Sequence[object] = ()) -> list:
        """The ``codemods.syntax`` usages of the file, as rows of the rules that claim them. In a
        Python file libcst parsed, the SDK kinds are libcst's (one detection with the codemods)."""
        if not self.syntax_rules:
            return []
        from codemods.syntax import usages as syntax_usages

        found = syntax_usages(ctx.syntax_language, ctx.text, path=self._walk_path or ctx.path, index=self.index,
                              evidence=ctx.python_evidence)
        for usage in found:
            if parsed_python and usage.kind in LIBCST_KINDS:
                continue
            rule_id = self.syntax_rules.get(usage.kind)
            if rule_id is None:
                continue
            covering = (spans.get(rule_id, ()) if usage.kind not in YIELDS_TO_LIBCST
                        else [u for rule_spans in spans.values() for u in rule_spans])
            if any((u.line, u.column) <= (usage.line, usage.column) <= (u.end_line, u.end_column)
                   for u in covering):
                continue  # the libcst finding already covers it
            rows.append((rule_id, usage.line, usage.column, usage.end_line, usage.end_column,
                         self.modules[rule_id].syntax_message(usage, ctx),
                         parsed_python and python_fixable(python_usages_found, usage.kind, usage.line, usage.column,
                                                         usage.end_line, usage.end_column)))
        return found

    @staticmethod
    def _usages(ctx: FileContext, notebook: bool, result: FileResult) -> list:
        """The libcst usages of a Python file or of a notebook's code cells; a file that cannot
        be analysed gets a reason (listed in the summary) and the text rules only."""
        try:
            if notebook:
                usages, result.reason = notebook_usages(ctx.text, ctx.position)
                return usages
            return python_usages(ctx.text, lower=ctx.lower)
        except PythonParseError as exc:
            result.reason = exc.args[0] if exc.args else "syntax error"
        except NotebookError as exc:
            result.reason = f"not a readable notebook: {exc}"[:300]
        except Exception as exc:  # a detection bug must not stop the scan of a tree
            result.reason = f"Python analysis failed: {type(exc).__name__}: {exc}"[:300]
        return []

    @staticmethod
    def _row(ctx: FileContext, rule_id: str, hit: Hit, spans):
        line, column = ctx.position(hit.start)
        for usage in spans:
            if (usage.line, usage.column) <= (line, column) <= (usage.end_line, usage.end_column):
                return None  # the libcst finding already covers it
        end_line, end_column = ctx.position(hit.end)
        return (rule_id, line, column, end_line, end_column, hit.message, hit.fixable)

    def _finish(self, ctx: FileContext, rows, result: FileResult, has_marker: bool) -> None:
        suppressions = Suppressions(ctx.text, rule_id_for) if has_marker else None
        seen = set()
        live = []
        for row in sorted(rows):
            rule_id, line, column = row[:3]
            if (rule_id, line, column) in seen:
                continue
            seen.add((rule_id, line, column))
            if suppressions and rule_id != TODO_RULE and suppressions.silences(rule_id, line):
                result.suppressed += 1
                continue
            live.append(row)
        folded: Dict[int, list] = {}
        if TODO_RULE in self.modules and len(live) > 1:  # findings the tool's TODOs already mark
            live, folded = fold(live, split_lines(ctx.text), TODO_RULE)
        for index, (rule_id, line, column, end_line, end_column, message, fixable) in enumerate(live):
            covered = folded.get(index, ())
            if suppressions and suppressions.silences(rule_id, line):
                result.suppressed += 1 + len(covered)
                continue
            info = self.modules[rule_id].RULE
            deadline = effective_deadline(info.deadline, self.options.today)
            severity = info.fixed_severity or severity_on(info.deadline, self.options.today)
            if covered:
                severity, message = self._covering(severity, message, covered)
            result.findings.append(Finding(
                rule_id, ctx.path, line, column, end_line, end_column, severity,
                message + _days_left(deadline, self.options.today), fixable, deadline,
                ctx.line_text(line).strip()[:300],
                fix=self._fixes.get((rule_id, line, column), ()),
                covers=tuple(sorted(((row[0], row[1], row[2]) for row in covered), key=lambda c: (c[1], c[2], c[0])))))
        result.findings.sort(key=lambda f: (f.line, f.column, f.rule))

    def _covering(self, severity: str, message: str, covered) -> Tuple[str, str]:
        """A TODO is as severe as the most severe v1 finding it covers (never less than its own
        severity), and its message names the rules it covers."""
        for row in covered:
            info = self.modules[row[0]].RULE
            own = info.fixed_severity or severity_on(info.deadline, self.options.today)
            if severity_rank(own) > severity_rank(severity):
                severity = own
        rules = ", ".join(sorted({row[0] for row in covered}))
        return severity, f"{message} (covers {rules})"


def _with_rewrite_changes(ctx: FileContext, rows: list, fixes: dict) -> list:
    """Rows of a non-Python file with ``fixable`` = rewrite changes the code of that span; the
    edits of each fixable row go to ``fixes`` ((rule, line, column) -> ``LineBlocks.fix`` tuples)."""
    new = other_language_rewrite(ctx.path, ctx.text)
    if new is None:
        return rows
    changes = changes_between(ctx.text, new)
    blocks = LineBlocks(ctx.text, new) if changes else None
    out = []
    for row in rows:
        fixable = row[0] != TODO_RULE and span_changed(changes, *row[1:5])
        if fixable:
            fixes[row[:3]] = blocks.fix(row[1], row[3])
        out.append(row[:6] + (fixable,))
    return out


def _days_left(deadline_id: Optional[str], today: _dt.date) -> str:
    if deadline_id is None:
        return ""
    deadline = DEADLINES[deadline_id]
    days = (deadline.date - today).days
    return f" ({_KIND_WORDS.get(deadline.kind, deadline.kind)} in {days} days)" if days > 0 else ""


_KIND_WORDS = {"support-end": "end of support", "removal": "removal", "deprecation": "deprecation"}


__all__ = ["DEFAULT_MAX_BYTES", "FileResult", "FileScanner", "ScanOptions", "effective_deadline",
           "iter_file_paths"]
