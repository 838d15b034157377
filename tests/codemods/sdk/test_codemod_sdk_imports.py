"""sdk-imports: v1 type annotations -> prelude_python_sdk types; unused v1 imports removed,
used ones kept."""
from __future__ import annotations

import pytest

from codemods.sdk.imports import SdkImportsCodemod
from codemod_sdk_helpers import NOOP_SOURCES, assert_pair_then_idempotent, ids

PAIRS = [
    ("unused-v1-imports-removed", '''
        import ding
        from ding.models import components, errors
        from prelude_python_sdk import Prelude

        client = Prelude(api_token=KEY, max_retries=0)
        ''', '''
        from prelude_python_sdk import Prelude

        client = Prelude(api_token=KEY, max_retries=0)
        '''),
    ("still-used-import-kept", '''
        from ding.models import components, errors
        from ding.models.components import CheckStatus

        def verify(auth, code):
            # TODO(prelude-migration): v2 check needs the phone number
            return client.otp.check(components.CreateCheckRequest(customer_uuid=C, authentication_uuid=auth, check_code=code))
        ''', '''
        from ding.models import components

        def verify(auth, code):
            # TODO(prelude-migration): v2 check needs the phone number
            return client.otp.check(components.CreateCheckRequest(customer_uuid=C, authentication_uuid=auth, check_code=code))
        '''),
    ("annotations-and-isinstance", '''
        import ding
        from ding.models import operations

        def verify(client: ding.Ding, res: operations.CheckResponse) -> operations.LookupResponse:
            assert isinstance(res, operations.CheckResponse)
            return client.lookup.lookup(res.phone_number, C)
        ''', '''
        import prelude_python_sdk.types
        from prelude_python_sdk import Prelude

        def verify(client: Prelude, res: prelude_python_sdk.types.VerificationCheckResponse) -> prelude_python_sdk.types.LookupLookupResponse:
            assert isinstance(res, prelude_python_sdk.types.VerificationCheckResponse)
            return client.lookup.lookup(res.phone_number, C)
        '''),
    ("nested-annotations", '''
        from typing import Optional
        from ding.models.operations import LookupResponse
        from ding.models import components

        def lookup(client, phone) -> Optional[LookupResponse]:
            return client.lookup.lookup(phone, components.X)
        ''', '''
        from typing import Optional
        from ding.models import components
        import prelude_python_sdk.types

        def lookup(client, phone) -> Optional[prelude_python_sdk.types.LookupLookupResponse]:
            return client.lookup.lookup(phone, components.X)
        '''),
] + [(f"noop-{name}", source, source) for name, source in NOOP_SOURCES.items()]


@pytest.mark.parametrize("case", PAIRS, ids=ids(PAIRS))
def test_before_after_then_idempotent(case):
    _, before, after = case
    assert_pair_then_idempotent(SdkImportsCodemod, before, after)
