"""The translation engine: one v1 call in, the v2 calls it needs out, the v1 answer back.

Every runtime shell (the ``requests`` adapter, the httpx transports, the proxy) runs this same
code, so translation, id sealing, the store and the fault rules are one code path. It does no
I/O itself (sans-I/O): ``Engine.handle`` is a generator that *yields* effects and *returns* the
v1 answer. An effect is either

- a ``V2Request`` (method, absolute URL, headers, body): the shell sends it, once, and sends a
  ``V2Response`` (status, content, headers) back into the generator. A transport fault is the
  shell's to raise (as the exception its v1 callers already handle) or to answer with
  ``Engine.fault_answer``; the generator is then simply dropped. A POST ``V2Request`` (it may
  send or consume a code) must reach the network at most once: no retries of any kind
  (``compat.retries`` allows them only for ``SAFE_TO_REPEAT`` methods);
- a ``StoreCall`` (a read or write of the optional store): ``run_steps`` runs it in line,
  ``run_steps_async`` awaits the store's ``async_<name>`` method when it has one.

The answer is a ``V1Response`` (status, headers, content: a JSON body in v1 shape). Nothing
escapes as an exception: a malformed v1 request is a v1 400, anything unforeseen a v1 500
(logged on the ``compat`` logger).

Driving it with an async httpx client (what the proxy does)::

    engine = Engine(api_key="test-v2-key")

    async def send(request: V2Request) -> V2Response:
        answer = await client.request(request.method, request.url, headers=request.headers,
                                      content=request.body)
        return V2Response(answer.status_code, answer.content, answer.headers)

    v1 = V1Request("POST", "/v1/authentication", body=b'{"phone_number": "+33612345678"}')
    answer = await run_steps_async(engine.handle(v1), send)   # a V1Response
    answer.status, answer.json()["status"]                    # 200, "pending"

and synchronously, with any function that sends a ``V2Request``:
``run_steps(engine.handle(v1), send_sync)``. ``engine.is_forward(path)`` tells the legacy
``api.ding.live/v2/*`` paths, which ``engine.forward_request(v1)`` turns into the same request
on the v2 origin (``handle`` forwards them too, buffering the body).
"""
from __future__ import annotations

import datetime as _dt
import functools
import http.client
import inspect
import json
import logging
import os
import re
import time
import uuid
from typing import (Any, Awaitable, Callable, Dict, Generator, Mapping, NamedTuple, Optional, Sequence,
                    Tuple, Union)
from urllib.parse import quote, unquote, urlsplit

from compat import translate, v1_input
from compat.knowledge.config_names import V2_API_KEY_ENV, V2_BASE_URL_ENV
from compat.knowledge.enums import FEEDBACK_STATUS_V1_TO_V2
from compat.knowledge.errors import V1_CODE, v1_error_for_v2
from compat.knowledge.hosts import V1_HOST_RE, V2_AUTH_HEADER, V2_AUTH_SCHEME, V2_ORIGIN
from compat.knowledge.operations import OPERATIONS
from compat.knowledge.statuses import CHECK_STATUS_V2_TO_V1, CREATE_STATUS_V2_TO_V1, RETRY_STATUS_V2_TO_V1, V2_BLOCKED
from compat.sealing import NONCES, TIME_UNIT, InvalidId, Sealed, Sealer
from compat.store import Store

_log = logging.getLogger("compat")
REQUEST_ID_HEADER = "X-Prelude-Request-Id"
DEFAULT_ID_MAX_AGE = 86400.0  # seconds; far beyond any verification window, as the store's TTL
MAX_CLOCK_SKEW = 300.0  # seconds an id may be dated ahead of this host's clock (another host's)
MIN_SECRET_BYTES = 32  # an explicit sealing secret: 256 bits if random, out of reach offline
_V2_ID_MAX_CHARS = 256
# The v1 status of a create (and of a retry) whose code went out: what a v2 success maps to.
_CODE_SENT_CREATE = CREATE_STATUS_V2_TO_V1["success"]
_CODE_SENT_RETRY = RETRY_STATUS_V2_TO_V1["success"]
_FRACTION = re.compile(r"(\.\d+)")
_JSON = "application/json"


class CompatConfigError(ValueError):
    """compat cannot be built as asked (for example, no v2 API key anywhere)."""


