"""Never re-send a create or a check, whatever retry policy the v2 session carries.

urllib3's ``Retry`` repeats a request on more than failed connects: a read error when the
method is allowed, a status in ``status_forcelist``, a 503 with ``Retry-After`` when the method
is allowed, and any "other" error (a TLS error once v2 may have the request) whatever
``allowed_methods`` says, counted against ``total`` (or unbounded when ``total`` is None). Each
re-sent create is another SMS. So requests that are not idempotent go through a copy of the
session's ``HTTPAdapter`` whose ``Retry`` keeps only the connect retries (nothing reached v2
when a connect fails: urllib3's connect errors are the ones raised before the request is
written) and turns every other kind off. GET requests keep the session's policy.
"""
from __future__ import annotations

from typing import Any, Dict, Tuple

from requests.adapters import BaseAdapter, HTTPAdapter
from urllib3.util.retry import Retry

from compat.knowledge.hosts import V2_HOST

SAFE_TO_REPEAT = frozenset({"GET", "HEAD", "OPTIONS"})


class UnsafeTransport(ValueError):
    """A transport adapter whose retries compat cannot turn off."""


def connect_only(retry: Retry) -> Retry:
    """The same connect retries (and backoff) as ``retry``; nothing else is ever repeated."""
    if retry.total is False or retry.connect is False:
        return Retry(total=False)  # re-raise at once: repeats nothing
    budgets = [int(n) for n in (retry.total, retry.connect) if n is not None]
    return Retry(total=None, connect=min(budgets) if budgets else None, read=False, redirect=0, status=0,
                 other=0, respect_retry_after_header=False, backoff_factor=retry.backoff_factor)


def check_transport(adapter: BaseAdapter) -> None:
    """Refuse a transport adapter that is not an ``HTTPAdapter`` (so its retries cannot be
    replaced) but says it retries."""
    retry = getattr(adapter, "max_retries", None)
    if isinstance(adapter, HTTPAdapter) or not isinstance(retry, Retry) or retry.total in (0, False):
        return
    raise UnsafeTransport(
        f"v2_session's transport adapter {type(adapter).__name__} retries (max_retries={retry!r}) and is not "
        "a requests HTTPAdapter, so compat cannot send creates and checks through it without retries; "
        f"a re-sent create sends another code. Use max_retries=0 for {V2_HOST}")


class NoResend:
    """Hands out, per transport adapter, the one to send a request with."""

    def __init__(self) -> None:
        # id(adapter) -> (adapter, its max_retries when copied, the copy); the adapter is kept
        # so that its id cannot be reused by another object.
        self._copies: Dict[int, Tuple[Any, Any, HTTPAdapter]] = {}

    def adapter_for(self, adapter: BaseAdapter, method: str) -> BaseAdapter:
        if method in SAFE_TO_REPEAT or not isinstance(adapter, HTTPAdapter):
            return adapter
        retry = adapter.max_retries
        entry = self._copies.get(id(adapter))
        if entry is not None and entry[0] is adapter and entry[1] is retry:
            return entry[2]
        # A shallow copy shares the connection pools; only its Retry differs.
        copy = object.__new__(type(adapter))
        copy.__dict__.update(adapter.__dict__)
        copy.max_retries = connect_only(retry)
        self._copies[id(adapter)] = (adapter, retry, copy)
        return copy
