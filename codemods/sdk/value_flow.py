"""``sdk-value-flow``: a TODO on each line where a v1 value leaves the code the SDK codemods
rewrite, as the value-flow analysis (``codemods.core.flow``) finds them: a v1 status, line type
or error code passed on, used as a key, returned, stored or put in an exception; a v1 response
or exception handed to other code; a v1 response field read on a value no rewritten call
produced; an id parsed or matched as a UUID. Runs first, on the v1 code as written; it only
adds comments, so the codemods after it see the same code.

Before::

    def outcome(client, req):
        res = client.otp.check(req)
        return res.create_check_response.status

After (``sdk-responses`` then rewrites the read)::

    def outcome(client, req):
        res = client.otp.check(req)
        # TODO(prelude-migration): a v1 status is returned here, unmapped: ...
        return res.create_check_response.status
"""
from __future__ import annotations

import libcst as cst

from codemods.sdk.common import SdkCodemod


class SdkValueFlowCodemod(SdkCodemod):
    NAME = "sdk-value-flow"
    DESCRIPTION = "TODO where a v1 value (status, line type, error code, response, exception, id) leaves unmapped."

    def has_work(self, analysis) -> bool:
        return analysis.flow is not None and bool(analysis.flow.todos())

    def visit_Module(self, node: cst.Module) -> None:
        for where, why in self.analysis.flow.todos():
            self.todo(where, why)


_HEAD = '''\
import ding
from ding.models import components, errors

client = ding.Ding(api_key=KEY)
C = "00000000-0000-4000-8000-000000000001"
'''
_CREATE = "client.otp.create_authentication(components.CreateAuthenticationRequest(customer_uuid=C, phone_number=phone))"

# (name, before, after; None: unchanged): the examples docs/codemods.md shows and tests/codemods/sdk run.
EXAMPLES = [
    ("status-passed-keyed-returned-raised", _HEAD + f'''
def start(phone):
    res = {_CREATE}
    audit(res.create_authentication_response.status)
    label = LABELS[res.create_authentication_response.status]
    if res.create_authentication_response.status != components.Status.PENDING:
        raise Refused(res.create_authentication_response.status)
    return res.create_authentication_response.status
''', _HEAD + f'''
def start(phone):
    res = {_CREATE}
    # TODO(prelude-migration): a v1 status is passed to other code here, unmapped: v2 uses other statuses; map it where it is used (or map both sides)
    audit(res.create_authentication_response.status)
    # TODO(prelude-migration): a v1 status is used as a lookup key here, unmapped: v2 uses other statuses; map it where it is used (or map both sides)
    label = LABELS[res.create_authentication_response.status]
    if res.create_authentication_response.status != components.Status.PENDING:
        # TODO(prelude-migration): a v1 status is put in an exception here, unmapped: v2 uses other statuses; map it where it is used (or map both sides)
        raise Refused(res.create_authentication_response.status)
    # TODO(prelude-migration): a v1 status is returned here, unmapped: v2 uses other statuses; map it where it is used (or map both sides)
    return res.create_authentication_response.status
'''),
    ("exception-object-given-to-a-helper", _HEAD + f'''
def start(phone):
    try:
        return {_CREATE}
    except errors.ErrorResponse as e:
        return explain(e)
''', _HEAD + f'''
def start(phone):
    try:
        # TODO(prelude-migration): a v1 SDK response is returned here: v2 returns another model (other fields and statuses); update the code that reads it
        return {_CREATE}
    except errors.ErrorResponse as e:
        # TODO(prelude-migration): a v1 SDK exception is passed to other code here: v2 exceptions have no .code, and .message is the SDK's own text (the API's code and message are in .body)
        return explain(e)
'''),
    ("untraced-reads-and-uuid-ids", _HEAD + f'''
import uuid

def ported(infos):
    return [i.phone_number for i in infos if i.number_ported]

def remember(phone):
    res = {_CREATE}
    return uuid.UUID(res.create_authentication_response.authentication_uuid)
''', _HEAD + f'''
import uuid

def ported(infos):
    # TODO(prelude-migration): reads v1 response field 'number_ported' of a value this tool cannot trace to a rewritten call; if it is a v2 response now, read 'ported' in (x.flags or [])
    return [i.phone_number for i in infos if i.number_ported]

def remember(phone):
    res = {_CREATE}
    # TODO(prelude-migration): v2 verification ids are not UUIDs (they start with 'vrf_'): do not parse or validate them as UUIDs
    return uuid.UUID(res.create_authentication_response.authentication_uuid)
'''),
    ("stored-status-compared-elsewhere", _HEAD + f'''
class Signup:
    def start(self, phone):
        res = {_CREATE}
        self.state = res.create_authentication_response.status.value

    def waiting(self, rows):
        return [r for r in rows if r.state == "pending"] + query(state="pending")
''', _HEAD + f'''
class Signup:
    def start(self, phone):
        res = {_CREATE}
        # TODO(prelude-migration): a v1 status is stored here, unmapped: v2 uses other statuses; map it where it is used (or map both sides)
        self.state = res.create_authentication_response.status.value

    def waiting(self, rows):
        # TODO(prelude-migration): compares `state` with the v1 status 'pending', but this module now stores v2 statuses in `state` (v2: 'success', 'retry', 'challenged', 'shadow_blocked'); map both sides
        return [r for r in rows if r.state == "pending"] + query(state="pending")
'''),
    ("compared-logged-or-followed-is-fine", _HEAD + f'''
def start(phone):
    res = {_CREATE}
    status = res.create_authentication_response.status
    log.info("status %s", status)
    return status == components.Status.PENDING
''', None),
]


