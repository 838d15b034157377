"""The device type chosen from the request: a dict of enum members and a conditional."""
from ding import Ding
from ding.models import components

CUSTOMER_UUID = "00000000-0000-4000-8000-000000000001"
DEVICE_TYPES = {"ios": components.DeviceType.IOS, "android": components.DeviceType.ANDROID}


class Sender:
    def __init__(self, key):
        self.sdk = Ding(api_key=key)  # site: client

    def from_platform(self, phone, platform):
        res = self.sdk.otp.create_authentication(components.CreateAuthenticationRequest(  # site: create-dict
            customer_uuid=CUSTOMER_UUID, phone_number=phone,
            device_type=DEVICE_TYPES.get(platform, components.DeviceType.WEB)))
        return res.create_authentication_response.status.value  # site: dict-status

    def from_flag(self, phone, is_ios):
        res = self.sdk.otp.create_authentication(components.CreateAuthenticationRequest(  # site: create-conditional
            customer_uuid=CUSTOMER_UUID, phone_number=phone,
            device_type=components.DeviceType.IOS if is_ios else components.DeviceType.ANDROID))
        return res.create_authentication_response.status.value  # site: conditional-status
