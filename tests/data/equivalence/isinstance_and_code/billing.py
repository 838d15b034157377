"""A broad handler that narrows with isinstance inside one condition: `isinstance(e, X) and e.code == ...`."""
import ding
from ding.models import components, errors

CUSTOMER_UUID = "00000000-0000-4000-8000-000000000001"


class Sender:
    def __init__(self, key):
        self.client = ding.Ding(api_key=key)  # site: client

    def send(self, phone):
        try:
            self.client.otp.create_authentication(components.CreateAuthenticationRequest(  # site: create
                customer_uuid=CUSTOMER_UUID, phone_number=phone))
        except Exception as e:  # site: broad
            if isinstance(e, errors.ErrorResponse) and e.code == errors.Code.NEGATIVE_BALANCE:  # site: narrowed-code
                return "top up the account"
            return "try again later" if isinstance(e, errors.ErrorResponse) else "offline"
        return "sent"
