"""A self-contained HTML page for the person who leads the migration (``--format html``).

One file, no network: the CSS and the script are inline, no fonts, images or CDNs. The page
shows the deadlines with the days past, the findings by rule, by folder and by language, the
``TODO(prelude-migration)`` comments left by ``rewrite`` (the findings of the TODO rule, in a
section of their own when the scanner has such a rule), and every file with its lines and the
advice. All of it is rendered here, so the page reads without JavaScript; the inline script only
filters the file list (rule, severity, path substring). The filter lives in the URL fragment
(``report.html#rule=PM101&severity=error&path=web/``), so a filtered view can be bookmarked or
sent. Thousands of findings stay usable: rows are plain elements toggled by one pass of the
script, and only the first ``ROWS_SHOWN`` matching rows are displayed until "show all".
"""
from __future__ import annotations

import html
import os
from collections import Counter, defaultdict
from itertools import groupby
from typing import Dict, List, Mapping, Sequence, TextIO

from migrate import __version__
from migrate.findings import SEVERITIES, Finding, RuleInfo, ScanSummary
from migrate.report._common import deadline_label, deadline_phrase, hidden_phrase, ordered, summary_data

ROWS_SHOWN = 2000  # matching rows displayed before "show all" (keeps a huge page responsive)
_LANGUAGE_LABELS = {"python": "Python", "js": "JavaScript / TypeScript", "go": "Go",
                    "jvm": "Java / Kotlin", "php": "PHP", "ruby": "Ruby", "csharp": "C#",
                    "swift": "Swift", "shell": "Shell", "docker": "Dockerfile"}


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def language_label(path: str) -> str:
    """A reader's language name; config and docs files by their kind (".env", "YAML"...)."""
    from migrate.scan.languages import language_of

    language = language_of(path)
    if language in _LANGUAGE_LABELS:
        return _LANGUAGE_LABELS[language]
    name = os.path.basename(path)
    suffix = os.path.splitext(name)[1].lower()
    if name.startswith(".env"):
        return "env files"
    return {".yaml": "YAML", ".yml": "YAML", ".json": "JSON", ".toml": "TOML", ".md": "Markdown",
            ".ipynb": "Notebook", ".txt": "Text", ".xml": "XML", ".tf": "Terraform",
            ".mod": "Go modules (go.mod)"}.get(
        suffix, f"other ({suffix or name})")


def folder_of(path: str) -> str:
    folder = os.path.dirname(path.replace("\\", "/"))
    return (folder or ".") + "/"


def is_todo_rule(info: RuleInfo) -> bool:
    """The scanner's rule for ``TODO(prelude-migration)`` comments (by its name)."""
    return "todo" in info.name.lower()


def _count_table(title: str, rows: List[tuple], head: Sequence[str], table_id: str) -> str:
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    if not rows:
        body = f'<tr><td colspan="{len(head)}" class="muted">none</td></tr>'
    heads = "".join(f"<th>{_e(h)}</th>" for h in head)
    return (f'<section class="card"><h2>{_e(title)}</h2><table id="{table_id}"><thead><tr>{heads}'
            f"</tr></thead><tbody>{body}</tbody></table></section>")


def _severity_badges(counts: Mapping[str, int]) -> str:
    return " ".join(f'<span class="sev {s}">{counts[s]} {s}</span>'
                    for s in reversed(SEVERITIES) if counts.get(s))


def _rule_link(rule_id: str) -> str:
    return f'<a href="#rule={_e(rule_id)}" class="rule-link">{_e(rule_id)}</a>'


def _by_rule(findings: Sequence[Finding], rules: Mapping[str, RuleInfo]) -> str:
    per_rule: Dict[str, Counter] = defaultdict(Counter)
    for f in findings:
        per_rule[f.rule][f.severity] += 1
    rows = []
    for rule_id in sorted(per_rule, key=lambda r: (-sum(per_rule[r].values()), r)):
        info = rules.get(rule_id)
        counts = per_rule[rule_id]
        fixable = sum(1 for f in findings if f.rule == rule_id and f.fixable)
        rows.append((_rule_link(rule_id), _e(info.name if info else ""),
                     _e(info.title if info else ""), f'<span class="num">{sum(counts.values())}</span>',
                     _severity_badges(counts), f'<span class="num">{fixable}</span>'))
    return _count_table("Findings by rule", rows, ("rule", "name", "what", "findings", "severity",
                                                   "fixable by rewrite"), "by-rule")


