"""A checkout service whose private helpers receive the response or the error as a parameter."""
import ding
from ding.models import components, errors

CUSTOMER_UUID = "00000000-0000-4000-8000-000000000001"


def _explain(err):
    return "bad number" if err.code == errors.Code.INVALID_PHONE_NUMBER else "refused"  # site: explain


class Checkout:
    def __init__(self, key):
        self.client = ding.Ding(api_key=key)  # site: client

    def _verified(self, res):
        return res.create_check_response.status == components.CheckStatus.VALID  # site: verified

    def _id_of(self, res):
        return res.create_authentication_response.authentication_uuid  # site: id-of

    def start(self, phone):
        try:
            res = self.client.otp.create_authentication(components.CreateAuthenticationRequest(  # site: create
                customer_uuid=CUSTOMER_UUID, phone_number=phone))
        except errors.ErrorResponse as e:  # site: create-error
            return _explain(e)
        return self._id_of(res)

    def confirm(self, phone, auth, code):
        res = self.client.otp.check(components.CreateCheckRequest(  # site: check
            customer_uuid=CUSTOMER_UUID, authentication_uuid=auth, check_code=code))
        return "paid" if self._verified(res) else "try again"
