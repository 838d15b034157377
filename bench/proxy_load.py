"""Load and faults through `prelude-migrate proxy`, on localhost only, bounded in time.

The v2 side is `prelude-migrate sandbox` answering every request after an injected latency
(200 ms by default). For each number N of concurrent clients (50, 200, 1000) the same load runs
twice, side by side:

- direct: N clients calling v2 itself (create + check, the v2 calls a v1 flow needs): the peer;
- proxy: N unchanged v1 clients (create + check) through the proxy.

Each client owns a phone number and loops until the time is up. Printed per N: requests per
second, latency p50/p99, errors, the latency the proxy adds over the v2 time of each request
(from the proxy's Server-Timing header), and the proxy's own CPU per request (its process CPU
time / requests). Then: two proxy processes sharing one Redis (when `redis-server` and
compat.RedisStore are there), and injected v2 faults with the number of v2 creates/checks each
v1 call caused (must be exactly 1) and what the client saw.

    python bench/proxy_load.py [--clients 50,200,1000] [--seconds 8] [--latency-ms 200]

The load generator, the proxy and the sandbox share this machine's cores: on a 2-core machine
the throughput is bounded by CPU, not by the 200 ms latency.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from contextlib import ExitStack
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple
from urllib.parse import urlsplit

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from migrate.servers.process import ServerProcess  # noqa: E402
from migrate.servers.sandbox_client import SandboxClient  # noqa: E402

V2_KEY = "bench-v2-key"
CLIENT_KEY = "bench-client-key"
CUSTOMER = "00000000-0000-4000-8000-000000000001"
QUIET = ["--no-access-log", "--log-level", "warning"]


def phone(index: int) -> str:
    return f"+3361{index:07d}"


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def percentile(values: List[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


class Answer:
    __slots__ = ("status", "server_timing", "body")

    def __init__(self, status: int, server_timing: str, body: bytes) -> None:
        self.status, self.server_timing, self.body = status, server_timing, body

    def json(self) -> Any:
        return json.loads(self.body)


class LeanClient:
    """The load generator's HTTP/1.1 client: one keep-alive connection, requests written as
    bytes, answers read by Content-Length. About 0.1 ms of CPU per request, where httpx takes
    ~2 ms: with httpx the load generator, not the proxy, would use up this machine's two cores.
    (Bench code only: the servers themselves run on uvicorn, and the proxy's v2 side on httpx.)"""

    def __init__(self, url: str) -> None:
        parts = urlsplit(url)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 80
        self._streams: Optional[Tuple[asyncio.StreamReader, asyncio.StreamWriter]] = None

    async def close(self) -> None:
        if self._streams is not None:
            self._streams[1].close()
            self._streams = None

    async def post(self, path: str, headers: bytes, payload: Any) -> Answer:
        body = json.dumps(payload).encode()
        head = (b"POST " + path.encode() + b" HTTP/1.1\r\nHost: " + self.host.encode() + b"\r\n" + headers
                + b"Content-Type: application/json\r\nContent-Length: " + str(len(body)).encode() + b"\r\n\r\n")
        if self._streams is None:
            self._streams = await asyncio.open_connection(self.host, self.port)
        reader, writer = self._streams
        try:
            writer.write(head + body)
            status_line = await reader.readline()
            if not status_line:
                raise ConnectionResetError("connection closed")
            length, timing, close = 0, "", False
            while True:
                line = await reader.readline()
                if line in (b"\r\n", b""):
                    break
                name, _, value = line.partition(b":")
                name = name.strip().lower()
                if name == b"content-length":
                    length = int(value)
                elif name == b"server-timing":
                    timing = value.strip().decode()
                elif name == b"connection" and value.strip().lower() == b"close":
                    close = True
            content = await reader.readexactly(length)
        except (OSError, asyncio.IncompleteReadError, ValueError):
            await self.close()
            raise
        if close:
            await self.close()
        return Answer(int(status_line.split()[1]), timing, content)


class Tally:
    def __init__(self) -> None:
        self.latencies: List[float] = []
        self.added: List[float] = []
        self.errors: Counter = Counter()

    async def timed(self, call: Any) -> Optional[Answer]:
        started = time.perf_counter()
        try:
            answer = await call
        except (OSError, asyncio.IncompleteReadError, ValueError) as exc:
            self.errors[type(exc).__name__] += 1
            return None
        elapsed = time.perf_counter() - started
        if answer.status != 200:
            self.errors[f"http_{answer.status}"] += 1
            return answer
        self.latencies.append(elapsed)
        if answer.server_timing.startswith("v2;dur="):
            self.added.append(elapsed - float(answer.server_timing.split("=", 1)[1].split(",", 1)[0]) / 1000)
        return answer


async def run_clients(count: int, seconds: float, flow: Any) -> Tuple[Tally, float]:
    """``count`` clients, each on its own connection, looping ``flow`` until the time is up."""
    tally = Tally()
    stop_at = time.perf_counter() + seconds
    started = time.perf_counter()
    await asyncio.gather(*(flow(index, stop_at, tally) for index in range(count)))
    return tally, time.perf_counter() - started


def direct_flow(v2_url: str) -> Any:
    headers = f"Authorization: Bearer {V2_KEY}\r\n".encode()

    async def flow(index: int, stop_at: float, tally: Tally) -> None:
        client = LeanClient(v2_url)
        target = {"type": "phone_number", "value": phone(index)}
        while time.perf_counter() < stop_at:
            await tally.timed(client.post("/v2/verification", headers, {"target": target}))
            await tally.timed(client.post("/v2/verification/check", headers, {"target": target, "code": "0000"}))
        await client.close()
    return flow


def proxy_flow(create_urls: List[str], check_urls: List[str]) -> Any:
    headers = f"X-API-Key: {CLIENT_KEY}\r\n".encode()

    async def flow(index: int, stop_at: float, tally: Tally) -> None:
        creating = LeanClient(create_urls[index % len(create_urls)])
        checking = LeanClient(check_urls[index % len(check_urls)])
        if check_urls[index % len(check_urls)] == create_urls[index % len(create_urls)]:
            checking = creating
        while time.perf_counter() < stop_at:
            created = await tally.timed(creating.post("/v1/authentication", headers, {
                "customer_uuid": CUSTOMER, "phone_number": phone(index)}))
            if created is None or created.status != 200:
                continue
            await tally.timed(checking.post("/v1/check", headers, {
                "customer_uuid": CUSTOMER, "authentication_uuid": created.json()["authentication_uuid"],
                "check_code": "0000"}))
        await creating.close()
        await checking.close()
    return flow


def row(label: str, tally: Tally, wall: float, cpu: Optional[float] = None) -> str:
    done = len(tally.latencies)
    errors = sum(tally.errors.values())
    text = (f"  {label:<26} {done / wall:8.1f} req/s   p50 {percentile(tally.latencies, 0.5) * 1000:7.1f} ms"
            f"   p99 {percentile(tally.latencies, 0.99) * 1000:7.1f} ms   errors {errors}")
    if tally.errors:
        text += " (" + ", ".join(f"{kind} {n}" for kind, n in tally.errors.most_common()) + ")"
    if tally.added:
        text += (f"\n  {'':<26} added over v2: p50 {percentile(tally.added, 0.5) * 1000:.1f} ms,"
                 f" p99 {percentile(tally.added, 0.99) * 1000:.1f} ms")
    if cpu is not None and done + errors:
        text += f"\n  {'':<26} proxy CPU {cpu / (done + errors) * 1000:.3f} ms per request ({cpu:.1f} s)"
    return text


def proxy(stack: ExitStack, v2_url: str, *args: str, env: Optional[Dict[str, str]] = None) -> ServerProcess:
    return stack.enter_context(ServerProcess(
        ["proxy", "--port", "0", "--client-key", CLIENT_KEY, *QUIET, *args],
        env={"API_TOKEN": V2_KEY, "PRELUDE_BASE_URL": v2_url, **(env or {})}))


def load(args: argparse.Namespace, stack: ExitStack, sandbox: ServerProcess, control: SandboxClient) -> None:
    front = proxy(stack, sandbox.url)
    print(f"\nLoad: v2 (the sandbox) answers after {args.latency_ms} ms; {args.seconds:g} s per run; "
          "each client loops create + check (wrong code)")
    for count in args.clients:
        control.reset()
        control.set_latency(args.latency_ms)
        tally, wall = asyncio.run(run_clients(count, args.seconds, direct_flow(sandbox.url)))
        print(f"N = {count}")
        print(row("direct to v2 (peer)", tally, wall))
        control.reset()
        control.set_latency(args.latency_ms)
        before = cpu_seconds(front.process.pid)
        tally, wall = asyncio.run(run_clients(count, args.seconds, proxy_flow([front.url], [front.url])))
        print(row("v1 through the proxy", tally, wall, cpu_seconds(front.process.pid) - before))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def redis_pair(args: argparse.Namespace, stack: ExitStack, sandbox: ServerProcess, control: SandboxClient) -> None:
    import compat

    print("\nTwo proxy processes sharing one Redis (creates on one, checks on the other)")
    binary = shutil.which("redis-server")
    if binary is None or not hasattr(compat, "RedisStore"):
        print("  skipped: " + ("redis-server is not installed" if binary is None else "compat.RedisStore is missing"))
        return
    port = free_port()
    folder = tempfile.mkdtemp(prefix="bench-redis-")
    server = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                               "--dir", folder], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stack.callback(shutil.rmtree, folder, True)
    stack.callback(server.wait)
    stack.callback(server.terminate)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.05)
    url = f"redis://127.0.0.1:{port}/0"
    first, second = proxy(stack, sandbox.url, "--redis-url", url), proxy(stack, sandbox.url, "--redis-url", url)
    count = min(200, max(args.clients))
    control.reset()
    control.set_latency(args.latency_ms)
    before = cpu_seconds(first.process.pid) + cpu_seconds(second.process.pid)
    tally, wall = asyncio.run(run_clients(count, args.seconds, proxy_flow([first.url, second.url],
                                                                          [second.url, first.url])))
    cpu = cpu_seconds(first.process.pid) + cpu_seconds(second.process.pid) - before
    print(f"N = {count}")
    print(row("v1 through 2 proxies+Redis", tally, wall, cpu))


