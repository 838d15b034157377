"""In-process fakes of the Prelude v1 (``api.ding.live/v1``) and v2 (``api.prelude.dev/v2``)
APIs, for tests. Public: use them in your own tests (install prelude-migrate with its ``testing``
extra, e.g. ``pip install "/path/to/prelude-migrate[testing]"`` from a checkout; docs/ci.md).

    from compat.testing import FakeV1, FakeV2, ManualClock

    v2 = FakeV2(api_key="test-v2-key")
    client = v2.sdk_client()                      # prelude_python_sdk.Prelude on an httpx MockTransport
    with v2.serve_httpx(): ...                    # or: any httpx client to api.prelude.dev
    with v2.serve_requests(): ...                 # or: any requests call (via ``responses``)
    v2.last_code("+33612345678")                  # the code "sent" to that phone

    v1 = FakeV1(api_key="test-v1-key", customer_uuid="00000000-0000-4000-8000-000000000001")
    with v1.serve_requests(): ...                 # the ``ding`` SDK and raw requests to api.ding.live/v1

Controls on both: ``block``, ``fail_next``, ``timeout_next``, ``expire``, ``set_lookup``,
``reset``; ``requests`` lists every ``RecordedRequest``. Time: pass ``clock=ManualClock()`` and
call ``clock.advance(minutes=10)`` to end verification windows (10 minutes by default);
``OffsetClock()`` keeps real time and also ``advance``s (the sandbox server uses it).

Every fake exposes ``handle(method, url, headers, body) -> (status, headers, body)``, so any
transport can be wired to it. ``import compat`` never imports this package; ``responses`` and
``httpx`` are imported only when a fake is served through them.

An independent oracle, on purpose: the codes, statuses and enumerated values the fakes accept and
answer with are spelled here, from Prelude's documentation (docs/reference/v1-api.md and
v2-api.md), not read from ``compat.knowledge``. A wrong fact in the knowledge layer then shows up
as a disagreement between a fake and the adapter or the codemods in the tests, instead of being
confirmed by a fake that reads the same wrong table. Only plumbing comes from the knowledge
layer: hosts, auth header names, the v1 ``doc_url`` format.

Where the reference is silent the fakes choose, and say so: v2 credential failures are 401
``missing_api_key``/``invalid_api_key``; unknown v2 routes and history ids are 404
``not_found``; v1 allows 5 wrong codes per authentication (then ``rate_limited``) and 3
retries; codes have 6 digits unless ``options.code_size`` says otherwise.
"""
from __future__ import annotations

from compat.testing._base import InjectedTimeout, RecordedRequest
from compat.testing._common import ManualClock, OffsetClock
from compat.testing.v1 import FakeV1
from compat.testing.v2 import FakeV2

__all__ = ["FakeV1", "FakeV2", "InjectedTimeout", "ManualClock", "OffsetClock", "RecordedRequest"]
