"""A request model built first, then the log line masks the number before the call."""
import logging

import ding
from ding.models import components

log = logging.getLogger(__name__)
CUSTOMER_UUID = "00000000-0000-4000-8000-000000000001"


def mask(phone):
    return phone[:4] + "*" * (len(phone) - 6) + phone[-2:]


def client_for(key):
    return ding.Ding(api_key=key)  # site: client


def send(sdk, phone):
    req = components.CreateAuthenticationRequest(customer_uuid=CUSTOMER_UUID, phone_number=phone, ip="192.0.2.1")  # site: model
    phone = mask(phone)
    log.info("sending a code to %s", phone)
    res = sdk.otp.create_authentication(request=req)  # site: create
    return {"to": phone, "sent": res.create_authentication_response.status == components.Status.PENDING}
