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


_KEPT_CALL = '''
import ding
from ding.models import components, operations

client = ding.Ding(api_key=KEY)


class Adapter:
    def _request(self, phone):
        return components.CreateAuthenticationRequest(customer_uuid=C, phone_number=phone)

    def start(self, phone) -> operations.CreateAuthenticationResponse:
        return client.otp.create_authentication(self._request(phone))

    def challenge(self, phone):
        res: operations.CreateAuthenticationResponse = client.otp.create_authentication(self._request(phone))
        body: components.CreateAuthenticationResponse = res.create_authentication_response
        return body.authentication_uuid

    def moved(self, phone) -> operations.CreateAuthenticationResponse:
        res: operations.CreateAuthenticationResponse = client.otp.create_authentication(
            components.CreateAuthenticationRequest(customer_uuid=C, phone_number=phone))
        return res
'''


def test_the_annotation_of_a_value_that_stays_v1_stays_v1():
    """A create left on v1 (its request built in another method) keeps its v1 response type, and
    so does the payload read from it and a function returning it: the annotation says what the
    value is. The create that moves gets the v2 type. (The client annotation follows the client.)"""
    from codemods.engine import rewrite_source

    new = rewrite_source(_KEPT_CALL, "adapter.py").new_source
    assert "    def start(self, phone) -> operations.CreateAuthenticationResponse:\n" in new
    assert "the request object is not built here; move its fields by hand\n" \
           "        return client.otp.create_authentication(self._request(phone))\n" in new
    assert "        res: operations.CreateAuthenticationResponse = client.otp.create_authentication(self._request(phone))\n" in new
    assert "        body: components.CreateAuthenticationResponse = res.create_authentication_response\n" in new
    assert "    def moved(self, phone) -> prelude_python_sdk.types.VerificationCreateResponse:\n" \
           "        res: prelude_python_sdk.types.VerificationCreateResponse = client.verification.create(" in new
    assert "from ding.models import components, operations\n" in new  # still read by the kept annotations
    assert rewrite_source(new, "adapter.py").new_source == new