def _by_key(title: str, findings: Sequence[Finding], key, table_id: str, filter_key: str = "") -> str:
    per: Dict[str, Counter] = defaultdict(Counter)
    files: Dict[str, set] = defaultdict(set)
    for f in findings:
        per[key(f)][f.severity] += 1
        files[key(f)].add(f.path)
    rows = []
    for name in sorted(per, key=lambda k: (-sum(per[k].values()), k)):
        label = (f'<a href="#path={_e(name.rstrip("/") + "/")}" class="path-link">{_e(name)}</a>'
                 if filter_key == "path" and name != "./" else _e(name))
        rows.append((label, f'<span class="num">{len(files[name])}</span>',
                     f'<span class="num">{sum(per[name].values())}</span>', _severity_badges(per[name])))
    return _count_table(title, rows, (title.split()[-1], "files", "findings", "severity"), table_id)


def _deadlines(data: dict) -> str:
    rows = []
    for row in data["deadlines"]:
        state = "past" if row["days_past"] else "ahead"
        rows.append((_e(row["date"]), _e(deadline_label(row)),
                     f'<span class="deadline {state}">{_e(deadline_phrase(row))}</span>',
                     f'<span class="num">{row["findings"]}</span>'))
    return _count_table(f"Deadlines (as of {data['today']})", rows,
                        ("date", "what", "status", "findings measured against it"), "deadlines")


def _todos(findings: Sequence[Finding], rules: Mapping[str, RuleInfo]) -> str:
    todo_rules = {rule_id for rule_id, info in rules.items() if is_todo_rule(info)}
    if not todo_rules:
        return ""
    todos = [f for f in findings if f.rule in todo_rules]
    rows = [(f'<code>{_e(f.path)}:{f.line}</code>', _e(f.message)) for f in todos]
    intro = ("<p class=\"muted\">Comments <code>prelude-migrate rewrite</code> left where it could "
             "not migrate safely: each needs a person.</p>")
    table = _count_table(f"TODOs left ({len(todos)})", rows, ("where", "what to do"), "todos")
    return table.replace("</h2>", "</h2>" + intro, 1)


def _finding_row(f: Finding, rules: Mapping[str, RuleInfo]) -> str:
    info = rules.get(f.rule)
    name = f' <span class="muted">{_e(info.name)}</span>' if info else ""
    fix = '<span class="fix">fixable</span>' if f.fixable else ""
    message = _e(f.message).replace("\n", "<br>")
    return (f'<tr class="finding" data-rule="{_e(f.rule)}" data-severity="{_e(f.severity)}">'
            f'<td class="loc">{f.line}:{f.column}</td><td><span class="sev {f.severity}">'
            f'{_e(f.severity)}</span></td><td>{_e(f.rule)}{name}</td>'
            f'<td class="msg">{message} {fix}</td></tr>')


def _file_list(findings: Sequence[Finding], rules: Mapping[str, RuleInfo]) -> str:
    groups = []
    for path, group in groupby(findings, key=lambda f: f.path):
        group = list(group)
        rows = "".join(_finding_row(f, rules) for f in group)
        groups.append(f'<section class="file" data-path="{_e(path)}"><h3><code>{_e(path)}</code> '
                      f'<span class="muted count">{len(group)}</span></h3>'
                      f'<table><tbody>{rows}</tbody></table></section>')
    return "".join(groups) or '<p class="muted">No findings.</p>'


