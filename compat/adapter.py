"""The runtime adapter: unchanged v1 code keeps working against the v2 API.

``CompatAdapter`` is a ``requests`` transport adapter for ``https://api.ding.live/``. It
answers each v1 call by making the equivalent v2 call(s) on ``https://api.prelude.dev/v2`` and
translating the answer back into v1 shape (``compat.translate``). The legacy transactional
host ``api.ding.live/v2/*`` is forwarded to ``api.prelude.dev/v2/*`` unchanged.

It subclasses ``BaseAdapter`` (not ``HTTPAdapter``) so that ``responses``, which patches
``HTTPAdapter.send``, mocks only the v2 side in tests. v2 is reached through a plain
``requests`` session's own transport adapter, called directly (no second round of session
processing), so the added cost stays small. Create and check are never re-sent on a fault:
each can send or consume a code.
"""
from __future__ import annotations

import datetime as _dt
import http.client
import io
import json
import logging
import os
import re
import time
import uuid
from typing import Any, Callable, Dict, Mapping, NoReturn, Optional, Sequence, Tuple, Union
from urllib.parse import quote, unquote, urlsplit

import requests
from requests.adapters import BaseAdapter
from requests.structures import CaseInsensitiveDict
from requests.utils import get_environ_proxies

from compat import tables, translate, v1_input
from compat.knowledge.errors import v1_error_for_v2
from compat.retries import NoResend, UnsafeTransport, check_transport
from compat.sealing import TIME_UNIT, InvalidId, Sealed, Sealer
from compat.store import Store

_log = logging.getLogger("compat")
V1_PREFIX = f"https://{tables.V1_HOST}/"
REQUEST_ID_HEADER = "X-Prelude-Request-Id"
_FRACTION = re.compile(r"(\.\d+)")
DEFAULT_TIMEOUT = 30.0  # seconds; v1 Python had none, the v2 SDK uses 60
DEFAULT_ID_MAX_AGE = 86400.0  # seconds; far beyond any verification window, as the store's TTL

Timeout = Union[None, float, Tuple[float, float]]


class CompatConfigError(ValueError):
    """The adapter cannot be built as asked (for example, no v2 API key anywhere)."""


def _v2_key(api_key: Optional[str]) -> str:
    key = api_key if api_key is not None else os.environ.get(tables.V2_API_KEY_ENV)
    if not key:
        raise CompatConfigError(
            f"compat needs a v2 API key: pass api_key=... or set the {tables.V2_API_KEY_ENV} "
            "environment variable (a v1 X-API-Key key is not accepted by v2)")
    if not isinstance(key, str) or not key.isascii() or not key.isprintable() or any(c.isspace() for c in key):
        # http.client would refuse the header later with a bare ValueError, on the first call.
        raise CompatConfigError("the v2 API key contains spaces, line breaks or non-ASCII characters "
                                "(a trailing newline from a file or secret mount?)")
    return key


def _iso(seconds: float) -> str:
    """RFC 3339 UTC with milliseconds and a Z, as both APIs write timestamps."""
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(seconds)) + ".%03dZ" % (int(seconds * 1000) % 1000)


def _parse_iso(text: Any) -> Optional[float]:
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


def _raise_pointing_at(exc: requests.RequestException, context: str,
                       v1_request: requests.PreparedRequest) -> NoReturn:
    """Raise the same kind of exception (what v1 callers catch), about the v1 request they made."""
    try:
        replacement = type(exc)(f"{context}: {exc}", request=v1_request)
    except TypeError:  # an exception class with its own constructor: keep the original
        raise exc from None
    raise replacement from exc


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