# --- the values that cross the engine's boundary ---------------------------------------------

class V1Request(NamedTuple):
    method: str
    path: str  # e.g. "/v1/authentication"; percent-encoded as on the wire
    query: str = ""  # without the "?"
    headers: Mapping[str, str] = {}
    body: Union[bytes, str, None] = None


class V2Request(NamedTuple):
    method: str
    url: str
    headers: Dict[str, str]
    body: Optional[bytes] = None


class V2Response(NamedTuple):
    status: int
    content: bytes
    headers: Mapping[str, str] = {}


class V1Response(NamedTuple):
    status: int
    headers: Dict[str, str]
    content: bytes

    @property
    def reason(self) -> str:
        return http.client.responses.get(self.status, "")

    def json(self) -> Any:
        return json.loads(self.content)


class StoreCall(NamedTuple):
    """A read or write of the store. A failing store is logged and answers None: the store only
    adds fidelity, and a call whose code v2 may already have sent must not fail because of it."""
    store: Store
    name: str  # "get" | "put" | "update"
    args: Tuple[Any, ...]
    changes: Mapping[str, Any] = {}

    def run(self) -> Any:
        try:
            return getattr(self.store, self.name)(*self.args, **self.changes)
        except Exception:  # noqa: BLE001 - any backend failure degrades to stateless
            _log.warning("compat store %s failed; answering without it", self.name, exc_info=True)
            return None

    async def run_async(self) -> Any:
        method = getattr(self.store, "async_" + self.name, None)
        if method is None or not inspect.iscoroutinefunction(method):
            return self.run()
        try:
            return await method(*self.args, **self.changes)
        except Exception:  # noqa: BLE001 - as in run()
            _log.warning("compat store %s failed; answering without it", self.name, exc_info=True)
            return None


Effect = Union[V2Request, StoreCall]
Steps = Generator[Effect, Any, V1Response]


def run_steps(steps: Steps, send: Callable[[V2Request], V2Response]) -> V1Response:
    """Drive ``Engine.handle`` with a synchronous v2 transport."""
    reply: Any = None
    try:
        while True:
            effect = steps.send(reply)
            reply = effect.run() if type(effect) is StoreCall else send(effect)
    except StopIteration as done:
        return done.value


async def run_steps_async(steps: Steps, send: Callable[[V2Request], Awaitable[V2Response]]) -> V1Response:
    """Drive ``Engine.handle`` with an asynchronous v2 transport."""
    reply: Any = None
    try:
        while True:
            effect = steps.send(reply)
            reply = await (effect.run_async() if type(effect) is StoreCall else send(effect))
    except StopIteration as done:
        return done.value


# --- helpers -----------------------------------------------------------------------------------

def is_v1_url(url: str) -> bool:
    """Whether compat serves ``url``: the v1 host in any spelling a client may send (http or
    https, any port, the fully qualified ``api.ding.live.``, any case), decided by the
    knowledge layer's one host pattern on the URL's scheme, host and port only (so
    ``https://api.ding.live@elsewhere/`` and ``https://api.ding.live.example.com/`` are not)."""
    parts = urlsplit(url)  # cached by urllib; the verdict per origin is cached below
    return _serves_origin(parts.scheme, parts.netloc)


@functools.lru_cache(maxsize=512)
def _serves_origin(scheme: str, netloc: str) -> bool:
    parts = urlsplit(f"{scheme}://{netloc}/")
    try:
        port = parts.port
    except ValueError:
        return False
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return False
    origin = f"{parts.scheme}://{parts.hostname}" + (f":{port}" if port is not None else "")
    return V1_HOST_RE.fullmatch(origin + "/") is not None


def v2_key(api_key: Optional[str]) -> str:
    key = api_key if api_key is not None else os.environ.get(V2_API_KEY_ENV)
    if not key:
        raise CompatConfigError(
            f"compat needs a v2 API key: pass api_key=... or set the {V2_API_KEY_ENV} "
            "environment variable (a v1 X-API-Key key is not accepted by v2)")
    if not isinstance(key, str) or not key.isascii() or not key.isprintable() or any(c.isspace() for c in key):
        # an HTTP client would refuse the header later with a bare ValueError, on the first call.
        raise CompatConfigError("the v2 API key contains spaces, line breaks or non-ASCII characters "
                                "(a trailing newline from a file or secret mount?)")
    return key