FAULTS = [
    ("timeout", {"timeout": True}),
    ("connection reset", {"kind": "disconnect"}),
    ("5xx (503 internal)", {"kind": "error", "status": 503, "code": "internal"}),
    ("invalid JSON", {"kind": "invalid_json"}),
]


def faults(stack: ExitStack, sandbox: ServerProcess, control: SandboxClient) -> None:
    front = proxy(stack, sandbox.url, "--v2-timeout", "1")
    print("\nInjected v2 faults (one v1 call each; the proxy's v2 timeout is 1 s)")
    print(f"  {'fault':<20} {'v1 call':<8} {'v2 calls':>8}   client saw")
    headers = {"X-API-Key": CLIENT_KEY}
    with httpx.Client(base_url=front.url, headers=headers, timeout=30) as http:
        for name, fault in FAULTS:
            for operation, v2_path in (("create", "/v2/verification"), ("check", "/v2/verification/check")):
                control.reset()
                number = phone(9_000_000)
                created = http.post("/v1/authentication", json={"customer_uuid": CUSTOMER, "phone_number": number})
                since = control.requests()[-1]["seq"]
                if fault.get("timeout"):
                    control.timeout_next(path=v2_path, seconds=5)
                else:
                    control.fail_next(path=v2_path, **fault)
                if operation == "create":
                    answer = http.post("/v1/authentication", json={"customer_uuid": CUSTOMER, "phone_number": number})
                else:
                    answer = http.post("/v1/check", json={
                        "customer_uuid": CUSTOMER, "authentication_uuid": created.json()["authentication_uuid"],
                        "check_code": control.last_code(number)})
                sent = len(control.requests(path=v2_path, since=since))
                try:
                    code = answer.json().get("code") or answer.json().get("status")
                except ValueError:
                    code = "(no JSON)"
                verdict = "ok" if sent == 1 else "RE-SENT" if sent > 1 else "NOT SENT"
                print(f"  {name:<20} {operation:<8} {sent:>8}   HTTP {answer.status_code} {code}  [{verdict}]")


