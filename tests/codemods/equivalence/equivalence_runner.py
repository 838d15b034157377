"""Run one equivalence program (tests/data/equivalence/<name>/) on one side and record each step.

A program folder holds v1 modules (marked with ``# site: NAME`` comments) and ``scenario.py``,
which is harness code, never rewritten: ``scenario(run)`` imports the program's modules and calls
them through ``run.step(site, callable)``. The v1 side serves ``compat.testing.FakeV1`` (the
``ding`` SDK and raw requests/httpx/urllib to the v1 host), the v2 side ``FakeV2`` (the real
``prelude_python_sdk``, raw requests/httpx/urllib to the v2 host). The trace is plain JSON so that a
program for an older v1 SDK can run in a subprocess whose ``sys.path`` starts with that SDK:

    python equivalence_runner.py PROGRAM_DIR v1|v2 [SDK_DIR]   # prints the trace as JSON
"""
from __future__ import annotations

import asyncio
import contextlib
import datetime as _dt
import enum
import gc
import importlib
import json
import os
import sys
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Optional

V1_KEY = "test-v1-key"
V2_KEY = "test-v2-key"
CUSTOMER = "00000000-0000-4000-8000-000000000001"
# The environment variables the programs read their key from; each side sets its own key.
KEY_VARIABLES = ("DING_API_KEY", "DING_KEY", "OTP_API_KEY", "API_TOKEN")
SCENARIO = "scenario.py"


class Run:
    """What a scenario sees: the side, its key, the fake's controls and ``step``."""

    # A step that never finishes (a rewritten call raising inside the only worker of a queue,
    # whose join() then waits forever) is stopped after this long and recorded as its own
    # outcome, ["hung", seconds] (never confused with a TimeoutError the program raises), and
    # the scenario goes on: a coroutine through asyncio.timeout, anything else (the main thread
    # blocked in a lock, a sleep, a loop) by a SIGALRM timer whose handler raises StepTimedOut
    # (lock waits are interruptible by signals on POSIX).
    step_timeout = 60.0

    def __init__(self, side: str, fake: Any, program_modules: List[str]) -> None:
        self.side = side
        self.fake = fake
        self.key = V1_KEY if side == "v1" else V2_KEY
        self.customer = CUSTOMER
        self.steps: List[Dict[str, Any]] = []
        self.codes: Dict[str, str] = {}  # a code handed to the program -> what it is, on both sides
        self._program_modules = set(program_modules)

    def step(self, site: str, call: Callable[[], Any]) -> Any:
        """Call ``call()``, record its outcome and the requests it made under ``site`` (a site
        name, or several separated by commas); returns the value, or None if it raised."""
        first = len(self.fake.requests)
        value = None
        try:
            with _deadline(self.step_timeout + min(5.0, self.step_timeout)):  # (a coroutine: its own limit first)
                value = call()
                if asyncio.iscoroutine(value):
                    value = asyncio.run(_limited(value, self.step_timeout))
            outcome: Any = ["returned", plain(value)]
        except BaseException as error:  # noqa: BLE001 - every outcome is an observation
            if isinstance(error, (KeyboardInterrupt, SystemExit)):
                raise
            value = None  # (not the coroutine a failed async step returned)
            outcome = ["hung", self.step_timeout] if isinstance(error, StepTimedOut) else self.describe(error)
        self.steps.append({"sites": [s.strip() for s in site.split(",")], "outcome": outcome,
                           "requests": list(range(first, len(self.fake.requests)))})
        return value

    def describe(self, error: BaseException) -> List[Any]:
        cls = type(error)
        if cls.__module__ in self._program_modules:
            return ["raised", cls.__name__, plain(list(error.args))]
        return ["raised", error_kind(error), cls.__name__ if error_kind(error) == "python-error" else None]

    # --- fake controls, the same words on both sides -----------------------------------

    def code(self, phone: str) -> str:
        code = self.fake.last_code(phone)
        self.codes[code] = f"<code sent to {phone}>"
        return code

    def wrong(self, phone: str) -> str:
        code = "".join("1" if digit != "1" else "2" for digit in self.fake.last_code(phone))
        self.codes[code] = f"<wrong code for {phone}>"
        return code

    def block(self, phone: str) -> None:
        """v1: create answers 400 blocked_number; v2: 200 status blocked."""
        self.fake.block(phone)

    def expire(self, phone: str) -> None:
        self.fake.expire(phone)

    def timeout_next(self) -> None:
        self.fake.timeout_next()

    def fail_next(self, status: int = 500) -> None:
        self.fake.fail_next(status=status)


