"""Drive a running sandbox from Python tests: ``SandboxClient`` wraps the control API, and
``SandboxProcess`` starts ``prelude-migrate sandbox`` on a free port for the length of a block.

    with SandboxProcess() as sandbox:
        client = Prelude(api_token="test-v2-key", base_url=sandbox.url, max_retries=0)
        client.verification.create(target={"type": "phone_number", "value": "+33612345678"})
        client.verification.check(target=..., code=sandbox.control.last_code("+33612345678"))
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence
from urllib.parse import quote

import httpx

from migrate.servers.process import ServerProcess


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


class SandboxProcess(ServerProcess):
    """``prelude-migrate sandbox --port 0 ARGS...`` in a child process; ``url`` once it is ready
    and ``control``, a ``SandboxClient`` on it."""

    def __init__(self, args: Sequence[str] = (), host: str = "127.0.0.1", startup_timeout: float = 30.0,
                 env: Optional[Dict[str, str]] = None) -> None:
        super().__init__(["sandbox", "--host", host, "--port", "0", "--no-access-log", *args], startup_timeout, env)
        self.control: Optional[SandboxClient] = None

    def __enter__(self) -> "SandboxProcess":
        super().__enter__()
        self.control = SandboxClient(self.url)
        return self

    def __exit__(self, *exc: Any) -> None:
        if self.control is not None:
            self.control.close()
        super().__exit__(*exc)
