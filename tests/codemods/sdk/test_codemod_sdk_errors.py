"""sdk-errors: v1 exception handling -> prelude_python_sdk exceptions and e.body reads."""
from __future__ import annotations

import pytest

from codemods.sdk.errors import SdkErrorsCodemod, v2_error_codes
from codemod_sdk_helpers import NOOP_SOURCES, assert_pair_then_idempotent, ids
from compat.knowledge.errors import V1_ERROR_CODES, V1_TO_V2_ERRORS

T = "# TODO(prelude-migration): "
CODE = '(e.body.get("code") if isinstance(e.body, dict) else None)'
MESSAGE = '(e.body.get("message") if isinstance(e.body, dict) else e.message)'
CODE_SQ, MESSAGE_SQ = CODE.replace('"', "'"), MESSAGE.replace('"', "'")  # inside f"..."

PAIRS = [
    # The reordering of disjoint handlers: the example at the end of codemods/sdk/errors.py.
    ("error-response-code-and-message", '''
        from ding.models import errors

        def send():
            try:
                start()
            except errors.ErrorResponse as e:
                raise SendFailed(e.code, e.message)
        ''', f'''
        from ding.models import errors
        import prelude_python_sdk

        def send():
            try:
                start()
            except prelude_python_sdk.BadRequestError as e:
                raise SendFailed({CODE}, {MESSAGE})
        '''),
    ("direct-code-comparison-enum", '''
        from ding.models.errors import ErrorResponse, Code

        def send():
            try:
                start()
            except ErrorResponse as e:
                if e.code == Code.NEGATIVE_BALANCE:
                    alert()
        ''', f'''
        from ding.models.errors import ErrorResponse, Code
        import prelude_python_sdk

        def send():
            try:
                start()
            except prelude_python_sdk.BadRequestError as e:
                if {CODE} == "insufficient_balance":
                    alert()
        '''),
    ("blocked-code-gets-status-todo", '''
        from ding.models import errors

        def send():
            try:
                start()
            except errors.ErrorResponse as e:
                if e.code.value != "blocked_number":
                    raise
        ''', f'''
        from ding.models import errors
        import prelude_python_sdk

        def send():
            try:
                start()
            except prelude_python_sdk.BadRequestError as e:
                {T}v1 error 'blocked_number' is now a 200 response with status 'blocked' (reason 'in_block_list'); check the create result's status
                if {CODE} != "blocked_number":
                    raise
        '''),
    ("one-to-many-code-in-tuple", '''
        from ding.models import errors

        def send():
            try:
                start()
            except errors.ErrorResponse as e:
                return e.code in (errors.Code.UNSUPPORTED_REGION, errors.Code.INTERNAL_SERVER_ERROR)
        ''', f'''
        from ding.models import errors
        import prelude_python_sdk

        def send():
            try:
                start()
            except prelude_python_sdk.BadRequestError as e:
                {T}v1 error 'unsupported_region' maps to several v2 codes
                return {CODE} in ("unsupported_country", "channel_not_enabled_in_region", "region_blocked_by_customer", "region_missing_registration", "internal")
        '''),
    ("sdk-error-and-tuple", '''
        from ding.models import errors

        def send():
            try:
                start()
            except (errors.ErrorResponse, errors.SDKError) as err:
                log(err.status_code)
            except errors.SDKError as e:
                log(e.body, e.raw_response, e.doc_url)
        ''', f'''
        from ding.models import errors
        import prelude_python_sdk

        def send():
            try:
                start()
            except prelude_python_sdk.APIStatusError as err:
                log(err.status_code)
            except prelude_python_sdk.APIStatusError as e:
                {T}the v2 error response is an httpx.Response, not a requests.Response
                {T}v2 errors have no doc_url; see https://docs.prelude.so/introduction/errors
                log(e.response.text, e.response, e.doc_url)
        '''),
    ("requests-network-errors-around-sdk-calls-widened", '''
        import requests
        from ding.models import components

        def send(phone):
            try:
                client.otp.create_authentication(components.CreateAuthenticationRequest(customer_uuid=C, phone_number=phone))
            except requests.exceptions.ConnectionError:
                return None
            try:
                requests.get(URL)
            except requests.RequestException:
                pass
        ''', f'''
        import requests
        from ding.models import components
        import prelude_python_sdk

        def send(phone):
            try:
                client.otp.create_authentication(components.CreateAuthenticationRequest(customer_uuid=C, phone_number=phone))
            {T}v2 network failures raise prelude_python_sdk.APIConnectionError, not requests exceptions
            except (requests.exceptions.ConnectionError, prelude_python_sdk.APIConnectionError):
                return None
            try:
                requests.get(URL)
            except requests.RequestException:
                pass
        '''),
    ("inside-f-strings-quotes-kept-valid", '''
        from ding.models import errors

        def send():
            try:
                start()
            except errors.ErrorResponse as e:
                log(f"ding error {e.code}: {e.message}")
                log(f"""{f'{e.code}'}""")
        ''', f'''
        from ding.models import errors
        import prelude_python_sdk

        def send():
            try:
                start()
            except prelude_python_sdk.BadRequestError as e:
                log(f"ding error {{{CODE_SQ}}}: {{{MESSAGE_SQ}}}")
                {T}v1 SDK use inside an f-string that uses both quote kinds; rewrite it by hand
                log(f"""{{f'{{e.code}}'}}""")
        '''),
    ("writes-to-the-error-left-with-todo", '''
        from ding.models import errors

        def send():
            try:
                start()
            except errors.ErrorResponse as e:
                e.message = "wrapped"
                raise
        ''', f'''
        from ding.models import errors
        import prelude_python_sdk

        def send():
            try:
                start()
            except prelude_python_sdk.BadRequestError as e:
                {T}v2 errors have no writable 'message'; the API error is in e.body
                e.message = "wrapped"
                raise
        '''),
    ("hand-built-v1-errors-flagged", '''
        from ding.models import errors

        def fake_failure():
            raise errors.ErrorResponse(code=errors.Code.INVALID_PHONE_NUMBER, message="bad")
        ''', f'''
        from ding.models import errors

        def fake_failure():
            {T}v1 ErrorResponse built by hand; v2 code raises prelude_python_sdk.BadRequestError, built from an httpx.Response and a body
            raise errors.ErrorResponse(code=errors.Code.INVALID_PHONE_NUMBER, message="bad")
        '''),
    # `isinstance(e, X) and e.code == ...`: the right operand of the `and` (and an `if` body or a
    # conditional expression under such a test) sees `e` narrowed to X, as under `if isinstance(e, X):`.
    ("isinstance-in-an-and-narrows-the-right-operand", '''
        from ding.models import errors

        def send():
            try:
                start()
            except Exception as e:
                if isinstance(e, errors.ErrorResponse) and e.code == errors.Code.BAD_REQUEST:
                    return e.message
                if isinstance(e, errors.ErrorResponse) and e.message and ok:
                    return "?"
                return e.code if flag and isinstance(e, errors.ErrorResponse) else None
        ''', f'''
        from ding.models import errors
        import prelude_python_sdk

        def send():
            try:
                start()
            except Exception as e:
                if isinstance(e, prelude_python_sdk.BadRequestError) and {CODE} == "invalid_request":
                    return {MESSAGE}
                if isinstance(e, prelude_python_sdk.BadRequestError) and {MESSAGE} and ok:
                    return "?"
                {T}v2 error codes differ from v1 (e.g. negative_balance is now insufficient_balance); map the values this code is compared with downstream
                return {CODE} if flag and isinstance(e, prelude_python_sdk.BadRequestError) else None
        '''),
    # A nested function, lambda or comprehension that rebinds the handler's name reads another
    # object: those reads stay as they are (only the handler's own `e.code` is rewritten).
    ("name-rebound-inside-the-handler", '''
        from ding.models import errors

        def send(others):
            try:
                start()
            except errors.ErrorResponse as e:
                def describe(e):
                    return e.code
                codes = [e.code for e in others]
                first = lambda e: e.code
                return describe(ValueError()), codes, first, e.code
        ''', f'''
        from ding.models import errors
        import prelude_python_sdk

        def send(others):
            try:
                start()
            except prelude_python_sdk.BadRequestError as e:
                def describe(e):
                    return e.code
                codes = [e.code for e in others]
                first = lambda e: e.code
                {T}v2 error codes differ from v1 (e.g. negative_balance is now insufficient_balance); map the values this code is compared with downstream
                return describe(ValueError()), codes, first, {CODE}
        '''),
    # v1 raised ErrorResponse only for a JSON body, so `e.code` was set; the v2 read may be None:
    # a string method or a slice on it may raise where v1 did not (a comparison or a log does not).
    ("code-used-as-a-string-may-be-none", '''
        from ding.models import errors

        def send():
            try:
                start()
            except errors.ErrorResponse as e:
                log(e.code.value)
                return {"code": e.code.value.upper(), "short": e.code.value[:3], "is_balance": e.code.value == "negative_balance",
                        "label": "error:" + e.code.value}

        def kind():
            try:
                start()
            except errors.ErrorResponse as e:
                return e.code.name
        ''', f'''
        from ding.models import errors
        import prelude_python_sdk

        def send():
            try:
                start()
            except prelude_python_sdk.BadRequestError as e:
                log({CODE})
                {T}v2 error codes differ from v1 (e.g. negative_balance is now insufficient_balance); map the values this code is compared with downstream
                {T}the v2 error code read here is None when the error body has no code (v1 raised ErrorResponse only for a JSON error body): check it before using it as a string
                return {{"code": {CODE}.upper(), "short": {CODE}[:3], "is_balance": {CODE} == "insufficient_balance",
                        "label": "error:" + {CODE}}}

        def kind():
            try:
                start()
            except prelude_python_sdk.BadRequestError as e:
                {T}v2 error codes differ from v1 (e.g. negative_balance is now insufficient_balance); map the values this code is compared with downstream
                {T}`.name` of a v1 enum member (its upper-case member name): v2 statuses, line types and error codes are plain strings with other values and no .name; use the string itself
                return {CODE}.name
        '''),
    ("other-exceptions-untouched", '''
        from ding.models import errors

        def send():
            try:
                start()
            except ValueError as e:
                return e.code == "bad_request"
        ''', '''
        from ding.models import errors

        def send():
            try:
                start()
            except ValueError as e:
                return e.code == "bad_request"
        '''),
] + [(f"noop-{name}", source, source) for name, source in NOOP_SOURCES.items()]


@pytest.mark.parametrize("case", PAIRS, ids=ids(PAIRS))
def test_before_after_then_idempotent(case):
    _, before, after = case
    assert_pair_then_idempotent(SdkErrorsCodemod, before, after)


@pytest.mark.parametrize("v1_code", V1_ERROR_CODES)
def test_every_v1_code_follows_the_table(v1_code):
    codes, why = v2_error_codes(v1_code)
    move = V1_TO_V2_ERRORS[v1_code]
    assert codes == (list(move.v2_codes) or [v1_code])
    # Never silently wrong: anything but a direct move carries a reason.
    assert (why is None) == (move.kind == "direct" and not move.blocked_reason and not move.check_status)