def _filters(findings: Sequence[Finding], rules: Mapping[str, RuleInfo]) -> str:
    present = sorted({f.rule for f in findings})
    options = "".join(f'<option value="{_e(r)}">{_e(r)} {_e(rules[r].name) if r in rules else ""}'
                      f"</option>" for r in present)
    severities = "".join(f'<option value="{s}">{s}</option>' for s in reversed(SEVERITIES))
    return (
        '<form id="filters" class="filters" onsubmit="return false">'
        f'<label>Rule <select id="f-rule" name="rule"><option value="">all rules</option>{options}'
        f'</select></label>'
        f'<label>Severity <select id="f-severity" name="severity"><option value="">all</option>'
        f'{severities}</select></label>'
        '<label>Path <input id="f-path" name="path" type="search" placeholder="e.g. web/ or .py">'
        '</label><button type="button" id="f-clear">clear</button>'
        f'<span id="shown" class="muted">{len(findings)} of {len(findings)} findings shown</span>'
        '</form><p id="more" class="muted" hidden>Only the first '
        f'{ROWS_SHOWN} matching findings are shown. <button type="button" id="show-all">show all'
        '</button></p>')


_CSS = """
:root{--bg:#f6f7f9;--card:#fff;--ink:#1d232b;--muted:#66707c;--line:#e3e6ea;--err:#c62828;
--warn:#b26a00;--info:#1565c0;--ok:#2e7d32}
*{box-sizing:border-box}body{margin:0;background:var(--bg);color:var(--ink);
font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif}
header{background:#1d232b;color:#fff;padding:20px 28px}header h1{margin:0 0 4px;font-size:22px}
header p{margin:0;color:#c9d1da}main{padding:20px 28px;max-width:1400px}
.tiles{display:flex;gap:12px;flex-wrap:wrap;margin-bottom:16px}
.tile{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px 16px;min-width:150px}
.tile b{display:block;font-size:24px}.tile span{color:var(--muted)}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:16px}
.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px 16px;margin-bottom:16px}
h2{font-size:16px;margin:0 0 8px}h3{font-size:14px;margin:12px 0 4px}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{color:var(--muted);font-weight:600;font-size:12px;text-transform:uppercase}
.num{font-variant-numeric:tabular-nums}.muted{color:var(--muted)}
.sev{display:inline-block;white-space:nowrap;border-radius:10px;padding:0 8px;font-size:12px;font-weight:600;color:#fff}
.sev.error{background:var(--err)}.sev.warning{background:var(--warn)}.sev.info{background:var(--info)}
.deadline.past{color:var(--err);font-weight:600}.deadline.ahead{color:var(--ok)}
.fix{border:1px solid var(--ok);color:var(--ok);border-radius:10px;padding:0 6px;font-size:11px}
.filters{display:flex;gap:12px;align-items:center;flex-wrap:wrap;position:sticky;top:0;background:var(--card);
padding:8px 0;z-index:1}.filters input,.filters select{font:inherit;padding:3px 6px}
.file{border-top:1px solid var(--line)}.file table td{border:0}.loc{width:70px;color:var(--muted);
font-variant-numeric:tabular-nums}.msg{word-break:break-word}code{font:12px ui-monospace,Menlo,Consolas,monospace}
a{color:var(--info);text-decoration:none}a:hover{text-decoration:underline}
"""

