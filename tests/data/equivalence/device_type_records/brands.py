"""Per-brand settings in a module dict of records, one of them the v1 DeviceType to send."""
import ding
from ding.models import components

BRANDS = {
    "shop": {"customer": "00000000-0000-4000-8000-000000000001", "device": components.DeviceType.IOS,
             "locale": "fr-FR"},
    "bank": {"customer": "00000000-0000-4000-8000-000000000001", "device": components.DeviceType.ANDROID,
             "locale": "en-GB"},
}


def make_client(key):
    return ding.Ding(api_key=key)  # site: client


def start(client, brand, phone):
    settings = BRANDS[brand]
    res = client.otp.create_authentication(components.CreateAuthenticationRequest(  # site: create
        customer_uuid=settings["customer"], phone_number=phone, device_type=settings["device"]))
    return res.create_authentication_response.authentication_uuid is not None  # site: create-read