def strong_secret(secret: Union[str, bytes], option: str) -> Union[str, bytes]:
    """An explicit sealing secret, refused when shorter than ``MIN_SECRET_BYTES``."""
    raw = secret.encode("utf-8") if isinstance(secret, str) else secret
    if not isinstance(raw, bytes) or len(raw) < MIN_SECRET_BYTES:
        size = len(raw) if isinstance(raw, bytes) else 0
        raise CompatConfigError(
            f"{option} is {size} bytes; it must be at least {MIN_SECRET_BYTES}. Anyone who sees one "
            "authentication_uuid and knows its phone number and minute can test guesses of the secret "
            "offline, and with the secret forge ids that make this adapter check or re-send codes for any "
            "number. Use random bytes (python -c 'import secrets; print(secrets.token_urlsafe(32))'), or "
            "leave secret unset to seal with the v2 API key")
    return secret


def v2_id(value: Any) -> Optional[str]:
    """A v2 verification id (from an answer or a stored record), or None when it is missing or
    not a plausible id (a number, a list, a huge string): such a value is never stored or put in
    a v2 path."""
    if isinstance(value, str) and 0 < len(value) <= _V2_ID_MAX_CHARS and value.isascii() and value.isprintable():
        return value
    return None


def iso(seconds: float) -> str:
    """RFC 3339 UTC with milliseconds and a Z, as both APIs write timestamps."""
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(seconds)) + ".%03dZ" % (int(seconds * 1000) % 1000)


def parse_iso(text: Any) -> Optional[float]:
    if not isinstance(text, str):
        return None
    # fromisoformat (3.9) wants "+00:00" and at most 6 fraction digits; RFC 3339 allows more.
    text = _FRACTION.sub(lambda m: (m.group(1) + "00000")[:7], text.replace("Z", "+00:00").replace("z", "+00:00"))
    try:
        moment = _dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment.timestamp() if moment.tzinfo else None


def _retry_status_from_state(record: Mapping[str, Any], now: float) -> Optional[str]:
    """The v1 retry status the store already knows (nothing is sent), or None to go ahead."""
    if record.get("validated"):
        return "already_validated"
    expires_at = record.get("expires_at")
    if expires_at is not None and now >= expires_at:
        return "expired_auth"
    return None


class _V2Answer:
    """A v2 response reduced to what the translators need."""

    __slots__ = ("status", "body", "request_id")

    def __init__(self, status: int, body: Any):
        self.status = status
        self.body = body if isinstance(body, dict) else {}
        request_id = self.body.get("request_id")
        self.request_id = request_id if isinstance(request_id, str) else None

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300


def _decoded(response: V2Response) -> _V2Answer:
    content = response.content
    try:
        decoded = json.loads(content) if content else {}
    except ValueError:
        decoded = {"message": "v2 answered with a body that is not JSON"}
        if 200 <= response.status < 300:
            return _V2Answer(502, decoded)
    return _V2Answer(response.status, decoded)


_V1_OPERATION_PATH = {name: "/v1" + op.v1_path for name, op in OPERATIONS.items()}
_V2_PATH = {name: op.v2_path for name, op in OPERATIONS.items()}
_STATUS_PREFIX = _V1_OPERATION_PATH["status"].split("{")[0]
_LOOKUP_PREFIX = _V1_OPERATION_PATH["lookup"].split("{")[0]
_LEGACY_LOOKUP_BY_BODY = _LOOKUP_PREFIX.rstrip("/")  # ding-client-sdk <= 1.2.2: POST with {phone_number}


# --- the engine ------------------------------------------------------------------------------

