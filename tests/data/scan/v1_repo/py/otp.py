import ding
from ding.models import components, errors

client = ding.Ding(api_key="test-v1-key")


def send(phone):
    try:
        res = client.otp.create_authentication(request=components.CreateAuthenticationRequest(
            customer_uuid="c", phone_number=phone, callback_url="https://example.test/hook"))
    except errors.ErrorResponse:
        return None
    return res.create_authentication_response.authentication_uuid
