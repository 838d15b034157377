"""Written for ding-client-sdk 1.3.0: create_autentication, lookup(customer_uuid, phone_number)."""
from ding import Ding
from ding.models import components, errors

CUSTOMER_UUID = "00000000-0000-4000-8000-000000000001"


class PhoneAuth:
    def __init__(self, api_key):
        self.s = Ding(api_key=api_key)  # site: client

    def send(self, phone_number):
        try:
            res = self.s.otp.create_autentication(components.CreateAuthenticationRequest(  # site: create
                customer_uuid=CUSTOMER_UUID, phone_number=phone_number,
                device_type=components.DeviceType.IOS, app_version="3.3"))
        except errors.ErrorResponse as e:  # site: create-error
            return {"error": e.code.value}
        return {"uuid": res.create_authentication_response.authentication_uuid}  # site: create-id

    def check(self, phone_number, authentication_uuid, code):
        res = self.s.otp.check(components.CreateCheckRequest(  # site: check
            customer_uuid=CUSTOMER_UUID, authentication_uuid=authentication_uuid, check_code=code))
        return res.create_check_response.status == components.CreateCheckResponseStatus.VALID  # site: check-status

    def country(self, phone_number):
        res = self.s.lookup.lookup(customer_uuid=CUSTOMER_UUID, phone_number=phone_number)  # site: lookup
        return res.lookup_response.country_code  # site: lookup-country