class Engine:
    """Serves v1 calls from the v2 API. Options: see ``compat.CompatAdapter`` (all but the
    shell's own ``timeout`` and ``v2_session``); ``v2_headers`` are extra headers for every v2
    request (a shell's session headers)."""

    def __init__(
        self,
        api_key: Optional[str] = None,
        *,
        secret: Union[str, bytes, None] = None,
        previous_secrets: Sequence[Union[str, bytes]] = (),
        store: Optional[Store] = None,
        forward_feedback: bool = False,
        blocked_number_as_error: bool = True,
        sdk_decodable_codes: bool = True,
        v2_base_url: Optional[str] = None,
        clock: Callable[[], float] = time.time,
        id_max_age: Optional[float] = DEFAULT_ID_MAX_AGE,
        v2_headers: Mapping[str, str] = {},
    ):
        self.api_key = v2_key(api_key)
        if secret is not None:
            strong_secret(secret, "secret=")
        for index, previous in enumerate(previous_secrets):
            strong_secret(previous, f"previous_secrets[{index}]")
        self.sealer = Sealer(secret if secret is not None else self.api_key, previous_secrets)
        self.store = store
        self.forward_feedback = forward_feedback
        self.blocked_number_as_error = blocked_number_as_error
        self.sdk_decodable_codes = sdk_decodable_codes
        self.clock = clock
        self.id_max_age = id_max_age
        base = v2_base_url or os.environ.get(V2_BASE_URL_ENV) or V2_ORIGIN
        self.v2_origin = base.rstrip("/")
        if self.v2_origin.endswith("/v2"):
            self.v2_origin = self.v2_origin[:-3]
        self.v2_headers = {**v2_headers, "Accept": _JSON, V2_AUTH_HEADER: f"{V2_AUTH_SCHEME} {self.api_key}"}
        self._post_routes = {
            _V1_OPERATION_PATH["create"]: self._create, _V1_OPERATION_PATH["check"]: self._check,
            _V1_OPERATION_PATH["retry"]: self._retry, _V1_OPERATION_PATH["feedback"]: self._feedback,
            _LEGACY_LOOKUP_BY_BODY: self._lookup_by_body,
        }
        self._get_routes = ((_STATUS_PREFIX, self._status), (_LOOKUP_PREFIX, self._lookup))

    # --- entry points ---------------------------------------------------------------------

    @staticmethod
    def is_forward(path: str) -> bool:
        """The legacy transactional paths of ``api.ding.live/v2``: forwarded as they are."""
        return path.startswith("/v2/") or path == "/v2"

    def forward_request(self, request: V1Request) -> V2Request:
        """The same request on the v2 origin: method, path, query, headers (the caller's own
        ``Authorization``) and body."""
        url = self.v2_origin + request.path + ("?" + request.query if request.query else "")
        headers = {k: v for k, v in request.headers.items() if k.lower() != "host"}
        body = request.body.encode("utf-8") if isinstance(request.body, str) else request.body
        return V2Request(request.method, url, headers, body)

    def handle(self, request: V1Request) -> Steps:
        """The effects of answering ``request`` (see the module docstring); returns its answer."""
        if self.is_forward(request.path):
            response = yield self.forward_request(request)
            return V1Response(response.status, dict(response.headers), response.content)
        method = (request.method or "GET").upper()
        handler, argument = self._route(method, request.path)
        if handler is None:
            return self._reply(404, translate.v1_error_body(
                V1_CODE.bad_request, f"no v1 operation {method} {request.path}"))
        try:
            return (yield from handler(request, argument))
        except v1_input.Refusal as refusal:
            return self._reply(*translate.v1_error(refusal.code, str(refusal)))
        except Exception as exc:  # noqa: BLE001 - a v1 caller handles a 500, not a traceback
            _log.exception("compat failed on %s %s", method, request.path)
            return self._reply(500, translate.v1_error_body(
                V1_CODE.internal_server_error, f"compat: unexpected {type(exc).__name__}; see the 'compat' log"))

    def fault_answer(self, request: V2Request, timed_out: bool, detail: str) -> V1Response:
        """A v1 answer for a v2 transport fault, for shells with no exception to raise (a
        server): 504 after a timeout, else 502, as ``internal_server_error``. Nothing is re-sent."""
        path = request.url[len(self.v2_origin):].split("?", 1)[0]
        status = 504 if timed_out else 502
        return self._reply(status, translate.v1_error_body(
            V1_CODE.internal_server_error, f"compat: v2 {request.method} {path} failed: {detail}"))

    def _route(self, method: str, path: str) -> Tuple[Optional[Callable[..., Steps]], str]:
        if method == "POST":
            return self._post_routes.get(path.rstrip("/")), ""
        if method == "GET":
            for prefix, handler in self._get_routes:
                if path.startswith(prefix) and len(path) > len(prefix) and "/" not in path[len(prefix):]:
                    return handler, unquote(path[len(prefix):])
        return None, ""

    # --- operations -----------------------------------------------------------------------

    def _create(self, request: V1Request, _: str) -> Steps:
        body = v1_input.json_object(request.body)
        phone = v1_input.e164_number(body.get("phone_number"))
        v1_input.check_create_field_types(body)
        v1_input.check_app_realm(body)
        now = self.clock()
        try:  # sealed before anything is sent, so that a failure here costs no code
            auth_uuid = self.sealer.seal(phone, now)
        except ValueError as exc:
            return self._reply(500, translate.v1_error_body(V1_CODE.internal_server_error, f"compat: {exc}"))
        v2_body = translate.create_request_to_v2(body)
        answer = yield from self._call("POST", _V2_PATH["create"], v2_body)
        if not answer.ok:
            return self._v2_error(answer, body)
        v2_status = answer.body.get("status")
        if v2_status != V2_BLOCKED and not (isinstance(v2_status, str) and v2_status in CREATE_STATUS_V2_TO_V1):
            # v2 accepted the create, so a code has most likely gone out: an error here would make
            # the caller create again (another code). Answer as sent; the log keeps the status.
            _log.warning("compat: v2 create answered the unknown status %r (request_id %s); answered %r",
                         v2_status, answer.request_id, _CODE_SENT_CREATE)
            status, v1_body = 200, {"authentication_uuid": auth_uuid, "status": _CODE_SENT_CREATE,
                                    "created_at": iso(now)}
        else:
            status, v1_body = translate.create_response_to_v1(
                answer.body, auth_uuid, iso(now), blocked_number_as_error=self.blocked_number_as_error)
        if status == 200 and self.store is not None:
            record = {"phone_number": phone, "v2_id": v2_id(answer.body.get("id")), "v2_create": v2_body,
                      "created_at": now, "expires_at": None, "validated": False}
            auth_uuid = yield from self._record_create(auth_uuid, phone, now, record)
            v1_body["authentication_uuid"] = auth_uuid
        return self._reply(status, v1_body, answer.request_id)

    def _record_create(self, auth_uuid: str, phone: str, now: float,
                       record: Dict[str, Any]) -> Generator[Effect, Any, str]:
        """Store the create under an id no other live create holds: the same number in the same
        minute is sealed with another nonce until one is free (the id is not out yet)."""
        nonces = list(range(NONCES))
        while True:
            added = yield StoreCall(self.store, "add", (auth_uuid, record))  # type: ignore[arg-type]
            if added is not False:  # True, or None: the store failed (logged) and we go stateless
                return auth_uuid
            nonces = [n for n in nonces if self.sealer.seal(phone, now, nonce=n) != auth_uuid]
            if not nonces:
                _log.warning("compat: %d creates for one number in one minute; the last one's record "
                             "replaces an earlier one's", NONCES + 1)
                yield from self._store("put", auth_uuid, record)
                return auth_uuid
            auth_uuid = self.sealer.seal(phone, now, nonce=nonces.pop(0))

    def _check(self, request: V1Request, _: str) -> Steps:
        body = v1_input.json_object(request.body)
        auth_uuid, sealed = self._open(body.get("authentication_uuid"))
        code = body.get("check_code")
        if not isinstance(code, str) or not code:
            raise v1_input.Refusal(V1_CODE.bad_request, "check_code is required and must be a string")
        if self._too_old(sealed):  # v1 answered a stale id as expired; v2 would check today's code
            return self._reply(200, {"authentication_uuid": auth_uuid, "status": "expired_auth"})
        answer = yield from self._call("POST", _V2_PATH["check"],
                                       translate.check_request_to_v2(body, sealed.phone_number))
        if not answer.ok:
            v1_answer = v1_error_for_v2(answer.body.get("code"), answer.status, operation="check")
            if v1_answer.status is not None:  # v1 reported this as a check status, not an error
                return self._reply(200, {"authentication_uuid": auth_uuid, "status": v1_answer.status},
                                   answer.request_id)
            return self._v2_error(answer, body)
        v2_status = answer.body.get("status")
        if not (isinstance(v2_status, str) and v2_status in CHECK_STATUS_V2_TO_V1):
            return self._reply(500, translate.v1_error_body(V1_CODE.internal_server_error, (
                f"compat: v2 check answered the unknown status {v1_input.shown(v2_status)} "
                f"(request_id {answer.request_id})")), answer.request_id)
        record = yield from self._store("get", auth_uuid)
        status, v1_body = translate.check_response_to_v1(
            answer.body, auth_uuid, already_validated=bool(record and record.get("validated")))
        if record is not None and v1_body.get("status") == "valid":
            yield from self._store("update", auth_uuid, validated=True)
        return self._reply(status, v1_body, answer.request_id)

    def _retry(self, request: V1Request, _: str) -> Steps:
        body = v1_input.json_object(request.body)
        auth_uuid, sealed = self._open(body.get("authentication_uuid"))
        now_iso = iso(self.clock())
        if self._too_old(sealed):  # replaying would open a new window and send a code
            return self._reply(*translate.retry_status_reply(auth_uuid, "expired_auth", now_iso))
        record = yield from self._store("get", auth_uuid)
        request_id = None
        if record is not None:
            if not record.get("validated") and record.get("expires_at") is None and v2_id(record.get("v2_id")):
                # Learn the expiry (and a conversion) from the v2 history: a GET sends nothing.
                history = yield from self._history(record["v2_id"])
                if not history.ok:
                    return self._v2_error(history, None)
                record = yield from self._remember_history(auth_uuid, record, history.body)
                request_id = history.request_id
            known_status = _retry_status_from_state(record, self.clock())
            if known_status is not None:
                return self._reply(*translate.retry_status_reply(auth_uuid, known_status, now_iso), request_id)
        v2_body = translate.retry_request_to_v2(sealed.phone_number, record.get("v2_create") if record else None)
        answer = yield from self._call("POST", _V2_PATH["retry"], v2_body)
        if not answer.ok:
            v1_answer = v1_error_for_v2(answer.body.get("code"), answer.status, operation="retry")
            if v1_answer.status is not None:  # v1 reported this as a retry status, not an error
                return self._reply(*translate.retry_status_reply(auth_uuid, v1_answer.status, now_iso),
                                   answer.request_id)
            return self._v2_error(answer, body)
        new_id = v2_id(answer.body.get("id"))
        if record is not None and new_id and new_id != record.get("v2_id"):
            # v2 opened a new window (the old one closed unseen): follow it for status/expiry.
            yield from self._store("update", auth_uuid, v2_id=new_id, expires_at=None)
        v2_status = answer.body.get("status")
        if v2_status != V2_BLOCKED and not (isinstance(v2_status, str) and v2_status in RETRY_STATUS_V2_TO_V1):
            # as for create: v2 took the resend, a code has most likely gone out
            _log.warning("compat: v2 retry answered the unknown status %r (request_id %s); answered %r",
                         v2_status, answer.request_id, _CODE_SENT_RETRY)
            return self._reply(*translate.retry_status_reply(auth_uuid, _CODE_SENT_RETRY, now_iso), answer.request_id)
        status, v1_body = translate.retry_response_to_v1(answer.body, auth_uuid, now_iso)
        return self._reply(status, v1_body, answer.request_id)

    def _remember_history(self, auth_uuid: str, record: Dict[str, Any],
                          history: Mapping[str, Any]) -> Generator[Effect, Any, Dict[str, Any]]:
        changes: Dict[str, Any] = {}
        if history.get("status") == "converted":
            changes["validated"] = True
        expires_at = parse_iso(history.get("expires_at"))
        if expires_at is not None:
            changes["expires_at"] = expires_at
        if changes:
            updated = yield from self._store("update", auth_uuid, **changes)
            record = updated or {**record, **changes}
        return record

    def _feedback(self, request: V1Request, _: str) -> Steps:
        body = v1_input.json_object(request.body)
        status = body.get("status")
        if not isinstance(status, str) or status not in FEEDBACK_STATUS_V1_TO_V2:
            raise v1_input.Refusal(V1_CODE.invalid_feedback_status,
                                   f"status must be one of {sorted(FEEDBACK_STATUS_V1_TO_V2)}, got {status!r}")
        v1_input.e164_number(body.get("phone_number"))
        request_id = None
        v2_body = translate.feedback_request_to_v2(body) if self.forward_feedback else None
        if v2_body is not None:
            answer = yield from self._call("POST", _V2_PATH["feedback"], v2_body)
            if not answer.ok:
                return self._v2_error(answer, body)
            request_id = answer.request_id
        status_code, v1_body = translate.feedback_response_to_v1(str(uuid.uuid4()))
        return self._reply(status_code, v1_body, request_id)

    def _status(self, request: V1Request, given_id: str) -> Steps:
        auth_uuid, sealed = self._open(given_id)
        record = yield from self._store("get", auth_uuid)
        if record is None or v2_id(record.get("v2_id")) is None:
            # Stateless: the id itself is all there is (no v2 verification id to ask about).
            return self._reply(200, {"uuid": auth_uuid, "phone_number": sealed.phone_number,
                                     "created_at": iso(sealed.issued_at), "events": []})
        answer = yield from self._history(record["v2_id"])
        if not answer.ok:
            return self._v2_error(answer, None)
        return self._reply(200, translate.status_response_to_v1(answer.body, auth_uuid), answer.request_id)

    def _lookup(self, request: V1Request, phone: Any) -> Steps:
        # Only an E.164 number reaches the v2 path: nothing else ("..", "a/b") can steer it.
        path = _V2_PATH["lookup"].format(phone_number=quote(v1_input.e164_number(phone), safe="+"))
        answer = yield from self._call("GET", path, query=request.query)
        if not answer.ok:
            return self._v2_error(answer, None)
        return self._reply(200, translate.lookup_response_to_v1(answer.body), answer.request_id)

    def _lookup_by_body(self, request: V1Request, _: str) -> Steps:
        return (yield from self._lookup(request, v1_input.json_object(request.body).get("phone_number")))

    # --- v2 and the store -----------------------------------------------------------------

    def _call(self, method: str, path: str, body: Optional[Mapping[str, Any]] = None,
              query: str = "") -> Generator[Effect, Any, _V2Answer]:
        data = None
        if body is None:
            headers = self.v2_headers  # shells copy what they send; nobody writes to it
        else:
            data = json.dumps(body).encode("utf-8")  # default encoder: its fast cached path
            headers = {**self.v2_headers, "Content-Type": _JSON, "Content-Length": str(len(data))}
        response = yield V2Request(method, self.v2_origin + path + ("?" + query if query else ""), headers, data)
        return _decoded(response)

    def _history(self, v2_id: str) -> Generator[Effect, Any, _V2Answer]:
        return (yield from self._call("GET", _V2_PATH["status"].format(id=quote(v2_id, safe=""))))

    def _store(self, name: str, key: str, *args: Any, **changes: Any) -> Generator[Effect, Any, Any]:
        if self.store is None:
            return None
        return (yield StoreCall(self.store, name, (key, *args), changes))

    def _open(self, given_id: Any) -> Tuple[str, Sealed]:
        """The canonical (lower-case) id and what it seals; a v1 ``invalid_auth_uuid`` otherwise."""
        try:
            sealed = self.sealer.open(given_id)
        except InvalidId:
            raise v1_input.Refusal(V1_CODE.invalid_auth_uuid, f"authentication_uuid {v1_input.shown(given_id)} "
                                   "was not issued by this adapter's key, or was altered") from None
        if sealed.issued_at > self.clock() + MAX_CLOCK_SKEW:
            raise v1_input.Refusal(V1_CODE.invalid_auth_uuid, (
                f"authentication_uuid {v1_input.shown(given_id)} is dated {iso(sealed.issued_at)}, in the future "
                f"(beyond {int(MAX_CLOCK_SKEW)} s of clock skew): is this host's clock behind?"))
        return given_id.lower(), sealed

    def _too_old(self, sealed: Sealed) -> bool:
        return self.id_max_age is not None and self.clock() - sealed.issued_at > self.id_max_age + TIME_UNIT

    # --- v1 answers -------------------------------------------------------------------------

    def _v2_error(self, answer: _V2Answer, v1_body: Optional[Mapping[str, Any]]) -> V1Response:
        status, body = translate.error_to_v1(answer.body, answer.status, answer.request_id, v1_body,
                                             sdk_decodable=self.sdk_decodable_codes)
        return self._reply(status, body, answer.request_id)

    @staticmethod
    def _reply(status: int, body: Mapping[str, Any], request_id: Optional[str] = None) -> V1Response:
        content = json.dumps(body).encode("utf-8")  # default encoder: its fast cached path
        headers = {"Content-Type": _JSON, "Content-Length": str(len(content))}
        if request_id:
            headers[REQUEST_ID_HEADER] = request_id
        return V1Response(status, headers, content)
