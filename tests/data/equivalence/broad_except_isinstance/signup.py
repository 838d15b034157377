"""A signup endpoint with one broad handler that narrows the v1 exception with isinstance."""
import ding
from ding.models import components, errors

CUSTOMER_UUID = "00000000-0000-4000-8000-000000000001"


class Signup:
    def __init__(self, key):
        self.ding = ding.Ding(api_key=key)  # site: client

    def send(self, phone):
        try:
            self.ding.otp.create_authentication(components.CreateAuthenticationRequest(  # site: create
                customer_uuid=CUSTOMER_UUID, phone_number=phone))
        except Exception as exc:  # site: handler
            if isinstance(exc, (errors.ErrorResponse,)):
                return {"ok": False, "bad_number": exc.code.value == "invalid_phone_number",  # site: narrowed
                        "has_message": bool(exc.message)}
            return {"ok": False, "api_error": False}
        return {"ok": True}
