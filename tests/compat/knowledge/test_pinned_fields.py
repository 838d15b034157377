"""Pinned facts: endpoints and how request/response fields move, written out by hand from
Prelude's documentation (v1 API reference pages, v2 create/check/lookup pages, the migration
guide; docs/reference/mapping.md, "Operations" and "Fields"). Checked in the tables and through
``compat.translate``."""
import pytest

from compat import translate
from compat.knowledge import operations as ops
from compat.knowledge import sdk_shapes
import reverse_translate

# operation -> (v1 method, v1 path under /v1, v2 method, v2 path, prelude_python_sdk call)
OPERATIONS = {
    "create": ("POST", "/authentication", "POST", "/v2/verification", "verification.create"),
    "check": ("POST", "/check", "POST", "/v2/verification/check", "verification.check"),
    "retry": ("POST", "/retry", "POST", "/v2/verification", "verification.create"),
    "feedback": ("POST", "/authentication/feedback", "POST", "/v2/watch/feedback", "watch.send_feedbacks"),
    "status": ("GET", "/authentication/{auth_uuid}", "GET", "/v2/verification/phone/history/{id}",
               "verification.phone.history.retrieve"),
    "lookup": ("GET", "/lookup/{phone_number}", "GET", "/v2/lookup/{phone_number}", "lookup.lookup"),
}
# v1 create field -> (v2 section or None for top level, v2 key or None if dropped)
CREATE_FIELDS = {
    "customer_uuid": (None, None), "phone_number": (None, "target"), "ip": ("signals", "ip"),
    "device_id": ("signals", "device_id"), "device_type": ("signals", "device_platform"),
    "app_version": ("signals", "app_version"), "os_version": ("signals", "os_version"),
    "device_model": ("signals", "device_model"), "is_returning_user": ("signals", "existing_user"),
    "sender_id": ("options", "sender_id"), "callback_url": ("options", "callback_url"),
    "app_realm": ("options", "app_realm"), "template_id": ("options", "template_id"),
    "locale": ("options", "locale"), "correlation_id": ("metadata", "correlation_id"),
}
CHECK_FIELDS = {"customer_uuid": None, "authentication_uuid": None, "check_code": "code"}
# v1 lookup response field -> v2 source
LOOKUP_FIELDS = {
    "phone_number": "phone_number", "mcc": "network_info.mcc", "mnc": "network_info.mnc",
    "carrier": "network_info.carrier_name", "caller_name": "caller_name", "country_code": "country_code",
    "number_ported": "flags:ported", "temporary_phone_number": "flags:temporary", "line_type": "line_type",
}
# v1 SDK response payload field -> prelude_python_sdk attribute (None: no v2 equivalent)
SDK_RESPONSE_FIELDS = {
    "create": {"authentication_uuid": "id", "status": "status", "created_at": None, "expires_at": None},
    "check": {"authentication_uuid": "id", "status": "status"},
    "retry": {"authentication_uuid": "id", "status": "status", "created_at": None, "next_retry_at": None,
              "remaining_retry": None},
    "feedback": {"uuid": None},
}


def test_operations():
    got = {name: (op.v1_method, op.v1_path, op.v2_method, op.v2_path, op.v2_sdk_call)
           for name, op in ops.OPERATIONS.items()}
    assert got == OPERATIONS


def test_field_tables():
    assert dict(ops.CREATE_FIELD_MOVES) == CREATE_FIELDS
    assert dict(ops.CHECK_FIELD_MOVES) == CHECK_FIELDS
    assert dict(ops.LOOKUP_FIELD_MOVES) == LOOKUP_FIELDS
    assert {k: dict(v) for k, v in sdk_shapes.SDK_V1_RESPONSE_FIELDS.items()} == SDK_RESPONSE_FIELDS
    assert set(ops.V1_CREATE_BOOLEAN_FIELDS) == {"is_returning_user"}


V1_CREATE = {
    "customer_uuid": "00000000-0000-4000-8000-000000000001", "phone_number": "+33612345678",
    "ip": "192.0.2.1", "device_id": "dev-1", "device_type": "ANDROID", "app_version": "1.2",
    "os_version": "14", "device_model": "Pixel", "is_returning_user": True, "sender_id": "ACME",
    "callback_url": "https://example.test/cb", "app_realm": "abcdefghijk", "template_id": "tpl",
    "locale": "fr-FR", "correlation_id": "corr-1",
}
V2_CREATE = {
    "target": {"type": "phone_number", "value": "+33612345678"},
    "signals": {"ip": "192.0.2.1", "device_id": "dev-1", "device_platform": "android", "app_version": "1.2",
                "os_version": "14", "device_model": "Pixel", "existing_user": True},
    "options": {"sender_id": "ACME", "callback_url": "https://example.test/cb",
                "app_realm": {"platform": "android", "value": "abcdefghijk"}, "template_id": "tpl",
                "locale": "fr-FR"},
    "metadata": {"correlation_id": "corr-1"},
}


def test_every_create_field_through_the_translator():
    assert translate.create_request_to_v2(V1_CREATE) == V2_CREATE
    back = dict(V1_CREATE)
    back.pop("customer_uuid")
    assert reverse_translate.create_request_to_v1(V2_CREATE) == back


def test_check_fields_through_the_translator():
    assert translate.check_request_to_v2({"customer_uuid": "c", "authentication_uuid": "u", "check_code": "1234"},
                                         "+33612345678") == {
        "target": {"type": "phone_number", "value": "+33612345678"}, "code": "1234"}


V2_LOOKUP = {"phone_number": "+33612345678", "country_code": "FR", "line_type": "mobile", "caller_name": "ACME",
             "flags": ["ported"], "network_info": {"carrier_name": "Orange", "mcc": "208", "mnc": "01"}}
V1_LOOKUP = {"phone_number": "+33612345678", "mcc": "208", "mnc": "01", "carrier": "Orange",
             "caller_name": "ACME", "country_code": "FR", "number_ported": True, "temporary_phone_number": False,
             "line_type": "Mobile"}


def test_every_lookup_field_through_the_translator():
    assert translate.lookup_response_to_v1(V2_LOOKUP) == V1_LOOKUP
    assert reverse_translate.lookup_response_to_v2(V1_LOOKUP) == V2_LOOKUP


@pytest.mark.parametrize("flags,ported,temporary", [(["temporary"], False, True), ([], False, False)])
def test_lookup_flags(flags, ported, temporary):
    v1 = translate.lookup_response_to_v1({"flags": flags})
    assert (v1["number_ported"], v1["temporary_phone_number"]) == (ported, temporary)