# --- documentation and examples (docs/codemods.md; tests/codemods/test_codemod_examples.py) ---
from codemods.core.examples import CodemodDocs, CodemodExample, NoOp  # noqa: E402

DOCS = CodemodDocs(
    what="Runs first and writes comments only: a TODO on each line where a v1 value (response, payload, "
         "status, line type, error code, id, exception) leaves what the codemods can see or changes meaning: "
         "returned, stored, passed to other code, used as a key, parsed as a UUID. The other codemods ask the "
         "same analysis (`codemods/core/flow.py`) what they may rewrite.",
    why="A rewrite is only safe when the whole flow of the value is visible: a v1 status used as a dict key "
        "or a response returned to a caller would silently behave differently on v2.",
    fix_safety="Comments only: it never changes code. The flow is followed per module (assignments, "
               "containers, subscripts, returns, closures, module globals); values passed in from other modules "
               "are not traced, they are marked where they leave.",
    examples=(
        CodemodExample('''
            import uuid

            import ding
            from ding.models import components

            client = ding.Ding(api_key=KEY)


            def start(phone):
                res = client.otp.create_authentication(components.CreateAuthenticationRequest(customer_uuid=CUSTOMER, phone_number=phone))
                label = LABELS[res.create_authentication_response.status]
                return uuid.UUID(res.create_authentication_response.authentication_uuid)
            ''', '''
            import uuid
            from prelude_python_sdk import Prelude

            # TODO(prelude-migration): v2 needs a v2 API key (Prelude dashboard > API Keys, sent as Authorization: Bearer); v1 X-API-Key keys are refused: make sure this value is the v2 key
            client = Prelude(api_token=KEY, max_retries=0)


            def start(phone):
                res = client.verification.create(target={"type": "phone_number", "value": phone})
                # TODO(prelude-migration): a v1 status is used as a lookup key here, unmapped: v2 uses other statuses; map it where it is used (or map both sides)
                label = LABELS[res.status]
                # TODO(prelude-migration): v2 verification ids are not UUIDs (they start with 'vrf_'): do not parse or validate them as UUIDs
                return uuid.UUID(res.id)
            ''', note="A status used as a key and an id parsed as a UUID."),
        CodemodExample('''
            import ding
            from ding.models import components

            client = ding.Ding(api_key=KEY)


            def start(phone):
                res = client.otp.create_authentication(components.CreateAuthenticationRequest(customer_uuid=CUSTOMER, phone_number=phone))
                return res
            ''', '''
            from prelude_python_sdk import Prelude

            # TODO(prelude-migration): v2 needs a v2 API key (Prelude dashboard > API Keys, sent as Authorization: Bearer); v1 X-API-Key keys are refused: make sure this value is the v2 key
            client = Prelude(api_token=KEY, max_retries=0)


            def start(phone):
                res = client.verification.create(target={"type": "phone_number", "value": phone})
                # TODO(prelude-migration): a v1 SDK response is returned here: v2 returns another model (other fields and statuses); update the code that reads it
                return res
            ''', note="A response returned to the callers, whose reads this module cannot see."),
    ),
    no_ops=(
        NoOp('''
            import uuid

            def parse(order_id):
                return uuid.UUID(order_id)
            ''', "A UUID parse of a value that is no v1 id is not marked."),
    ),
)
