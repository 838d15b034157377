"""Log masking: phone numbers keep only their last two digits, secrets vanish, ids stay."""
import logging

import pytest

from migrate.servers.masking import MaskingFilter, mask


@pytest.mark.parametrize("text, expected", [
    ("GET /v1/lookup/+33612345678 HTTP/1.1", "GET /v1/lookup/+*********78 HTTP/1.1"),
    ("GET /v2/lookup/%2B4915112345678 HTTP/1.1", "GET /v2/lookup/%2B***********78 HTTP/1.1"),
    ("phone 33612345678 sent", "phone *********78 sent"),
    ("/x?api_key=sk_test_123&page=2", "/x?api_key=***&page=2"),
    ("/x?token=abc", "/x?token=***"),
    ("Authorization: Bearer sk_test_123", "Authorization: Bearer ***"),
    # left alone: UUIDs, ports, short numbers, timestamps
    ("GET /v1/authentication/00000000-0000-4000-8000-000000000001", None),
    ("127.0.0.1:54321 - 200", None),
    ("took 1234 ms at 2026-05-04T12:00:00.000Z", None),
])
def test_mask(text, expected):
    assert mask(text) == (text if expected is None else expected)


def test_the_filter_masks_access_records_and_other_records():
    access = logging.LogRecord("uvicorn.access", logging.INFO, __file__, 1, '%s - "%s %s HTTP/%s" %d',
                               ("127.0.0.1:5000", "GET", "/v1/lookup/+33612345678", "1.1", 200), None)
    assert MaskingFilter().filter(access)
    assert access.getMessage() == '127.0.0.1:5000 - "GET /v1/lookup/+*********78 HTTP/1.1" 200'
    other = logging.LogRecord("migrate", logging.WARNING, __file__, 1, "v2 refused %s with key %s",
                              ("+33612345678", "Bearer sk_x"), None)
    assert MaskingFilter().filter(other)
    assert other.getMessage() == "v2 refused +*********78 with key Bearer ***"
