"""Run one of this package's servers (``prelude-migrate sandbox`` / ``proxy``) as a child process
for the length of a block: wait for its ready line, drain its output, stop it with SIGTERM."""
from __future__ import annotations

import os
import queue
import re
import subprocess
import sys
import threading
from typing import Any, Dict, List, Optional, Sequence

_READY = re.compile(r"listening on (http://\S+)")


class ServerProcess:
    """``prelude-migrate ARGS...``; ``url`` once it listens, ``output`` every line it printed."""

    def __init__(self, args: Sequence[str], startup_timeout: float = 30.0,
                 env: Optional[Dict[str, str]] = None) -> None:
        self.command = [sys.executable, "-m", "migrate.cli", *args]
        self.startup_timeout = startup_timeout
        self.env = env
        self.url = ""
        self.output: List[str] = []
        self.process: Optional[subprocess.Popen] = None
        self.returncode: Optional[int] = None

    def __enter__(self) -> "ServerProcess":
        self.process = subprocess.Popen(self.command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                        env={**os.environ, **(self.env or {})})
        self.url = wait_for_ready_line(self.process, self.startup_timeout, self.output)
        return self

    def __exit__(self, *exc: Any) -> None:
        self.returncode = stop(self.process)


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
