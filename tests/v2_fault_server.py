"""A v2 origin on uvicorn over TLS on localhost that injects transport faults once it has read a
request, and counts what it received: for testing that nothing re-sends a create or a check.

Faults (``server.fault = ...``):
- ``"ok"``: a v2-shaped success for every path;
- ``"tls_error"``: read the whole request, then write a corrupt TLS record and drop the
  connection (the client's TLS layer fails: urllib3 files it as an "other" error, the kind its
  ``allowed_methods`` does not guard);
- ``"reset"``: read the whole request, then reset the connection (TCP RST: a read error);
- ``"503"``: answer 503 with ``Retry-After: 0``.

The ASGI app reaches the connection through uvicorn's ``send`` callable (a method of uvicorn's
request cycle, which holds the asyncio transport): the only way to fail a connection from inside
a real server stack.
"""
from __future__ import annotations

import json
import os
import socket
import struct
import threading
import time
from pathlib import Path
from typing import Any, List, Tuple

import trustme
import uvicorn

# A TLS 1.2/1.3 application-data record header and bytes that cannot decrypt.
CORRUPT_TLS_RECORD = b"\x17\x03\x03\x00\x20" + b"\x5a" * 32

OK_BODIES = {
    "/v2/verification": {"id": "vrf_01fault0000000000000000000", "status": "success", "method": "message",
                         "request_id": "req_fault_ok"},
    "/v2/verification/check": {"id": "vrf_01fault0000000000000000000", "status": "success",
                               "request_id": "req_fault_ok"},
}


class FaultServer:
    def __init__(self, folder: Path) -> None:
        ca = trustme.CA()
        cert = ca.issue_cert("127.0.0.1", "localhost")
        self.server_pem = folder / "server.pem"
        self.ca_pem = folder / "ca.pem"
        cert.private_key_and_cert_chain_pem.write_to_path(str(self.server_pem))
        ca.cert_pem.write_to_path(str(self.ca_pem))
        self.fault = "ok"
        self.received: List[Tuple[str, str]] = []
        self._lock = threading.Lock()
        self._socket = socket.socket()
        self._socket.bind(("127.0.0.1", 0))
        self.port = self._socket.getsockname()[1]
        self.origin = f"https://127.0.0.1:{self.port}"
        config = uvicorn.Config(self.app, ssl_certfile=str(self.server_pem), ssl_keyfile=str(self.server_pem),
                                log_level="critical", lifespan="off", access_log=False, interface="asgi3")
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, kwargs={"sockets": [self._socket]}, daemon=True)

    def start(self) -> "FaultServer":
        self._thread.start()
        deadline = time.monotonic() + 30
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("the fault server did not start")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=30)
        self._socket.close()

    def count(self, method: str, path: str) -> int:
        with self._lock:
            return self.received.count((method, path))

    def reset_counts(self) -> None:
        with self._lock:
            self.received.clear()

    async def app(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        more = True
        while more:  # the whole request is in: from here on v2 "has" it
            message = await receive()
            more = message.get("more_body", False)
        with self._lock:
            self.received.append((scope["method"], scope["path"]))
        fault = self.fault
        if fault in ("tls_error", "reset"):
            transport = send.__self__.transport
            raw = transport.get_extra_info("socket")
            if fault == "tls_error":
                os.write(raw.fileno(), CORRUPT_TLS_RECORD)
            else:
                raw.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            transport.abort()
            return
        if fault == "503":
            await _reply(send, 503, {"code": "internal", "message": "injected 503", "request_id": "req_503"},
                         [(b"retry-after", b"0")])
            return
        await _reply(send, 200, OK_BODIES.get(scope["path"], {"request_id": "req_fault_ok"}))


async def _reply(send: Any, status: int, body: Any, extra: Any = ()) -> None:
    content = json.dumps(body).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), *extra]})
    await send({"type": "http.response.body", "body": content})
