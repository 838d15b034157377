"""A repository layer returns the v1 payload; the service layer reads it."""
import ding
from ding.models import components, operations

CUSTOMER_UUID = "00000000-0000-4000-8000-000000000001"


class Repository:
    def __init__(self, key):
        self.client = ding.Ding(api_key=key)  # site: client

    def create(self, phone) -> operations.CreateAuthenticationResponse:
        return self.client.otp.create_authentication(components.CreateAuthenticationRequest(  # site: create
            customer_uuid=CUSTOMER_UUID, phone_number=phone))

    def payload(self, phone):
        res = self.client.otp.create_authentication(components.CreateAuthenticationRequest(  # site: create-payload
            customer_uuid=CUSTOMER_UUID, phone_number=phone))
        return res.create_authentication_response  # site: return-payload


def start(repo, phone):
    res = repo.create(phone)
    return {"id": res.create_authentication_response.authentication_uuid,  # site: caller-read
            "code": res.status_code}  # site: status-code


def start_payload(repo, phone):
    payload = repo.payload(phone)
    return [payload.authentication_uuid, payload.status.value]  # site: payload-read
