"""Flask-style views (a tiny route table stands in for Flask) over a module-level ding client."""
import os

from ding import Ding
from ding.models import components, errors

ROUTES = {}
ding_client = Ding(api_key=os.environ["DING_API_KEY"])  # site: client
CUSTOMER_UUID = os.environ.get("DING_CUSTOMER_UUID", "00000000-0000-4000-8000-000000000001")


def route(path):
    def register(view):
        ROUTES[path] = view
        return view
    return register


@route("/otp/send")
def send_code(request):
    phone = request["json"]["phone"]
    try:
        response = ding_client.otp.create_authentication(request=components.CreateAuthenticationRequest(  # site: create
            customer_uuid=CUSTOMER_UUID,
            phone_number=phone,
            ip=request["remote_addr"],
            device_type=components.DeviceType.WEB,
        ))
    except errors.ErrorResponse as error:  # site: create-error
        return {"error": error.code.value}, 400
    return {"verification": response.create_authentication_response.authentication_uuid}, 200  # site: create-id


@route("/otp/verify")
def verify_code(request):
    body = request["json"]
    result = ding_client.otp.check(request=components.CreateCheckRequest(  # site: check
        customer_uuid=CUSTOMER_UUID,
        authentication_uuid=body["verification"],
        check_code=body["code"],
    ))
    if result.create_check_response.status == components.CheckStatus.VALID:  # site: check-status
        return {"verified": True}, 200
    return {"verified": False}, 401