# Filters the file list by the #rule=...&severity=...&path=... fragment and the form.
_JS = """
(function(){
var form=document.getElementById('filters');if(!form)return;
var rule=document.getElementById('f-rule'),sev=document.getElementById('f-severity'),
path=document.getElementById('f-path'),shown=document.getElementById('shown'),
more=document.getElementById('more'),limit=%(limit)d,all=false;
var files=[].slice.call(document.querySelectorAll('section.file'));
var total=document.querySelectorAll('tr.finding').length;
function state(){var p=new URLSearchParams(location.hash.slice(1));
return {rule:p.get('rule')||'',severity:p.get('severity')||'',path:p.get('path')||''};}
function apply(s){rule.value=s.rule;sev.value=s.severity;path.value=s.path;
var needle=s.path.toLowerCase(),count=0;
files.forEach(function(file){var inPath=!needle||file.dataset.path.toLowerCase().indexOf(needle)>=0,any=false;
[].forEach.call(file.querySelectorAll('tr.finding'),function(row){
var ok=inPath&&(!s.rule||row.dataset.rule===s.rule)&&(!s.severity||row.dataset.severity===s.severity);
if(ok){count++;if(!all&&count>limit)ok=false;}row.hidden=!ok;if(ok)any=true;});
file.hidden=!any;});
shown.textContent=count+' of '+total+' findings shown';
shown.dataset.count=count;more.hidden=all||count<=limit;}
function fromForm(){var p=new URLSearchParams();
if(rule.value)p.set('rule',rule.value);if(sev.value)p.set('severity',sev.value);
if(path.value)p.set('path',path.value);var h=p.toString();
history.replaceState(null,'',h?'#'+h:location.pathname+location.search);apply(state());}
rule.onchange=sev.onchange=fromForm;path.oninput=fromForm;
document.getElementById('f-clear').onclick=function(){rule.value=sev.value=path.value='';fromForm();};
document.getElementById('show-all').onclick=function(){all=true;apply(state());};
window.addEventListener('hashchange',function(){apply(state());});
apply(state());
})();
"""


def html_page(findings: Sequence[Finding], summary: ScanSummary, rules: Mapping[str, RuleInfo],
              fail_on: str = "error") -> str:
    findings = ordered(findings)
    data = summary_data(findings, summary)
    hidden = hidden_phrase(data)
    tiles = [
        (data["findings"], "findings"),
        (data["files_with_findings"], f"files of {data['files_scanned']} scanned"),
        (data["fixable"], "fixable by prelude-migrate rewrite"),
        (sum(1 for f in findings if f.severity == "error"), "errors"),
    ]
    tiles_html = "".join(f'<div class="tile"><b>{n}</b><span>{_e(label)}</span></div>'
                         for n, label in tiles)
    notes = []
    if hidden:
        notes.append(f"Not shown: {_e(hidden)}.")
    if data["files_unreadable"]:
        notes.append(f"{len(data['files_unreadable'])} files could not be read.")
    if data["files_parse_failed"]:
        notes.append(f"{len(data['files_parse_failed'])} Python files could not be parsed "
                     f"(only the text rules ran on them).")
    notes_html = f'<p class="muted">{" ".join(notes)}</p>' if notes else ""
    body = (
        f'<header><h1>Prelude v1 migration report</h1><p>{data["findings"]} deprecated '
        f'Prelude/Ding usages in {data["files_with_findings"]} files, as of {_e(data["today"])} '
        f'&middot; {_severity_badges(data["by_severity"])} &middot; fails CI at '
        f'<b>{_e(fail_on)}</b></p></header><main>'
        f'<div class="tiles">{tiles_html}</div>{notes_html}'
        f'{_deadlines(data)}'
        f'<div class="grid">{_by_rule(findings, rules)}'
        f'{_by_key("Findings by folder", findings, lambda f: folder_of(f.path), "by-folder", "path")}'
        f'{_by_key("Findings by language", findings, lambda f: language_label(f.path), "by-language")}'
        f'</div>{_todos(findings, rules)}'
        f'<section class="card" id="files"><h2>Files</h2>{_filters(findings, rules)}'
        f'{_file_list(findings, rules)}</section>'
        f'<p class="muted">prelude-migrate {_e(__version__)} &middot; explain a rule: '
        f'<code>prelude-migrate rule PM101</code></p></main>'
    )
    return ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width,initial-scale=1">'
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">"
            f"<title>prelude-migrate report ({data['findings']} findings)</title>"
            f"<style>{_CSS}</style></head><body>{body}"
            f"<script>{_JS % {'limit': ROWS_SHOWN}}</script></body></html>\n")


def render_html(findings: Sequence[Finding], summary: ScanSummary, rules: Mapping[str, RuleInfo],
                out: TextIO, *, color: bool = False, fail_on: str = "error") -> None:
    out.write(html_page(findings, summary, rules, fail_on))
