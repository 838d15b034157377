"""v1 calls behind a decorator, a namespace kept in a name, and a check followed by a feedback
(issue 8, found on a held-out set): before/after through the whole rewrite
(``codemods.engine.rewrite_source``), then a second run that changes nothing."""
from __future__ import annotations

from textwrap import dedent

import pytest

from rewrite_helpers import rewritten_twice

T = "# TODO(prelude-migration): "
HEAD = '''\
import functools

import requests
from ding import Ding
from ding.models import components

client = Ding(api_key=KEY)
'''


PLAIN_DECORATOR = '''
def again_on_network_error(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except requests.exceptions.ConnectionError:
            return fn(*args, **kwargs)
    return wrapper


@again_on_network_error
'''
DECORATOR_FACTORY = '''
def retry_on_network(times=2):
    def decorate(fn):
        def inner(*args, **kwargs):
            for attempt in range(times):
                try:
                    return fn(*args, **kwargs)
                except requests.exceptions.ConnectionError:
                    if attempt == times - 1:
                        raise
        return inner
    return decorate


@retry_on_network(times=3)
'''


@pytest.mark.parametrize("decorator", [PLAIN_DECORATOR, DECORATOR_FACTORY], ids=["plain", "factory"])
def test_a_network_handler_in_a_decorator_of_a_v1_function_is_widened(decorator):
    once = rewritten_twice(HEAD + decorator + '''def country(phone):
    return client.lookup.lookup(phone, C).lookup_response.country_code
''')
    assert f"{T}v2 network failures raise prelude_python_sdk.APIConnectionError, not requests exceptions\n" in once
    assert "except (requests.exceptions.ConnectionError, prelude_python_sdk.APIConnectionError):" in once


def test_a_decorator_of_functions_without_v1_calls_is_left_alone():
    """In a v1 module (its other function is rewritten), the handler of a decorator that only
    wraps a function without v1 calls keeps catching what it caught."""
    once = rewritten_twice(HEAD + PLAIN_DECORATOR + '''def status(url):
    return requests.get(url).status_code


def country(phone):
    return client.lookup.lookup(phone, C).lookup_response.country_code
''')
    assert "        except requests.exceptions.ConnectionError:\n" in once
    assert "APIConnectionError" not in once
    assert "client.lookup.lookup(phone).country_code" in once  # the module itself was migrated


def test_an_otp_namespace_kept_in_a_name_becomes_verification_and_each_call_is_marked():
    once = rewritten_twice('''\
from ding.models import components

from factory import build

otp = build().otp


def send(phone):
    return otp.create_authentication(components.CreateAuthenticationRequest(customer_uuid=C, phone_number=phone))
''')
    assert dedent(f'''
        {T}v1 namespace build().otp is now build().verification (v2 has no otp namespace); every call through it is marked: give each the v2 method and arguments
        otp = build().verification
    ''') in once
    assert f"    {T}v1 call through `otp`, the otp namespace kept in a name: v2 has verification.create(...)" in once


def test_an_otp_namespace_read_another_way_is_kept_and_marked():
    once = rewritten_twice('''\
from ding.models import components

from factory import build

otp = build().otp
CONFIG = otp.sdk_configuration
''')
    assert dedent(f'''
        {T}v1 namespace build().otp is kept aside; v2 has no otp namespace: call client.verification... where it is used
        otp = build().otp
    ''') in once


def test_a_feedback_for_the_same_parameter_does_not_stop_the_check_and_the_result_is_stable():
    """v2 drops the feedback call; the first run must already write what a second run would."""
    once = rewritten_twice(HEAD + '''
def confirm(phone_number, auth_uuid, code):
    res = client.otp.check(components.CreateCheckRequest(
        customer_uuid=C, authentication_uuid=auth_uuid, check_code=code))
    client.otp.feedback(components.FeedbackRequest(
        customer_uuid=C, phone_number=phone_number, status=components.FeedbackRequestStatus.ONBOARDED))
    return res.create_check_response.status == components.CheckStatus.VALID
''')
    assert (f"    {T}v2 check is keyed by phone number; `phone_number` is assumed to be the number the "
            f"verification was created for\n    res = client.verification.check(\n") in once
    assert 'return res.status == "success"' in once



ASYNC_HEAD = "import asyncio\n\nfrom starlette.concurrency import run_in_threadpool\n" + HEAD


@pytest.mark.parametrize("runner", ["asyncio.to_thread", "run_in_threadpool"])
def test_a_v1_method_handed_to_a_keyword_forwarding_runner_is_rewritten_with_its_reads(runner):
    once = rewritten_twice(ASYNC_HEAD + f'''
async def send(phone):
    res = await {runner}(client.otp.create_authentication, components.CreateAuthenticationRequest(
        customer_uuid=C, phone_number=phone, device_type=components.DeviceType.IOS))
    return res.create_authentication_response.authentication_uuid
''')
    assert dedent(f'''
        async def send(phone):
            res = await {runner}(
                client.verification.create,
                target={{"type": "phone_number", "value": phone}},
                signals={{"device_platform": "ios"}},
            )
            return res.id
        ''') in once
    assert "passed on uncalled" not in once


def test_a_threaded_check_takes_its_number_by_the_same_policy():
    once = rewritten_twice(ASYNC_HEAD + '''
async def verify(phone_number, auth_uuid, code):
    req = components.CreateCheckRequest(customer_uuid=C, authentication_uuid=auth_uuid, check_code=code)
    res = await asyncio.to_thread(client.otp.check, req)
    return res.create_check_response.status == components.CheckStatus.VALID
''')
    assert ('    res = await asyncio.to_thread(\n'
            '        client.verification.check,\n'
            '        target={"type": "phone_number", "value": phone_number},\n'
            '        code=code,\n'
            '    )\n') in once
    assert f"{T}v2 check is keyed by phone number; `phone_number` is assumed" in once
    assert 'return res.status == "success"' in once


@pytest.mark.parametrize("call", [
    "loop.run_in_executor(None, client.otp.check, req)",  # passes no keywords on
    "asyncio.to_thread(client.lookup.lookup, phone, C)",  # (a lookup keeps its positional shape question)
    "asyncio.to_thread(client.otp.check, req, timeout=5)",  # a keyword for the method: v1-only
])
def test_other_runners_and_calls_keep_the_mark(call):
    once = rewritten_twice(ASYNC_HEAD + f'''
async def verify(loop, phone, auth_uuid, code):
    req = components.CreateCheckRequest(customer_uuid=C, authentication_uuid=auth_uuid, check_code=code)
    return await {call}
''')
    assert call in once
    assert "verification.check" not in once


def test_a_v1_model_built_for_no_v1_call_here_says_it_still_needs_ding():
    once = rewritten_twice(HEAD + '''
def build(phone):
    return components.CreateAuthenticationRequest(customer_uuid=C, phone_number=phone)


def send(phone):
    return client.otp.create_authentication(build(phone))


def send_inline(phone):
    req = components.CreateAuthenticationRequest(customer_uuid=C, phone_number=phone)
    return client.otp.create_authentication(req)
''')
    assert (f"    {T}v1 request model CreateAuthenticationRequest is built here for no call this tool rewrites, "
            "so this still needs `ding`") in once
    assert once.count("for no call this tool rewrites") == 1  # not the one inlined into its call
    assert "from ding.models import components" in once
