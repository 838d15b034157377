"""What the scanner reports: one ``Finding`` per deprecated usage, with its severity from the
calendar. Shared by the rules, the reporters, the baseline and the CLI."""
from __future__ import annotations

import datetime as _dt
import hashlib
from dataclasses import asdict, dataclass, field
from typing import Optional, Tuple

from compat.knowledge.deadlines import SEVERITIES


TODO_RULE = "PM301"  # the tool's own TODO(prelude-migration) comments (migrate.scan.rules.pm301_migration_todo)


def severity_rank(severity: str) -> int:
    return SEVERITIES.index(severity)


@dataclass(frozen=True)
class Finding:
    rule: str  # e.g. "PM101"
    path: str  # relative to the current directory, '/'-separated
    line: int  # 1-based
    column: int  # 1-based
    end_line: int
    end_column: int
    severity: str
    message: str
    fixable: bool  # a codemod rewrites it
    deadline: Optional[str]  # key of compat.knowledge.deadlines.DEADLINES, or None
    snippet: str = field(default="", compare=False)  # the source line, stripped (for fingerprints)
    # PM301 only: the v1 findings directly below this TODO, folded into it (migrate.scan.todo_fold),
    # as (rule, line, column) triples.
    covers: Tuple[Tuple[str, int, int], ...] = field(default=(), compare=False)
    # what `rewrite` writes at this site, when known: (line, start column, end line, end column,
    # new text) replacements of whole lines (SARIF fixes); empty when unknown or not fixable
    fix: Tuple[Tuple[int, int, int, int, str], ...] = field(default=(), compare=False)

    def fingerprint(self) -> str:
        """Stable across line moves: rule, path and the stripped source line (plus occurrence
        index, added by the baseline when a line repeats)."""
        text = f"{self.rule}\0{self.path}\0{self.snippet.strip()}"
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]

    def to_json(self) -> dict:
        data = asdict(self)
        data.pop("snippet")
        covers = data.pop("covers")
        data.pop("fix")
        if self.rule == TODO_RULE:  # every PM301 finding says what it covers (maybe nothing)
            data["covers"] = [{"rule": rule, "line": line, "column": column} for rule, line, column in covers]
        return data

    @property
    def covered_rules(self) -> Tuple[str, ...]:
        """The rule ids folded into this TODO finding, sorted, once each."""
        return tuple(sorted({rule for rule, _, _ in self.covers}))


@dataclass(frozen=True)
class RuleInfo:
    """A scanner rule's metadata: what reporters, docs and SARIF need."""
    id: str  # "PM101"
    name: str  # "v1-host", kebab-case
    title: str  # one line
    deadline: Optional[str]  # key of compat.knowledge.deadlines.DEADLINES, or None (advice)
    fixable: bool  # a codemod of `prelude-migrate rewrite` fixes it
    docs_url: str  # link into docs/scan.md (anchor = rule id, lower-case)
    fixed_severity: Optional[str] = None  # e.g. "info" for advice rules; else from the calendar


@dataclass
class ScanSummary:
    """Counts for the closing summary of every report."""
    today: _dt.date
    files_scanned: int = 0
    files_skipped_binary: int = 0
    files_skipped_large: int = 0
    files_too_large: list = field(default_factory=list)  # display paths of the files over the size limit
    files_unreadable: list = field(default_factory=list)  # [(display_path, reason)]
    files_excluded_baseline: int = 0  # findings hidden by the baseline
    suppressed: int = 0  # findings hidden by inline `prelude-migrate: ignore[...]`
    ignored_by_config: int = 0  # findings hidden by `per-file-ignores` of the configuration
    duration_s: float = 0.0
    # Python files libcst could not parse, [(display_path, reason)]; their text rules still ran.
    files_parse_failed: list = field(default_factory=list)
    # Files in v1 code folders that the second pass left unread past its cap (migrate.scan.MAX_UNREAD_V1_FILES).
    files_over_v1_read_cap: int = 0
