"""sdk-client: v1 client construction -> Prelude(api_token=..., max_retries=0)."""
from __future__ import annotations

import pytest

from codemods.sdk.client import SdkClientCodemod
from codemod_sdk_helpers import NOOP_SOURCES, assert_pair_then_idempotent, ids

KEY_TODO = "# TODO(prelude-migration): v2 needs a v2 API key (Prelude dashboard > API Keys, sent as Authorization: Bearer); v1 X-API-Key keys are refused: make sure this value is the v2 key"

# More pairs: the examples at the end of codemods/sdk/client.py (tests/codemods/test_codemod_examples.py).
PAIRS = [
    ("positional-key-alias-self-attribute", '''
        from ding import Ding as D

        class Service:
            def __init__(self, key):
                self.client = D(key, server="production", retry_config=RETRY)
                self.client.otp.check(req)
        ''', f'''
        from ding import Ding as D
        from prelude_python_sdk import Prelude

        class Service:
            def __init__(self, key):
                {KEY_TODO}
                self.client = Prelude(api_token=key, max_retries=0)
                self.client.otp.check(req)
        '''),
    ("default-server-url-dropped-callable-key", '''
        import ding

        client = ding.Ding(api_key=lambda: vault.read("ding"), server_url="https://api.ding.live/v1")
        ''', f'''
        import ding
        from prelude_python_sdk import Prelude

        {KEY_TODO}
        # TODO(prelude-migration): v1 accepted a key callable; v2 takes the string and reads it once
        client = Prelude(api_token=vault.read("ding"), max_retries=0)
        '''),
    ("sdk-1.1.0", '''
        import sdk
        from sdk.models import components

        s = sdk.SDK(api_key="test-v1-key")
        ''', f'''
        import sdk
        from sdk.models import components
        from prelude_python_sdk import Prelude

        {KEY_TODO}
        s = Prelude(api_token="test-v1-key", max_retries=0)
        '''),
    ("star-kwargs-left-with-todo", '''
        from ding import Ding

        client = Ding(api_key=KEY, **extra)
        ''', f'''
        from ding import Ding

        {KEY_TODO}
        # TODO(prelude-migration): v1 client options passed with */**; map them to Prelude(...) by hand
        client = Ding(api_key=KEY, **extra)
        '''),
] + [(f"noop-{name}", source, source) for name, source in NOOP_SOURCES.items()]


@pytest.mark.parametrize("case", PAIRS, ids=ids(PAIRS))
def test_before_after_then_idempotent(case):
    _, before, after = case
    assert_pair_then_idempotent(SdkClientCodemod, before, after)
