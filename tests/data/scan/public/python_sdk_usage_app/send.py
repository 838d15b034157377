"""Shape of the usage examples in ding-live/ding-python README.md (rewritten, not copied)."""
import os

import ding
from ding.models import components

s = ding.Ding(
    api_key=os.environ["DING_API_KEY"],
)

req = components.CreateCheckRequest(
    customer_uuid=os.environ["DING_CUSTOMER_UUID"],
    authentication_uuid=os.environ["AUTH_UUID"],
    check_code="123456",
)

res = s.otp.check(req)

if res.create_check_response is not None:
    print(res.create_check_response.status)