def main() -> None:
    try:
        import uvloop

        uvloop.install()
    except ImportError:
        pass
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so that the servers started are stopped
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", default="50,200,1000", type=lambda text: [int(n) for n in text.split(",")])
    parser.add_argument("--seconds", default=8.0, type=float)
    parser.add_argument("--latency-ms", default=200, type=int)
    parser.add_argument("--skip", default="", help="comma-separated: load, redis, faults")
    args = parser.parse_args()
    if max(args.clients) > 2000 or args.seconds > 60:
        parser.error("bounded: at most 2000 clients and 60 s per run")
    skip = set(filter(None, args.skip.split(",")))
    with ExitStack() as stack:
        started = time.perf_counter()
        sandbox = stack.enter_context(ServerProcess(["sandbox", "--port", "0", "--v2-key", V2_KEY, *QUIET]))
        print(f"sandbox ready in {time.perf_counter() - started:.2f} s (process start to ready line)")
        control = stack.enter_context(_closing(SandboxClient(sandbox.url)))
        print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}; "
              "load generator: one keep-alive connection per client (LeanClient), uvloop if installed")
        if "load" not in skip:
            load(args, stack, sandbox, control)
        if "redis" not in skip:
            redis_pair(args, stack, sandbox, control)
        if "faults" not in skip:
            faults(stack, sandbox, control)


class _closing:
    def __init__(self, client: SandboxClient) -> None:
        self.client = client

    def __enter__(self) -> SandboxClient:
        return self.client

    def __exit__(self, *exc: Any) -> None:
        self.client.close()


if __name__ == "__main__":
    main()