class CompatAdapter(BaseAdapter):
    """Serves ``https://api.ding.live/`` (v1 and the legacy v2 host) from the v2 API.

    Options: ``api_key`` (v2 key; default ``$API_TOKEN``), ``secret`` and
    ``previous_secrets`` (seal ids with these instead of a key derived from ``api_key``; old
    secrets stay readable after a rotation), ``store`` (a ``compat.store.Store`` for status
    history, retry replay, ``already_validated`` and expiry), ``timeout`` (seconds, or
    ``(connect, read)``; a timeout given to the v1 call wins), ``forward_feedback`` (send
    ``onboarded`` feedback to Watch), ``blocked_number_as_error`` (``in_block_list`` blocks as
    v1 ``blocked_number`` errors, else ``spam_detected``), ``sdk_decodable_codes`` (answer
    ``negative_balance`` for ``spending_limit_exceeded``, which the ding SDK cannot decode),
    ``id_max_age`` (seconds, default a day, ``None`` for no limit: an older id is answered
    ``expired_auth`` on check and retry without a v2 call), ``v2_base_url``, ``v2_session``
    (its transport adapter, verify, cert, proxies and headers are used) and ``clock``.
    """

    def __init__(
        self,
        api_key: Optional[str] = None,
        *,
        secret: Union[str, bytes, None] = None,
        previous_secrets: Sequence[Union[str, bytes]] = (),
        store: Optional[Store] = None,
        timeout: Timeout = DEFAULT_TIMEOUT,
        forward_feedback: bool = False,
        blocked_number_as_error: bool = True,
        sdk_decodable_codes: bool = True,
        v2_base_url: Optional[str] = None,
        v2_session: Optional[requests.Session] = None,
        clock: Callable[[], float] = time.time,
        id_max_age: Optional[float] = DEFAULT_ID_MAX_AGE,
    ):
        super().__init__()
        self.api_key = _v2_key(api_key)
        self.sealer = Sealer(secret if secret is not None else self.api_key, previous_secrets)
        self.store = store
        self.timeout = timeout
        self.forward_feedback = forward_feedback
        self.blocked_number_as_error = blocked_number_as_error
        self.sdk_decodable_codes = sdk_decodable_codes
        self.clock = clock
        self.id_max_age = id_max_age
        base = v2_base_url or os.environ.get(tables.V2_BASE_URL_ENV) or tables.V2_ORIGIN
        self.v2_origin = base.rstrip("/")
        if self.v2_origin.endswith("/v2"):
            self.v2_origin = self.v2_origin[:-3]
        self._owns_session = v2_session is None
        self.v2_session = v2_session if v2_session is not None else requests.Session()
        try:
            check_transport(self.v2_session.get_adapter(self.v2_origin + "/v2/"))
        except UnsafeTransport as exc:
            raise CompatConfigError(str(exc)) from None
        self._no_resend = NoResend()
        # Session-level settings are resolved once here, not on every call (that is the cost
        # a second Session.request would add).
        session = self.v2_session
        self._proxies = dict(get_environ_proxies(self.v2_origin) if session.trust_env else {})
        self._proxies.update(session.proxies or {})
        self._verify = session.verify
        self._cert = session.cert
        self._v2_headers = {**session.headers, "Accept": "application/json",
                            tables.V2_AUTH_HEADER: f"{tables.V2_AUTH_SCHEME} {self.api_key}"}
        self._post_routes = {
            "/v1/authentication": self._create, "/v1/check": self._check, "/v1/retry": self._retry,
            "/v1/authentication/feedback": self._feedback,
            "/v1/lookup": self._lookup_by_body,  # ding-client-sdk <= 1.2.2: POST with {phone_number}
        }

    # --- the transport adapter interface -----------------------------------------------------

    def send(self, request: requests.PreparedRequest, stream: bool = False, timeout: Timeout = None,
             verify: Any = True, cert: Any = None, proxies: Any = None) -> requests.Response:
        parts = urlsplit(request.url or "")
        if parts.hostname != tables.V1_HOST:  # mounted on a wider prefix than it serves
            raise requests.exceptions.InvalidURL(
                f"compat.CompatAdapter serves {V1_PREFIX} only; mount it there, not for {request.url}",
                request=request)
        path = parts.path
        timeout = timeout if timeout is not None else self.timeout
        if path.startswith("/v2/") or path == "/v2":
            return self._forward(request, parts, stream, timeout)
        method = (request.method or "GET").upper()
        handler, argument = self._route(method, path)
        if handler is None:
            return self._reply(request, 404, translate.v1_error_body(
                "bad_request", f"no v1 operation {method} {path}"))
        try:
            return handler(request, argument, parts.query, timeout)
        except v1_input.Refusal as refusal:
            return self._error(request, refusal.code, str(refusal))
        except requests.RequestException:
            raise
        except Exception as exc:  # noqa: BLE001 - a v1 caller handles a 500, not a traceback
            _log.exception("compat failed on %s %s", method, path)
            return self._reply(request, 500, translate.v1_error_body(
                "internal_server_error", f"compat: unexpected {type(exc).__name__}; see the 'compat' log"))

    def close(self) -> None:
        if self._owns_session:
            self.v2_session.close()

    def _route(self, method: str, path: str) -> Tuple[Optional[Callable[..., requests.Response]], str]:
        if method == "POST":
            return self._post_routes.get(path.rstrip("/")), ""
        if method == "GET":
            for prefix, handler in (("/v1/authentication/", self._status), ("/v1/lookup/", self._lookup)):
                if path.startswith(prefix) and len(path) > len(prefix) and "/" not in path[len(prefix):]:
                    return handler, unquote(path[len(prefix):])
        return None, ""

    # --- operations -----------------------------------------------------------------------

    def _create(self, request: requests.PreparedRequest, _: str, __: str, timeout: Timeout) -> requests.Response:
        body = v1_input.json_object(request.body)
        phone = v1_input.e164_number(body.get("phone_number"))
        v1_input.check_create_field_types(body)
        v1_input.check_app_realm(body)
        now = self.clock()
        try:  # sealed before anything is sent, so that a failure here costs no code
            auth_uuid = self.sealer.seal(phone, now)
        except ValueError as exc:
            return self._reply(request, 500, translate.v1_error_body("internal_server_error", f"compat: {exc}"))
        v2_body = translate.create_request_to_v2(body)
        answer = self._call(request, "POST", "/v2/verification", timeout, v2_body)
        if not answer.ok:
            return self._v2_error(request, answer, body)
        status, v1_body = translate.create_response_to_v1(
            answer.body, auth_uuid, _iso(now), blocked_number_as_error=self.blocked_number_as_error)
        if status == 200:
            self._store_put(auth_uuid, {
                "phone_number": phone, "v2_id": answer.body.get("id"), "v2_create": v2_body,
                "created_at": now, "expires_at": None, "validated": False,
            })
        return self._reply(request, status, v1_body, answer.request_id)

    def _check(self, request: requests.PreparedRequest, _: str, __: str, timeout: Timeout) -> requests.Response:
        body = v1_input.json_object(request.body)
        auth_uuid, sealed = self._open(body.get("authentication_uuid"))
        code = body.get("check_code")
        if not isinstance(code, str) or not code:
            raise v1_input.Refusal("bad_request", "check_code is required and must be a string")
        if self._too_old(sealed):  # v1 answered a stale id as expired; v2 would check today's code
            return self._reply(request, 200, {"authentication_uuid": auth_uuid, "status": "expired_auth"})
        answer = self._call(request, "POST", "/v2/verification/check", timeout,
                            translate.check_request_to_v2(body, sealed.phone_number))
        if not answer.ok:
            v1_answer = v1_error_for_v2(answer.body.get("code"), answer.status, operation="check")
            if v1_answer.status is not None:  # v1 reported this as a check status, not an error
                return self._reply(request, 200, {"authentication_uuid": auth_uuid, "status": v1_answer.status},
                                   answer.request_id)
            return self._v2_error(request, answer, body)
        record = self._store_get(auth_uuid)
        status, v1_body = translate.check_response_to_v1(
            answer.body, auth_uuid, already_validated=bool(record and record.get("validated")))
        if record is not None and v1_body.get("status") == "valid":
            self._store_update(auth_uuid, validated=True)
        return self._reply(request, status, v1_body, answer.request_id)

    def _retry(self, request: requests.PreparedRequest, _: str, __: str, timeout: Timeout) -> requests.Response:
        body = v1_input.json_object(request.body)
        auth_uuid, sealed = self._open(body.get("authentication_uuid"))
        now_iso = _iso(self.clock())
        if self._too_old(sealed):  # replaying would open a new window and send a code
            return self._reply(request, *translate.retry_status_reply(auth_uuid, "expired_auth", now_iso))
        record = self._store_get(auth_uuid)
        request_id = None
        if record is not None:
            if not record.get("validated") and record.get("expires_at") is None and record.get("v2_id"):
                # Learn the expiry (and a conversion) from the v2 history: a GET sends nothing.
                history = self._history(request, record["v2_id"], timeout)
                if not history.ok:
                    return self._v2_error(request, history, None)
                record = self._remember_history(auth_uuid, record, history.body)
                request_id = history.request_id
            known_status = _retry_status_from_state(record, self.clock())
            if known_status is not None:
                return self._reply(request, *translate.retry_status_reply(auth_uuid, known_status, now_iso),
                                   request_id)
        v2_body = translate.retry_request_to_v2(sealed.phone_number, record.get("v2_create") if record else None)
        answer = self._call(request, "POST", "/v2/verification", timeout, v2_body)
        if not answer.ok:
            v1_answer = v1_error_for_v2(answer.body.get("code"), answer.status, operation="retry")
            if v1_answer.status is not None:  # v1 reported this as a retry status, not an error
                return self._reply(request, *translate.retry_status_reply(auth_uuid, v1_answer.status, now_iso),
                                   answer.request_id)
            return self._v2_error(request, answer, body)
        v2_id = answer.body.get("id")
        if record is not None and v2_id and v2_id != record.get("v2_id"):
            # v2 opened a new window (the old one closed unseen): follow it for status/expiry.
            self._store_update(auth_uuid, v2_id=v2_id, expires_at=None)
        status, v1_body = translate.retry_response_to_v1(answer.body, auth_uuid, now_iso)
        return self._reply(request, status, v1_body, answer.request_id)

    def _remember_history(self, auth_uuid: str, record: Dict[str, Any], history: Mapping[str, Any]) -> Dict[str, Any]:
        changes: Dict[str, Any] = {}
        if history.get("status") == "converted":
            changes["validated"] = True
        expires_at = _parse_iso(history.get("expires_at"))
        if expires_at is not None:
            changes["expires_at"] = expires_at
        if changes:
            record = self._store_update(auth_uuid, **changes) or {**record, **changes}
        return record

    def _feedback(self, request: requests.PreparedRequest, _: str, __: str, timeout: Timeout) -> requests.Response:
        body = v1_input.json_object(request.body)
        status = body.get("status")
        if not isinstance(status, str) or status not in tables.FEEDBACK_STATUS_V1_TO_V2:
            raise v1_input.Refusal("invalid_feedback_status",
                           f"status must be one of {sorted(tables.FEEDBACK_STATUS_V1_TO_V2)}, got {status!r}")
        v1_input.e164_number(body.get("phone_number"))
        request_id = None
        v2_body = translate.feedback_request_to_v2(body) if self.forward_feedback else None
        if v2_body is not None:
            answer = self._call(request, "POST", "/v2/watch/feedback", timeout, v2_body)
            if not answer.ok:
                return self._v2_error(request, answer, body)
            request_id = answer.request_id
        status_code, v1_body = translate.feedback_response_to_v1(str(uuid.uuid4()))
        return self._reply(request, status_code, v1_body, request_id)

    def _status(self, request: requests.PreparedRequest, given_id: str, _: str,
                timeout: Timeout) -> requests.Response:
        auth_uuid, sealed = self._open(given_id)
        record = self._store_get(auth_uuid)
        if record is None or not record.get("v2_id"):
            # Stateless: the id itself is all there is (no v2 verification id to ask about).
            return self._reply(request, 200, {"uuid": auth_uuid, "phone_number": sealed.phone_number,
                                              "created_at": _iso(sealed.issued_at), "events": []})
        answer = self._history(request, record["v2_id"], timeout)
        if not answer.ok:
            return self._v2_error(request, answer, None)
        return self._reply(request, 200, translate.status_response_to_v1(answer.body, auth_uuid),
                           answer.request_id)

    def _lookup(self, request: requests.PreparedRequest, phone: str, query: str,
                timeout: Timeout) -> requests.Response:
        # Only an E.164 number reaches the v2 path: nothing else ("..", "a/b") can steer it.
        path = "/v2/lookup/" + quote(v1_input.e164_number(phone), safe="+")
        answer = self._call(request, "GET", path, timeout, query=query)
        if not answer.ok:
            return self._v2_error(request, answer, None)
        return self._reply(request, 200, translate.lookup_response_to_v1(answer.body), answer.request_id)

    def _lookup_by_body(self, request: requests.PreparedRequest, _: str, query: str,
                        timeout: Timeout) -> requests.Response:
        return self._lookup(request, v1_input.json_object(request.body).get("phone_number"), query, timeout)

    # --- the legacy transactional host ------------------------------------------------------

    def _forward(self, request: requests.PreparedRequest, parts: Any, stream: bool,
                 timeout: Timeout) -> requests.Response:
        url = self.v2_origin + parts.path + ("?" + parts.query if parts.query else "")
        forwarded = requests.PreparedRequest()
        forwarded.method = request.method
        forwarded.url = url
        forwarded.headers = CaseInsensitiveDict(
            {k: v for k, v in request.headers.items() if k.lower() != "host"})
        forwarded.body = request.body
        return self._transport(request, forwarded, stream, timeout)

    # --- v2 plumbing ----------------------------------------------------------------------

    def _call(self, v1_request: requests.PreparedRequest, method: str, path: str, timeout: Timeout,
              body: Optional[Mapping[str, Any]] = None, query: str = "") -> _V2Answer:
        prepared = requests.PreparedRequest()
        prepared.method = method
        prepared.url = self.v2_origin + path + ("?" + query if query else "")
        headers = CaseInsensitiveDict(self._v2_headers)
        if body is not None:
            data = json.dumps(body).encode("utf-8")  # default encoder: its fast cached path
            headers["Content-Type"] = "application/json"
            headers["Content-Length"] = str(len(data))
            prepared.body = data
        prepared.headers = headers
        response = self._transport(v1_request, prepared, False, timeout)
        try:
            content = response.content
        except requests.RequestException as exc:
            _raise_pointing_at(exc, f"compat: reading the v2 answer to {method} {path} failed", v1_request)
        try:
            decoded = json.loads(content) if content else {}
        except ValueError:
            decoded = {"message": "v2 answered with a body that is not JSON"}
            if 200 <= response.status_code < 300:
                return _V2Answer(502, decoded)
        return _V2Answer(response.status_code, decoded)

    def _transport(self, v1_request: requests.PreparedRequest, prepared: requests.PreparedRequest,
                   stream: bool, timeout: Timeout) -> requests.Response:
        """One v2 request, never repeated. Faults surface as the ``requests`` exception the
        v1 caller already handles, pointing at the v1 request it made."""
        url = prepared.url or ""
        try:
            adapter = self._no_resend.adapter_for(self.v2_session.get_adapter(url), prepared.method or "GET")
            return adapter.send(prepared, stream=stream, timeout=timeout, verify=self._verify,
                                cert=self._cert, proxies=self._proxies)
        except requests.RequestException as exc:
            _raise_pointing_at(exc, f"compat: v2 {prepared.method} {urlsplit(url).path} failed", v1_request)

    # The store only adds fidelity: when it fails, answer from the sealed id and say so in the
    # log, rather than fail a call whose code v2 may already have sent.

    def _store_get(self, key: str) -> Optional[Dict[str, Any]]:
        return self._store_op("get", key)

    def _store_put(self, key: str, record: Dict[str, Any]) -> None:
        self._store_op("put", key, record)

    def _store_update(self, key: str, **changes: Any) -> Optional[Dict[str, Any]]:
        return self._store_op("update", key, **changes)

    def _store_op(self, name: str, *args: Any, **kwargs: Any) -> Any:
        if self.store is None:
            return None
        try:
            return getattr(self.store, name)(*args, **kwargs)
        except Exception:  # noqa: BLE001 - any backend failure degrades to stateless
            _log.warning("compat store %s failed; answering without it", name, exc_info=True)
            return None

    def _history(self, v1_request: requests.PreparedRequest, v2_id: str, timeout: Timeout) -> _V2Answer:
        return self._call(v1_request, "GET", "/v2/verification/phone/history/" + quote(v2_id, safe=""), timeout)

    def _open(self, given_id: Any) -> Tuple[str, Sealed]:
        """The canonical (lower-case) id and what it seals; a v1 ``invalid_auth_uuid`` otherwise."""
        try:
            sealed = self.sealer.open(given_id)
        except InvalidId:
            raise v1_input.Refusal("invalid_auth_uuid", f"authentication_uuid {v1_input.shown(given_id)} "
                                   "was not issued by this adapter's key, or was altered") from None
        return given_id.lower(), sealed

    def _too_old(self, sealed: Sealed) -> bool:
        return self.id_max_age is not None and self.clock() - sealed.issued_at > self.id_max_age + TIME_UNIT

    # --- v1 answers -------------------------------------------------------------------------

    def _error(self, request: requests.PreparedRequest, code: str, message: str) -> requests.Response:
        return self._reply(request, *translate.v1_error(code, message))

    def _v2_error(self, request: requests.PreparedRequest, answer: _V2Answer,
                  v1_body: Optional[Mapping[str, Any]]) -> requests.Response:
        status, body = translate.error_to_v1(answer.body, answer.status, answer.request_id, v1_body,
                                             sdk_decodable=self.sdk_decodable_codes)
        return self._reply(request, status, body, answer.request_id)

    def _reply(self, request: requests.PreparedRequest, status: int, body: Mapping[str, Any],
               request_id: Optional[str] = None) -> requests.Response:
        content = json.dumps(body).encode("utf-8")  # default encoder: its fast cached path
        response = requests.Response()
        response.status_code = status
        response.reason = http.client.responses.get(status, "")
        headers = {"Content-Type": "application/json", "Content-Length": str(len(content))}
        if request_id:
            headers[REQUEST_ID_HEADER] = request_id
        response.headers = CaseInsensitiveDict(headers)
        response._content = content
        response._content_consumed = True
        response.raw = io.BytesIO(content)
        response.encoding = "utf-8"
        response.url = request.url or ""
        response.request = request
        response.connection = self
        return response


# --- entry points ----------------------------------------------------------------------------

def session(api_key: Optional[str] = None, **options: Any) -> requests.Session:
    """A ``requests.Session`` whose calls to ``https://api.ding.live/`` are served by v2.

    ``Ding(api_key="unused", client=compat.session(api_key=V2_KEY))`` or plain
    ``compat.session().post("https://api.ding.live/v1/authentication", json=...)``.
    Options are those of ``CompatAdapter``.
    """
    adapter = CompatAdapter(api_key, **options)
    result = requests.Session()
    result.mount(V1_PREFIX, adapter)
    return result
