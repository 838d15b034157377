"""Drive a running sandbox from Python tests: ``SandboxClient`` wraps the control API, and
``SandboxProcess`` starts ``prelude-migrate sandbox`` on a free port for the length of a block.

    with SandboxProcess() as sandbox:
        client = Prelude(api_token="test-v2-key", base_url=sandbox.url, max_retries=0)
        client.verification.create(target={"type": "phone_number", "value": "+33612345678"})
        client.verification.check(target=..., code=sandbox.control.last_code("+33612345678"))
"""
from __future__ import annotations

import os
import queue
import re
import subprocess
import sys
import threading
from typing import Any, Dict, List, Optional, Sequence
from urllib.parse import quote

import httpx

_READY = re.compile(r"listening on (http://\S+)")


class SandboxError(RuntimeError):
    """The control API refused a request (its ``{"error": ...}`` message)."""


class SandboxClient:
    def __init__(self, url: str, timeout: float = 10.0) -> None:
        self.url = url.rstrip("/")
        self._http = httpx.Client(base_url=self.url + "/_sandbox", timeout=timeout)

    def close(self) -> None:
        self._http.close()

    def _call(self, method: str, path: str, **kwargs: Any) -> Any:
        answer = self._http.request(method, path, **kwargs)
        if answer.status_code >= 400:
            raise SandboxError(f"{answer.status_code}: {answer.json().get('error')}")
        return answer.json()

    @staticmethod
    def _body(**fields: Any) -> Dict[str, Any]:
        return {name: value for name, value in fields.items() if value is not None}

    def health(self) -> Dict[str, Any]:
        return self._call("GET", "/health")

    def last_code(self, target: str, api: str = "v2") -> str:
        return self._call("GET", f"/codes/{quote(target, safe='+@')}", params={"api": api})["code"]

    def requests(self, api: Optional[str] = None, method: Optional[str] = None, path: Optional[str] = None,
                 since: int = 0) -> List[Dict[str, Any]]:
        params = self._body(api=api, method=method, path=path, since=since or None)
        return self._call("GET", "/requests", params=params)["requests"]

    def fail_next(self, kind: str = "error", api: str = "v2", times: int = 1, path: Optional[str] = None,
                  status: Optional[int] = None, code: Optional[str] = None, message: Optional[str] = None) -> None:
        self._call("POST", "/fail-next", json=self._body(kind=kind, api=api, times=times, path=path, status=status,
                                                         code=code, message=message))

    def timeout_next(self, api: str = "v2", times: int = 1, path: Optional[str] = None,
                     seconds: Optional[float] = None) -> None:
        self._call("POST", "/timeout-next", json=self._body(api=api, times=times, path=path, seconds=seconds))

    def block(self, target: str, reason: Optional[str] = None, api: str = "v2") -> None:
        self._call("POST", "/block", json=self._body(target=target, reason=reason, api=api))

    def expire(self, target: str, api: str = "v2") -> None:
        self._call("POST", "/expire", json={"target": target, "api": api})

    def set_lookup(self, phone_number: str, api: str = "v2", **answer: Any) -> None:
        self._call("POST", "/lookup", json={"phone_number": phone_number, "api": api, "answer": answer})

    def advance_clock(self, seconds: float) -> str:
        return self._call("POST", "/clock/advance", json={"seconds": seconds})["now"]

    def set_latency(self, ms: float) -> None:
        self._call("POST", "/latency", json={"ms": ms})

    def reset(self) -> None:
        self._call("POST", "/reset")


class SandboxProcess:
    """``prelude-migrate sandbox --port 0 ARGS...`` in a child process; ``url`` once it is ready."""

    def __init__(self, args: Sequence[str] = (), host: str = "127.0.0.1", startup_timeout: float = 30.0,
                 env: Optional[Dict[str, str]] = None) -> None:
        self.command = [sys.executable, "-m", "migrate.cli", "sandbox", "--host", host, "--port", "0",
                        "--no-access-log", *args]
        self.startup_timeout = startup_timeout
        self.env = env
        self.url = ""
        self.process: Optional[subprocess.Popen] = None
        self.control: Optional[SandboxClient] = None

    def __enter__(self) -> "SandboxProcess":
        self.process = subprocess.Popen(self.command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                        env={**os.environ, **(self.env or {})})
        self.url = wait_for_ready_line(self.process, self.startup_timeout)
        self.control = SandboxClient(self.url)
        return self

    def __exit__(self, *exc: Any) -> None:
        if self.control is not None:
            self.control.close()
        stop(self.process)


def wait_for_ready_line(process: subprocess.Popen, timeout: float, output: Optional[List[str]] = None) -> str:
    """Read the child's output until its ``listening on URL`` line; return the URL. The rest of
    the output keeps being drained (so the child never blocks on a full pipe), into ``output``
    when a list is given."""
    lines: "queue.Queue[Optional[str]]" = queue.Queue()

    def pump() -> None:
        for line in process.stdout:  # type: ignore[union-attr]
            if output is not None:
                output.append(line)
            lines.put(line)
        lines.put(None)

    threading.Thread(target=pump, daemon=True).start()
    seen: List[str] = []
    while True:
        try:
            line = lines.get(timeout=timeout)
        except queue.Empty:
            stop(process)
            raise RuntimeError(f"no ready line within {timeout} s; output so far: {''.join(seen)}") from None
        if line is None:
            raise RuntimeError(f"the server exited with {process.wait()}: {''.join(seen)}")
        seen.append(line)
        match = _READY.search(line)
        if match:
            return match.group(1)


def stop(process: Optional[subprocess.Popen], timeout: float = 15.0) -> Optional[int]:
    """SIGTERM (graceful), then SIGKILL if it does not exit in time; returns the exit status."""
    if process is None:
        return None
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    return process.returncode
