"""The ``requests`` shell: unchanged v1 code on ``requests`` keeps working against the v2 API.

``CompatAdapter`` is a ``requests`` transport adapter for ``https://api.ding.live/``. It hands
each v1 call to the translation engine (``compat.engine``), sends the v2 requests the engine
asks for on ``https://api.prelude.dev/v2`` and answers with the engine's v1 answer. The legacy
transactional host ``api.ding.live/v2/*`` is forwarded to ``api.prelude.dev/v2/*`` unchanged
(streamed when the caller streams).

It subclasses ``BaseAdapter`` (not ``HTTPAdapter``) so that ``responses``, which patches
``HTTPAdapter.send``, mocks only the v2 side in tests. v2 is reached through a plain
``requests`` session's own transport adapter, called directly (no second round of session
processing), so the added cost stays small. Create and check are never re-sent on a fault,
not even by the session's retry policy (``compat.retries``): each can send or consume a code.
"""
from __future__ import annotations

import http.client
import io
import time
from typing import Any, Callable, NoReturn, Optional, Sequence, Tuple, Union
from urllib.parse import urlsplit

import requests
from requests.adapters import BaseAdapter
from requests.structures import CaseInsensitiveDict
from requests.utils import get_environ_proxies

from compat.engine import (DEFAULT_ID_MAX_AGE, REQUEST_ID_HEADER, CompatConfigError, Engine,  # noqa: F401
                           V1Request, V1Response, V2Request, V2Response, is_v1_url, run_steps)
from compat.knowledge.hosts import V1_HOST
from compat.retries import NoResend, UnsafeTransport, check_transport
from compat.store import Store

V1_PREFIX = f"https://{V1_HOST}/"
DEFAULT_TIMEOUT = 30.0  # seconds; v1 Python had none, the v2 SDK uses 60

Timeout = Union[None, float, Tuple[float, float]]


def _raise_pointing_at(exc: requests.RequestException, context: str,
                       v1_request: requests.PreparedRequest) -> NoReturn:
    """Raise the same kind of exception (what v1 callers catch), about the v1 request they made."""
    try:
        replacement = type(exc)(f"{context}: {exc}", request=v1_request)
    except TypeError:  # an exception class with its own constructor: keep the original
        raise exc from None
    raise replacement from exc


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
        session = v2_session if v2_session is not None else requests.Session()
        self.engine = Engine(
            api_key, secret=secret, previous_secrets=previous_secrets, store=store,
            forward_feedback=forward_feedback, blocked_number_as_error=blocked_number_as_error,
            sdk_decodable_codes=sdk_decodable_codes, v2_base_url=v2_base_url, id_max_age=id_max_age,
            v2_headers=session.headers, clock=clock)
        self.timeout = timeout
        self._owns_session = v2_session is None
        self.v2_session = session
        try:
            check_transport(session.get_adapter(self.engine.v2_origin + "/v2/"))
        except UnsafeTransport as exc:
            raise CompatConfigError(str(exc)) from None
        self._no_resend = NoResend()
        # Session-level settings are resolved once here, not on every call (that is the cost
        # a second Session.request would add).
        self._proxies = dict(get_environ_proxies(self.engine.v2_origin) if session.trust_env else {})
        self._proxies.update(session.proxies or {})
        self._verify = session.verify
        self._cert = session.cert

    # --- the transport adapter interface -----------------------------------------------------

    def send(self, request: requests.PreparedRequest, stream: bool = False, timeout: Timeout = None,
             verify: Any = True, cert: Any = None, proxies: Any = None) -> requests.Response:
        parts = urlsplit(request.url or "")
        if not is_v1_url(request.url or ""):  # mounted on a wider prefix than it serves
            raise requests.exceptions.InvalidURL(
                f"compat.CompatAdapter serves {V1_PREFIX} only; mount it there, not for {request.url}",
                request=request)
        timeout = timeout if timeout is not None else self.timeout
        v1 = V1Request(request.method or "GET", parts.path, parts.query, request.headers, request.body)
        if self.engine.is_forward(parts.path):
            return self._send(request, self.engine.forward_request(v1), stream, timeout)
        answer = run_steps(self.engine.handle(v1), lambda v2: self._exchange(request, v2, timeout))
        return self._response(request, answer)

    def close(self) -> None:
        if self._owns_session:
            self.v2_session.close()

    # --- v2 plumbing ----------------------------------------------------------------------

    def _exchange(self, v1_request: requests.PreparedRequest, v2: V2Request, timeout: Timeout) -> V2Response:
        response = self._send(v1_request, v2, False, timeout)
        try:
            content = response.content
        except requests.RequestException as exc:
            _raise_pointing_at(exc, f"compat: reading the v2 answer to {v2.method} {urlsplit(v2.url).path} failed",
                               v1_request)
        return V2Response(response.status_code, content, response.headers)

    def _send(self, v1_request: requests.PreparedRequest, v2: V2Request, stream: bool,
              timeout: Timeout) -> requests.Response:
        """One v2 request, never repeated. Faults surface as the ``requests`` exception the
        v1 caller already handles, pointing at the v1 request it made."""
        prepared = requests.PreparedRequest()
        prepared.method = v2.method
        prepared.url = v2.url
        prepared.headers = CaseInsensitiveDict(v2.headers)
        prepared.body = v2.body
        try:
            adapter = self._no_resend.adapter_for(self.v2_session.get_adapter(v2.url), v2.method)
            return adapter.send(prepared, stream=stream, timeout=timeout, verify=self._verify,
                                cert=self._cert, proxies=self._proxies)
        except requests.RequestException as exc:
            _raise_pointing_at(exc, f"compat: v2 {v2.method} {urlsplit(v2.url).path} failed", v1_request)

    def _response(self, request: requests.PreparedRequest, answer: V1Response) -> requests.Response:
        response = requests.Response()
        response.status_code = answer.status
        response.reason = http.client.responses.get(answer.status, "")
        response.headers = CaseInsensitiveDict(answer.headers)
        response._content = answer.content
        response._content_consumed = True
        response.raw = io.BytesIO(answer.content)
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
    result = _Session(adapter)
    result.mount(V1_PREFIX, adapter)
    return result


class _Session(requests.Session):
    """Serves the v1 host in every spelling (``:443``, ``http://``, ``api.ding.live.``), which
    a mount prefix alone cannot match; a session-level mount of your own for the host wins."""

    def __init__(self, adapter: CompatAdapter):
        super().__init__()
        self._compat = adapter

    def get_adapter(self, url: str) -> BaseAdapter:
        if is_v1_url(url) and not mounted_own_adapter(self, url, self._compat):
            return self._compat
        return super().get_adapter(url)


def mounted_own_adapter(session: requests.Session, url: str, ours: Optional[BaseAdapter] = None) -> bool:
    """Whether the session mounted an adapter of its own for this host (``https://api.ding.live``,
    with or without the slash): a prefix that matches, longer than a bare scheme."""
    lowered = None
    for prefix, adapter in session.adapters.items():
        if adapter is ours or len(prefix) <= len("https://"):
            continue
        lowered = lowered or url.lower()
        if lowered.startswith(prefix.lower()):
            return True
    return False
