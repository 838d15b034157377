"""Receivers: a metrics counter and a log, fed by the signals (no v1 import here)."""
from signals import code_checked, code_sent

LOG = []
COUNTS = {"sent": 0, "valid": 0}


def on_sent(payload):
    COUNTS["sent"] += 1
    LOG.append(("sent", payload.status.value))  # site: on-sent


code_sent.connect(on_sent)


@code_checked.register
def on_checked(result):
    if result.status.value == "valid":  # site: on-checked
        COUNTS["valid"] += 1
    LOG.append(("checked", result.authentication_uuid is not None))  # site: on-checked-id
