"""The executed-equivalence harness: every program under tests/data/equivalence/ runs on the v1
fake, is rewritten by ``prelude-migrate rewrite``, runs on the v2 fake, and the two runs are
compared step by step: what each step returned or raised, and the v2 requests it made against
the v2 requests the reference gives for the v1 requests it made (compat.translate).

A step whose observable behaviour differs must have a ``TODO(prelude-migration)`` on one of its
sites (the statement of the ``# site: NAME`` line, or the comment lines right above it). Without
one it is *silently wrong*, or *failing without a TODO* when the v2 run raised.

    python tests/codemods/equivalence/equivalence_harness.py          # the figures, per site
    python tests/codemods/equivalence/equivalence_harness.py --install  # the old-SDK environments
    python tests/codemods/equivalence/equivalence_harness.py --programs DIR  # another set (held out)
"""
from __future__ import annotations

import ast
import io
import re
import shutil
import subprocess
import sys
import tokenize
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # equivalence_runner, also when run as a script

from compat import translate  # noqa: E402
from compat.knowledge.todos import TODO_MARKER  # noqa: E402
from equivalence_runner import SCENARIO, V2_KEY, run_in_subprocess, run_program  # noqa: E402

ROOT = HERE.parents[2]
PROGRAMS = ROOT / "tests" / "data" / "equivalence"
SDK_ENVS = ROOT / ".sdk-envs"  # one --target folder per older v1 SDK (.ci/run fills it)
SDK_SPEC_FILE = "sdk.txt"  # in a program folder: the pip spec of the v1 SDK it was written for
SITE = re.compile(r"#\s*site:\s*([\w.-]+)")
ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|vrf_[0-9A-Za-z]+")

EQUIVALENT, MARKED, SILENTLY_WRONG, FAILING = "equivalent", "differs, TODO", "silently wrong", "fails, no TODO"


# --- programs and their environments -----------------------------------------------------

def programs(folder: Optional[Path] = None) -> List[Path]:
    """The program folders under ``folder`` (default: the committed set)."""
    return sorted(p for p in (folder or PROGRAMS).iterdir() if (p / SCENARIO).is_file())


def sdk_spec(program: Path) -> Optional[str]:
    spec = program / SDK_SPEC_FILE
    return spec.read_text().strip() if spec.is_file() else None


def sdk_dir(spec: str) -> Path:
    return SDK_ENVS / re.sub(r"[^\w.-]+", "-", spec)


def install_sdk(spec: str) -> Path:
    """The older SDK in its own folder; its dependencies are the test environment's (same pins)."""
    target = sdk_dir(spec)
    if not (target / "ding" / "__init__.py").is_file():
        partial = target.with_name(target.name + ".partial")
        shutil.rmtree(partial, ignore_errors=True)
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target",
                        str(partial), spec], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        shutil.rmtree(target, ignore_errors=True)
        partial.rename(target)
    return target


def program_files(program: Path) -> List[Path]:
    return sorted(p for p in program.glob("*.py") if p.name != SCENARIO)


# --- sites and TODOs ----------------------------------------------------------------------

def sites(path: Path) -> Dict[str, int]:
    """``# site: NAME`` comments of a file: NAME -> line."""
    found: Dict[str, int] = {}
    tokens = tokenize.generate_tokens(io.StringIO(path.read_text()).readline)
    for token in tokens:
        if token.type == tokenize.COMMENT:
            for name in SITE.findall(token.string):
                found[name] = token.start[0]
    return found


def _header_end(node: ast.AST) -> Optional[int]:
    """The last line of a compound statement's header (None for a simple statement)."""
    body = getattr(node, "body", None)
    if isinstance(body, list) and body and isinstance(body[0], ast.stmt):
        return body[0].lineno - 1
    return None


def _statement_at(tree: ast.AST, line: int) -> Optional[ast.AST]:
    """The innermost statement (or ``except`` clause) whose own lines hold ``line``."""
    best: Optional[ast.AST] = None
    for node in ast.walk(tree):
        if not isinstance(node, (ast.stmt, ast.ExceptHandler)):
            continue
        header_end = _header_end(node)
        last = header_end if header_end is not None else (node.end_lineno or node.lineno)
        if node.lineno <= line <= max(last, node.lineno) and (best is None or node.lineno >= best.lineno):
            best = node
    return best


