"""PM202 otp-via-messaging: a one-time code sent through the Transactional or Notify API
(advice, info).

Anchors: a ``transactional``/``notify`` send call or a ``/v2/transactional`` or ``/v2/notify``
URL, in any language. Flagged when, within the next lines, the message ``variables`` carry a
code: a key such as ``code``/``otp``/``verification_code``, or a value that is generated on the
spot (``randint``, ``secrets``, ``randomInt``...). Prelude recommends the Verification API for
OTP (fraud protection, multi-channel routing, code generation and checking).
"""
from __future__ import annotations

import re

from compat.knowledge.operations import OPERATIONS
from migrate.findings import RuleInfo
from migrate.scan.context import Example, Hit
from migrate.scan.rules._common import docs_url

RULE = RuleInfo(
    id="PM202", name="otp-via-messaging",
    title="One-time code sent as a message: use the Verification API", deadline=None, fixable=False,
    docs_url=docs_url("PM202"), fixed_severity="info",
)
TEXT_IN_PYTHON = True

_ANCHOR = re.compile(
    r"(?:\.(?:transactional|notify|Transactional|Notify)(?:\(\))?|->(?:transactional|notify))\s*(?:\.|->)\s*"
    r"(?:send|send_batch|sendBatch|Send|SendBatch|SendAsync|SendBatchAsync)\s*\("
    r"|/v2/(?:transactional|notify)(?:/batch)?(?![\w\-])")
_VARIABLES = re.compile(r"\bvariables\b", re.IGNORECASE)
_OTP_NAMES = r"(?:otp|otp_?code|one_?time_?(?:code|password)|verification_?code|verify_?code|passcode|pin_?code|code)"
_OTP_KEY = re.compile(r"""["':]?\b%s\b["']?\s*(?::|=>|=(?!=))""" % _OTP_NAMES, re.IGNORECASE)
_OTP_VALUE = re.compile(r"(?::|=>|=(?!=))\s*(?:[\w.]+\.)?(?:%s\b|\w*(?:randint|randbelow|randrange|token_hex|randomInt|RandomNumberGenerator|rand\.Intn|SecureRandom)\b)"
                        % _OTP_NAMES, re.IGNORECASE)
WINDOW_LINES = 12
MESSAGE = ("one-time code sent through the messaging API: use the Verification API "
           f"(POST {OPERATIONS['create'].v2_path}; fraud protection, multi-channel routing, code checking)")


def match(ctx):
    anchors = list(_ANCHOR.finditer(ctx.text))
    for index, m in enumerate(anchors):
        line, _ = ctx.position(m.start())
        end = ctx.offset_of_line(line + WINDOW_LINES)
        if index + 1 < len(anchors):
            end = min(end, anchors[index + 1].start())
        variables = _VARIABLES.search(ctx.text, m.end(), end)
        if variables is None:
            continue
        if _OTP_KEY.search(ctx.text, variables.end(), end) or _OTP_VALUE.search(ctx.text, variables.end(), end):
            yield Hit(m.start(), m.end(), MESSAGE)


EXAMPLES = (
    Example("otp.py", "import secrets\ncode = f'{secrets.randbelow(10**6):06d}'\n"
            "client.notify.send(template_id='otp_tpl', to=phone,\n                   variables={'code': code})\n",
            ((3, 7),)),
    Example("otp.ts", "await client.transactional.send({\n  templateId: 'tpl',\n  to: phone,\n"
            "  variables: { otp: String(crypto.randomInt(100000, 999999)) },\n});\n", ((1, 13),)),
    Example("otp.go", 'client.Notify.Send(ctx, prelude.NotifySendParams{\n\tTo: prelude.F(phone),\n'
            '\tVariables: prelude.F(map[string]string{"code": otp}),\n})\n', ((1, 7),)),
    Example("otp.sh", 'curl https://api.prelude.dev/v2/notify -H "Authorization: Bearer $T" \\\n'
            '  -d \'{"template_id": "t", "to": "+33600000000", "variables": {"otp": "123456"}}\'\n', ((1, 29),)),
    # near misses: a notification with ordinary variables; a code that is not a variable
    Example("order.py", "client.notify.send(template_id='shipped', to=phone,\n"
            "                   variables={'order_id': order.id, 'eta': eta})\nstatus_code = 200\n"),
    Example("notify.ts", "await client.notify.send({ templateId: 't', to });\nconst code = 3;\n"),
)
