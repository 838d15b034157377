"""The v1-leftovers codemod: every v1 URL left in the code carries a TODO, once."""
from __future__ import annotations

import pytest

from codemods.http.v1_leftovers import LEFTOVER_TODO, V1LeftoversCodemod
from rewrite_helpers import assert_codemod, assert_idempotent

TODO = f"# TODO(prelude-migration): {LEFTOVER_TODO}"
# hand-written: the sentence for the v1 key header set by name beside requests left on v1
KEY_TODO = ("# TODO(prelude-migration): X-API-Key is the v1 API key header; if it goes with the requests this "
            "tool left on v1 here, v2 authenticates with Authorization: Bearer <v2 API key> instead: change it "
            "when they move")

PAIRS = [
    # The URL's flow: the call that sends to a v1 URL built before it is marked where it goes wrong.
    ("url-built-in-a-variable-before-the-call", '''
        BASE_URL = "https://api.ding.live/v1"

        def start(payload):
            url = BASE_URL + "/authentication"
            return requests.post(url, json=payload)
     ''', f'''
        {TODO}
        BASE_URL = "https://api.ding.live/v1"

        def start(payload):
            url = BASE_URL + "/authentication"
            {TODO}
            return requests.post(url, json=payload)
     '''),
    ("relative-v1-paths-on-a-v1-base-url-client", '''
        def make():
            return httpx.Client(base_url="https://api.ding.live/v1")

        def check(client, body):
            return client.post("/check", json=body)

        def other(client):
            return client.get("/health")
     ''', f'''
        def make():
            {TODO}
            return httpx.Client(base_url="https://api.ding.live/v1")

        def check(client, body):
            {TODO}
            return client.post("/check", json=body)

        def other(client):
            return client.get("/health")
     '''),
    # A relative path built by an f-string or a concatenation goes to the v1 base too; a path
    # that is no v1 operation (f"/health/{part}") is left alone.
    ("relative-v1-fstring-paths-on-a-v1-base-url-client", '''
        def make():
            return httpx.AsyncClient(base_url="https://api.ding.live/v1")

        async def caller(http, phone):
            return await http.get(f"/lookup/{phone}", params={"type": "cnam"})

        async def caller2(http, phone):
            return await http.get("/lookup/" + phone)

        async def other(http, part):
            return await http.get(f"/health/{part}")
     ''', f'''
        def make():
            {TODO}
            return httpx.AsyncClient(base_url="https://api.ding.live/v1")

        async def caller(http, phone):
            {TODO}
            return await http.get(f"/lookup/{{phone}}", params={{"type": "cnam"}})

        async def caller2(http, phone):
            {TODO}
            return await http.get("/lookup/" + phone)

        async def other(http, part):
            return await http.get(f"/health/{{part}}")
     '''),
    # The bare v1 host as the base: the paths carry /v1 themselves.
    ("v1-paths-on-a-bare-v1-host-client", '''
        http = httpx.Client(base_url="https://api.ding.live", auth=DingKey(KEY))

        def start(phone):
            return http.post("/v1/authentication", json={"phone_number": phone})

        def check(body):
            return http.post("/v1/check", json=body)

        def health():
            return http.get("/v1/health")
     ''', f'''
        {TODO}
        http = httpx.Client(base_url="https://api.ding.live", auth=DingKey(KEY))

        def start(phone):
            {TODO}
            return http.post("/v1/authentication", json={{"phone_number": phone}})

        def check(body):
            {TODO}
            return http.post("/v1/check", json=body)

        def health():
            return http.get("/v1/health")
     '''),
    # The v1 key header set by name (an httpx.Auth subclass, a requests AuthBase, a dict) in a
    # module whose requests stay on v1: it goes wrong with them, so it is marked too.
    ("v1-key-header-set-in-an-auth-flow-beside-v1-requests", '''
        class DingKey(httpx.Auth):
            def auth_flow(self, request):
                request.headers["x-api-key"] = self.key
                yield request

        class KeyAuth(requests.auth.AuthBase):
            def __call__(self, r):
                r.headers['X-API-Key'] = KEY
                return r

        EXTRA = {"X-API-Key": KEY, "Accept": "application/json"}
        OTHER = {"Accept": "application/json"}

        def make():
            return httpx.Client(base_url="https://api.ding.live", auth=DingKey(KEY))

        def check(http, body):
            return http.post("/v1/check", json=body)
     ''', f'''
        class DingKey(httpx.Auth):
            def auth_flow(self, request):
                {KEY_TODO}
                request.headers["x-api-key"] = self.key
                yield request

        class KeyAuth(requests.auth.AuthBase):
            def __call__(self, r):
                {KEY_TODO}
                r.headers['X-API-Key'] = KEY
                return r

        {KEY_TODO}
        EXTRA = {{"X-API-Key": KEY, "Accept": "application/json"}}
        OTHER = {{"Accept": "application/json"}}

        def make():
            {TODO}
            return httpx.Client(base_url="https://api.ding.live", auth=DingKey(KEY))

        def check(http, body):
            {TODO}
            return http.post("/v1/check", json=body)
     '''),
    ("constant-and-class-attribute", '''
        BASE = "https://api.ding.live/v1"

        class Client:
            url = f"https://api.ding.live/v1/check?{query}"
     ''', f'''
        {TODO}
        BASE = "https://api.ding.live/v1"

        class Client:
            {TODO}
            url = f"https://api.ding.live/v1/check?{{query}}"
     '''),
    ("compound-statement-header-and-bare-host", '''
        if url.startswith("https://api.ding.live/v1/lookup/"):
            HOST = "api.ding.live"
     ''', f'''
        {TODO}
        if url.startswith("https://api.ding.live/v1/lookup/"):
            {TODO}
            HOST = "api.ding.live"
     '''),
    # A base the module still holds, given to a session subclass positionally (not base_url=):
    # its relative v1 paths go wrong at the call.
    ("relative-v1-paths-on-a-session-subclass", '''
        def make():
            return PrefixSession(os.environ.get("DING_URL", "https://api.ding.live/v1"))

        def retry(session, body):
            return session.post("/retry", json=body)
     ''', f'''
        def make():
            {TODO}
            return PrefixSession(os.environ.get("DING_URL", "https://api.ding.live/v1"))

        def retry(session, body):
            {TODO}
            return session.post("/retry", json=body)
     '''),
    # The URL built by a helper from a v1 path segment, the base a dataclass field default.
    ("url-built-by-a-helper-from-a-v1-segment", '''
        @dataclass
        class Config:
            base_url: str = "https://api.ding.live/v1/"

        def check(config, body):
            return requests.post(urljoin(config.base_url, "check"), json=body)

        def lookup(config, phone):
            return requests.get(join(config.root, "lookup/" + phone))
     ''', f'''
        @dataclass
        class Config:
            {TODO}
            base_url: str = "https://api.ding.live/v1/"

        def check(config, body):
            {TODO}
            return requests.post(urljoin(config.base_url, "check"), json=body)

        def lookup(config, phone):
            {TODO}
            return requests.get(join(config.root, "lookup/" + phone))
     '''),
    ("implicit-concatenation", '''
        URL = ("https://api.ding.live"
               "/v1/authentication")
     ''', f'''
        {TODO}
        URL = ("https://api.ding.live"
               "/v1/authentication")
     '''),
]