def has_todo(path: Path, line: int) -> bool:
    """A TODO on the statement holding ``line`` (its header for a compound statement) or in the
    comment lines right above it."""
    text = path.read_text()
    lines = text.splitlines()
    while line < len(lines) and lines[line - 1].strip().startswith("#"):
        line += 1  # a mark on a line of its own belongs to the statement below it
    statement = _statement_at(ast.parse(text), line)
    if statement is None:
        return TODO_MARKER in lines[line - 1]
    header_end = _header_end(statement)
    last = header_end if header_end is not None else (statement.end_lineno or statement.lineno)
    decorators = getattr(statement, "decorator_list", None) or []
    first = min([statement.lineno] + [d.lineno for d in decorators])
    own = lines[first - 1:max(last, line)]
    index = first - 2
    while index >= 0 and lines[index].strip().startswith("#"):
        own.append(lines[index])
        index -= 1
    return any(TODO_MARKER in text_line for text_line in own)


# --- what the reference says the v2 side must send ----------------------------------------

def _v1_phones(trace: Dict[str, Any]) -> Dict[str, str]:
    """authentication_uuid -> phone number, from the v1 creates that succeeded."""
    phones: Dict[str, str] = {}
    for request, reply in zip(trace["requests"], trace["replies"]):
        if request["path"] == "/v1/authentication" and request["method"] == "POST" and reply["status"] == 200:
            phones[reply["body"]["authentication_uuid"]] = (request["json"] or {}).get("phone_number")
    return phones


def expected_v2(request: Dict[str, Any], phones: Dict[str, str]) -> Optional[Tuple[str, str, Any]]:
    """(method, path, what must match) of the v2 request for one v1 request; None: nothing sent."""
    method, path, body = request["method"], request["path"], request["json"] or {}
    if (method, path) == ("POST", "/v1/authentication"):
        return "POST", "/v2/verification", translate.create_request_to_v2(body)
    if (method, path) == ("POST", "/v1/check"):
        phone = phones.get(body.get("authentication_uuid"), "?")
        return "POST", "/v2/verification/check", translate.check_request_to_v2(body, phone)
    if (method, path) == ("POST", "/v1/retry"):
        phone = phones.get(body.get("authentication_uuid"), "?")
        return "POST", "/v2/verification", {"target": translate.retry_request_to_v2(phone)["target"]}
    if (method, path) == ("POST", "/v1/authentication/feedback"):
        feedback = translate.feedback_request_to_v2(body)
        return None if feedback is None else ("POST", "/v2/watch/feedback", feedback)
    if method == "GET" and path.startswith("/v1/authentication/"):
        return "GET", "/v2/verification/phone/history/", None
    if method == "GET" and path.startswith("/v1/lookup/"):
        return "GET", "/v2/lookup/" + path[len("/v1/lookup/"):], sorted(_as_list(request["query"].get("type")))
    return method, path.replace("/v1/", "/v2/", 1), body


def _as_list(value: Any) -> List[str]:
    return [] if value is None else (list(value) if isinstance(value, list) else [value])


def actual_v2(request: Dict[str, Any], expected: Optional[Tuple[str, str, Any]],
              phones_unknown: bool) -> Tuple[str, str, Any]:
    """The v2 request seen through what ``expected`` compares."""
    method, path, body = request["method"], request["path"], request["json"]
    shape: Any = body
    if expected is not None:
        if expected[1] == "/v2/verification/phone/history/" and path.startswith(expected[1]):
            path, shape = expected[1], None
        elif expected[1].startswith("/v2/lookup/"):
            shape = sorted(_as_list(request["query"].get("type")))
        elif isinstance(expected[2], dict) and set(expected[2]) == {"target"} and isinstance(body, dict):
            shape = {"target": body.get("target")}
        if phones_unknown and isinstance(shape, dict) and "target" in shape:
            shape = dict(shape, target="?")
    return method, path, shape


def wire_ok(request: Dict[str, Any]) -> bool:
    headers = request["headers"]
    return (headers.get("authorization") == f"Bearer {V2_KEY}" and "x-api-key" not in headers
            and "customer-uuid" not in headers)


# --- comparing two runs -------------------------------------------------------------------

