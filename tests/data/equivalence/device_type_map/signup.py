"""The client platform, read from a header, mapped to DeviceType through a module dict."""
import ding
from ding.models import components

CUSTOMER_UUID = "00000000-0000-4000-8000-000000000001"
CLIENT_PLATFORMS = {
    "okhttp": components.DeviceType.ANDROID,
    "cfnetwork": components.DeviceType.IOS,
}


class Signup:
    def __init__(self, key):
        self.sdk = ding.Ding(api_key=key)  # site: client

    def start(self, phone, user_agent):
        platform = CLIENT_PLATFORMS[user_agent.split("/")[0].lower()]
        res = self.sdk.otp.create_authentication(components.CreateAuthenticationRequest(  # site: create
            customer_uuid=CUSTOMER_UUID, phone_number=phone, device_type=platform))
        return res.create_authentication_response.authentication_uuid is not None  # site: create-read

    def start_app(self, phone, is_ios):
        res = self.sdk.otp.create_authentication(components.CreateAuthenticationRequest(  # site: create-app
            customer_uuid=CUSTOMER_UUID, phone_number=phone,
            device_type=components.DeviceType.IOS if is_ios else components.DeviceType.ANDROID))
        return res.create_authentication_response.authentication_uuid is not None