NOOPS = [
    ("already-explained-by-another-todo", '''
        # TODO(prelude-migration): v2 check is keyed by the phone number
        requests.post("https://api.ding.live/v1/check", json=body)
     '''),
    ("docstrings-are-prose", '''
        """Talks to https://api.ding.live/v1 (until April 2026)."""
        def f():
            """Calls https://api.ding.live/v1/check."""
     '''),
    ("v2-legacy-host-and-new-host", '''
        A = "https://api.ding.live/v2/transactional"
        B = "https://api.prelude.dev/v2/verification"
     '''),
    ("relative-paths-without-a-v1-url-in-the-module", '''
        def check(session, body):
            return session.post("/check", json=body)

        def label(config):
            return render(config, "check")
     '''),
    ("a-v1-url-only-in-a-docstring-and-a-call-that-sends-nothing", '''
        """Moved off https://api.ding.live/v1 last year."""
        BASE = "https://api.prelude.dev/v2"

        def send(session, body):
            return session.post("/check", json=body)

        def label(config, other):
            return render(join(config, "check"), other.post(join(config, "notes")))
     '''),
    ("x-api-key-of-another-api-in-a-module-with-no-v1-url", '''
        class Key(httpx.Auth):
            def auth_flow(self, request):
                request.headers["X-API-Key"] = self.key
                yield request

        http = httpx.Client(base_url="https://api.example.test/v1", auth=Key(KEY))
     '''),
    ("look-alikes", '''
        A = "https://mbktrading.live/v1/check"
        B = "https://xapi.ding.live/v1/check"
        C = b"https://api.ding.live/v1/check"
     '''),
]


@pytest.mark.parametrize("name,before,after", PAIRS, ids=[p[0] for p in PAIRS])
def test_pair(name, before, after):
    assert_codemod(V1LeftoversCodemod, before, after)


@pytest.mark.parametrize("name,before,after", PAIRS, ids=[p[0] for p in PAIRS])
def test_pair_is_idempotent(name, before, after):
    assert_idempotent(V1LeftoversCodemod, after)


@pytest.mark.parametrize("name,code", NOOPS, ids=[n[0] for n in NOOPS])
def test_noop(name, code):
    assert_codemod(V1LeftoversCodemod, code, code)