class StepTimedOut(BaseException):
    """Raised in the main thread when a step runs past its limit (a BaseException, so that the
    program's own ``except Exception`` does not swallow it and go on waiting)."""


async def _limited(coroutine: Any, seconds: float) -> Any:
    """``await coroutine``, StepTimedOut when it runs past ``seconds`` (a TimeoutError the
    program raises itself passes through as it is)."""
    limit = asyncio.timeout(seconds)
    try:
        async with limit:
            return await coroutine
    except TimeoutError:
        if limit.expired():
            raise StepTimedOut(f"step still running after {seconds:g} s") from None
        raise


@contextlib.contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    """Raise StepTimedOut in the main thread after ``seconds`` (SIGALRM; nothing where there is
    no such signal, or off the main thread)."""
    import signal
    import threading

    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame):
        raise StepTimedOut(f"step still running after {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def error_kind(error: BaseException) -> str:
    module = type(error).__module__.split(".")[0]
    if module in ("ding", "sdk", "prelude_python_sdk"):
        names = {c.__name__ for c in type(error).__mro__}
        if "APIConnectionError" in names:
            return "network-error"
        return "api-error"
    if module in ("requests", "httpx", "urllib3"):
        if getattr(error, "response", None) is not None and module != "httpx":
            return "api-error"  # requests.HTTPError from raise_for_status
        if type(error).__name__ == "HTTPStatusError":
            return "api-error"
        return "network-error"
    return "python-error"


def plain(value: Any) -> Any:
    """A JSON-able picture of what a program returned."""
    if isinstance(value, enum.Enum):
        return plain(value.value)
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, dict):
        return {str(plain(k)): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted((plain(v) for v in value), key=repr)
    if isinstance(value, (_dt.datetime, _dt.date)):
        return "<datetime>"
    if isinstance(value, BaseException):
        return ["exception", error_kind(value)]
    return "<object>"


# --- running -----------------------------------------------------------------------------

def program_modules(program: Path) -> List[str]:
    return sorted(p.stem for p in program.glob("*.py"))


@contextlib.contextmanager
def importable(program: Path) -> Iterator[List[str]]:
    """The program's folder first on sys.path, its modules fresh, and forgotten afterwards."""
    names = program_modules(program)
    for name in names:
        sys.modules.pop(name, None)
    sys.path.insert(0, str(program))
    importlib.invalidate_caches()
    try:
        yield names
    finally:
        sys.path.remove(str(program))
        for name in names:
            sys.modules.pop(name, None)


@contextlib.contextmanager
def environment(key: str) -> Iterator[None]:
    before = {name: os.environ.get(name) for name in KEY_VARIABLES}
    os.environ.update({name: key for name in KEY_VARIABLES})
    try:
        yield
    finally:
        for name, value in before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def record_replies(fake: Any) -> List[Dict[str, Any]]:
    """Wrap ``fake.handle`` so that each reply (status, decoded body) is kept by request index."""
    replies: List[Dict[str, Any]] = []
    handle = fake.handle

    def recording(method, url, headers=None, body=None):
        try:
            status, reply_headers, reply_body = handle(method, url, headers, body)
        except Exception:
            replies.append({"status": None, "body": None})
            raise
        try:
            decoded = json.loads(reply_body or b"null")
        except ValueError:
            decoded = None
        replies.append({"status": status, "body": decoded})
        return status, reply_headers, reply_body

    fake.handle = recording
    return replies


@contextlib.contextmanager
def serve_urllib(fake: Any) -> Iterator[None]:
    """``urllib.request.urlopen`` answered by ``fake`` too, for programs with no HTTP library."""
    import email.message
    import io
    import urllib.error
    import urllib.request
    import urllib.response

    class FakeHandler(urllib.request.HTTPSHandler):  # replaces the real one: never the network
        handler_order = 100  # before any other handler, for http:// too

        def https_open(self, request: Any) -> Any:
            try:
                status, headers, body = fake.handle(request.get_method(), request.full_url,
                                                    dict(request.header_items()), request.data or b"")
            except TimeoutError as timeout:
                raise urllib.error.URLError(timeout) from None
            message = email.message.Message()
            for name, value in (headers or {}).items():
                message[name] = value
            reply = urllib.response.addinfourl(io.BytesIO(body or b""), message, request.full_url, status)
            reply.msg = ""
            return reply

        http_open = https_open

    before = urllib.request._opener  # type: ignore[attr-defined]
    urllib.request.install_opener(urllib.request.build_opener(FakeHandler))
    try:
        yield
    finally:
        urllib.request.install_opener(before)


def make_fake(side: str) -> Any:
    from compat.testing import FakeV1, FakeV2

    if side == "v1":
        return FakeV1(api_key=V1_KEY, customer_uuid=CUSTOMER, seed=1)
    return FakeV2(api_key=V2_KEY, seed=2)


def run_program(program: Path, side: str) -> Dict[str, Any]:
    """Run ``program``'s scenario on ``side`` ("v1" or "v2"); the trace as plain data."""
    fake = make_fake(side)
    replies = record_replies(fake)
    with importable(program) as names, environment(V1_KEY if side == "v1" else V2_KEY):
        run = Run(side, fake, [n for n in names if n != Path(SCENARIO).stem])
        with fake.serve_requests(), fake.serve_httpx(), serve_urllib(fake):
            try:
                importlib.import_module(Path(SCENARIO).stem).scenario(run)
            except Exception as error:  # the scenario itself broke: the harness reports it
                run.steps.append({"sites": ["<scenario>"], "outcome": run.describe(error), "requests": []})
            # Finalise what the program left (tasks whose exception nobody retrieved log a
            # traceback when collected) now, not inside the harness's own ast.parse later.
            gc.collect()
    requests = [{"method": r.method, "path": r.path, "query": r.query, "json": r.json,
                 "headers": {k: v for k, v in r.headers.items()
                             if k in ("authorization", "x-api-key", "customer-uuid")}}
                for r in fake.requests]
    for request in requests:  # codes are random per fake: compare what they are, not their digits
        body = request["json"]
        for key in ("check_code", "code"):
            if isinstance(body, dict) and isinstance(body.get(key), str) and body[key] in run.codes:
                body[key] = run.codes[body[key]]
    return {"side": side, "steps": run.steps, "requests": requests, "replies": replies}


def run_in_subprocess(program: Path, side: str, sdk_dir: Path) -> Dict[str, Any]:
    """The same run in a fresh interpreter whose ``ding`` is the one installed in ``sdk_dir``."""
    import subprocess

    try:
        done = subprocess.run([sys.executable, __file__, str(program), side, str(sdk_dir)],
                              capture_output=True, text=True, timeout=900)
    except subprocess.TimeoutExpired:  # (each step has its own limit; this is the last resort)
        return {"side": side, "steps": [{"sites": ["<program>"], "outcome": ["hung", 900],
                                         "requests": []}], "requests": [], "replies": [], "ding": str(Path(sdk_dir).resolve())}
    if done.returncode != 0:
        raise RuntimeError(f"{program.name} on {side} failed in its environment:\n{done.stderr}")
    return json.loads(done.stdout)


if __name__ == "__main__":
    program_dir, run_side = Path(sys.argv[1]), sys.argv[2]
    if len(sys.argv) > 3:
        sys.path.insert(0, sys.argv[3])
    trace = run_program(program_dir, run_side)
    import ding  # noqa: E402 - which SDK really ran, for the harness to assert

    trace["ding"] = str(Path(ding.__file__).resolve())
    json.dump(trace, sys.stdout)