def normalise(trace: Dict[str, Any]) -> List[Any]:
    """Each step's outcome with ids numbered by first appearance and the API's own error texts
    replaced (they are worded differently by the two APIs, which no code change can fix)."""
    messages = {reply["body"]["message"] for reply in trace["replies"]
                if (reply["status"] or 0) >= 400 and isinstance(reply["body"], dict)
                and isinstance(reply["body"].get("message"), str)}
    ids: Dict[str, str] = {}

    def text(value: str) -> str:
        if value in messages:
            return "<api-message>"
        if any(m and m in value for m in messages):
            return "<text with api-message>"
        return ID.sub(lambda m: ids.setdefault(m.group(0), f"<id:{len(ids) + 1}>"), value)

    def walk(value: Any) -> Any:
        if isinstance(value, str):
            return text(value)
        if isinstance(value, list):
            return [walk(v) for v in value]
        if isinstance(value, dict):
            return {text(k): walk(v) for k, v in value.items()}
        return value

    return [walk(step["outcome"]) for step in trace["steps"]]


@dataclass
class StepResult:
    sites: List[str]
    verdict: str
    v1: Any
    v2: Any
    wire: List[Tuple[Any, Any]] = field(default_factory=list)


@dataclass
class ProgramResult:
    name: str
    sites: Dict[str, str]  # site -> worst verdict
    steps: List[StepResult]
    problems: List[str]  # harness-level problems (unmarked sites, a crashed scenario...)


_WORST = [EQUIVALENT, MARKED, SILENTLY_WRONG, FAILING]


def compare(name: str, v1: Dict[str, Any], v2: Dict[str, Any], rewritten: List[Path]) -> ProgramResult:
    marked: Dict[str, Tuple[Path, int]] = {}
    for path in rewritten:
        for site, line in sites(path).items():
            marked[site] = (path, line)
    problems: List[str] = []
    if len(v1["steps"]) != len(v2["steps"]):
        problems.append(f"{len(v1['steps'])} steps on v1, {len(v2['steps'])} on v2")
    phones = _v1_phones(v1)
    v1_outcomes, v2_outcomes = normalise(v1), normalise(v2)
    results: List[StepResult] = []
    verdicts: Dict[str, str] = {site: EQUIVALENT for site in marked}
    for index, (s1, s2) in enumerate(zip(v1["steps"], v2["steps"])):
        unknown = [s for s in s1["sites"] if s not in marked]
        if unknown:
            problems.append(f"step {index} names sites without a '# site:' mark: {unknown}")
        expected = [e for e in (expected_v2(v1["requests"][i], phones) for i in s1["requests"]) if e is not None]
        unknown_phone = any(e[2] and isinstance(e[2], dict) and "?" in str(e[2].get("target")) for e in expected)
        actual = [actual_v2(v2["requests"][i], expected[n] if n < len(expected) else None, unknown_phone)
                  for n, i in enumerate(s2["requests"])]
        headers_ok = all(wire_ok(v2["requests"][i]) for i in s2["requests"])
        same = v1_outcomes[index] == v2_outcomes[index] and expected == actual and headers_ok
        if same:
            verdict = EQUIVALENT
        elif any(has_todo(*marked[s]) for s in s1["sites"] if s in marked):
            verdict = MARKED
        elif v2_outcomes[index][0] in ("raised", "hung") and v2_outcomes[index] != v1_outcomes[index]:
            verdict = FAILING  # (hung: stopped after the runner's step limit, Run.step_timeout)
        else:
            verdict = SILENTLY_WRONG
        results.append(StepResult(s1["sites"], verdict, v1_outcomes[index], v2_outcomes[index],
                                  [(e, a) for e, a in zip(expected, actual) if e != a]
                                  + ([("x-api-key/Bearer", "wrong headers")] if not headers_ok else [])
                                  + ([("requests", f"{len(expected)} expected, {len(actual)} sent")]
                                     if len(expected) != len(actual) else [])))
        for site in s1["sites"]:
            if site in verdicts and _WORST.index(verdict) > _WORST.index(verdicts[site]):
                verdicts[site] = verdict
    exercised = {s for step in v1["steps"] for s in step["sites"]}
    for site in sorted(set(marked) - exercised):
        problems.append(f"site {site} is marked but no step exercises it")
    return ProgramResult(name, verdicts, results, problems)


# --- the whole run ------------------------------------------------------------------------

def rewrite(tree: Path, check: bool = False) -> subprocess.CompletedProcess:
    files = [str(p) for program in sorted(tree.iterdir()) for p in program_files(program)]
    command = [sys.executable, "-m", "migrate.cli", "rewrite", "--quiet", *(["--check"] if check else []), *files]
    return subprocess.run(command, capture_output=True, text=True, cwd=str(tree))


