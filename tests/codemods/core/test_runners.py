"""The one table of calls that only run the function given to them (codemods.core.runners),
through its users: the SDK calls (rewrite or mark a v1 method handed on) and the value flow
(a response read through a runner's result)."""
from __future__ import annotations

from rewrite_helpers import rewritten_twice

from codemods.core.runners import forwards_keywords, is_runner

T = "# TODO(prelude-migration): "
HEAD = '''\
import ding
from ding.models import components

client = ding.Ding(api_key=KEY)
'''


def test_runners_are_known_by_their_last_name():
    assert is_runner("asyncio.to_thread") and is_runner("loop.run_in_executor") and is_runner("pool.apply_async")
    assert is_runner("functools.partial") and is_runner("loop.call_soon")
    assert not is_runner("retrying") and not is_runner("map") and not is_runner("to_thread.run_sync")
    assert forwards_keywords("asyncio.to_thread") and forwards_keywords("run_in_threadpool")
    assert not forwards_keywords("loop.run_in_executor") and not forwards_keywords("functools.partial")


def test_a_method_handed_to_a_keyword_forwarding_runner_is_rewritten_with_its_v2_arguments():
    new = rewritten_twice("from starlette.concurrency import run_in_threadpool\n" + HEAD + '''

async def start(phone):
    req = components.CreateAuthenticationRequest(customer_uuid=C, phone_number=phone)
    res = await run_in_threadpool(client.otp.create_authentication, req)
    return res.create_authentication_response.authentication_uuid
''')
    assert ('res = await run_in_threadpool(client.verification.create, target={"type": "phone_number", '
            '"value": phone})\n    return res.id\n') in new


def test_a_method_handed_to_a_runner_that_takes_an_argument_tuple_is_marked_not_taken_for_a_helper():
    new = rewritten_twice(HEAD + '''
def later(pool, req):
    result = pool.apply_async(client.otp.check, (req,))
    return result
''')
    assert (f"{T}v1 method client.otp.check is passed on uncalled; call the v2 method (client.verification...) "
            "instead\n    result = pool.apply_async(client.otp.check, (req,))") in new