def run_side(program: Path, side: str) -> Dict[str, Any]:
    spec = sdk_spec(program)
    if spec is None:
        return run_program(program, side)
    trace = run_in_subprocess(program, side, install_sdk(spec))
    if side == "v1" and not trace["ding"].startswith(str(sdk_dir(spec).resolve())):
        raise RuntimeError(f"{program.name}: ran {trace['ding']}, not {spec}")
    return trace


def measure(tree: Path, folder: Optional[Path] = None) -> Tuple[List[ProgramResult], subprocess.CompletedProcess]:
    """Copy every program (of ``folder``, default the committed set) into ``tree``, run it on
    v1, rewrite the copies, run them on v2."""
    v1_traces = {}
    for program in programs(folder):
        v1_traces[program.name] = run_side(program, "v1")
        shutil.copytree(program, tree / program.name)
    done = rewrite(tree)
    results = []
    for program in programs(folder):
        copy = tree / program.name
        v2 = run_side(copy, "v2")
        results.append(compare(program.name, v1_traces[program.name], v2, program_files(copy)))
    return results, done


def figures(results: List[ProgramResult]) -> Dict[str, int]:
    counts = {verdict: 0 for verdict in _WORST}
    for result in results:
        for verdict in result.sites.values():
            counts[verdict] += 1
    return counts


def report(results: List[ProgramResult], verbose: bool = False) -> str:
    shown = (SILENTLY_WRONG, FAILING, MARKED) if verbose else (SILENTLY_WRONG, FAILING)
    lines = []
    for result in results:
        for site, verdict in sorted(result.sites.items()):
            if verdict in (SILENTLY_WRONG, FAILING):
                lines.append(f"{verdict:15} {result.name}:{site}")
        for step in result.steps:
            if step.verdict in shown:
                lines.append(f"    [{step.verdict}] {','.join(step.sites)}: v1 {step.v1!r}\n{'':8}v2 {step.v2!r}"
                             + "".join(f"\n{'':8}wire: expected {e!r}\n{'':14}sent {a!r}" for e, a in step.wire))
        lines += [f"problem         {result.name}: {p}" for p in result.problems]
    counts = figures(results)
    steps = {verdict: sum(1 for r in results for s in r.steps if s.verdict == verdict) for verdict in _WORST}
    hung = [s for r in results for s in r.steps if isinstance(s.v2, list) and s.v2[:1] == ["hung"]]
    lines.append(f"{len(results)} programs, {sum(counts.values())} sites: "
                 + ", ".join(f"{n} {verdict}" for verdict, n in counts.items())
                 + f"; {len({site for s in hung for site in s.sites})} sites in {len(hung)} hung steps")
    lines.append(f"{sum(steps.values())} steps: " + ", ".join(f"{n} {verdict}" for verdict, n in steps.items()))
    return "\n".join(lines)


if __name__ == "__main__":
    import tempfile

    folder = None
    if "--programs" in sys.argv:  # another set of programs in the same format (a held-out set)
        folder = Path(sys.argv[sys.argv.index("--programs") + 1]).resolve()
    if "--help" in sys.argv or "-h" in sys.argv:
        print(__doc__)
        raise SystemExit(0)

    if "--known" in sys.argv:  # print the lines of known_defects.txt for the current code
        with tempfile.TemporaryDirectory() as scratch:
            for result in measure(Path(scratch), folder)[0]:
                for site, verdict in sorted(result.sites.items()):
                    if verdict in (SILENTLY_WRONG, FAILING):
                        print(f"{result.name}:{site} {verdict}")
        raise SystemExit(0)
    if "--install" in sys.argv:
        for spec in sorted({s for s in map(sdk_spec, programs(folder)) if s}):
            print(install_sdk(spec))
        raise SystemExit(0)
    with tempfile.TemporaryDirectory() as scratch:
        found, rewrite_run = measure(Path(scratch), folder)
        if rewrite_run.returncode != 0:
            print(rewrite_run.stdout + rewrite_run.stderr)
        print(report(found, verbose="-v" in sys.argv))
        again = rewrite(Path(scratch), check=True)  # a second run must change nothing
        print("idempotent: " + ("yes" if again.returncode == 0 else "NO\n" + again.stdout + again.stderr))
