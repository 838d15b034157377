"""Keep phone numbers and keys out of logs: a pure masking function and a logging filter.

The servers see E.164 numbers in paths (``/v1/lookup/+33612345678``) and could see secrets in
query strings; every log record passes through ``MaskingFilter`` before it is written.
"""
from __future__ import annotations

import logging
import re

# A number after "+" (or its URL escape) or a bare run of 7-15 digits that stands alone (not
# part of a UUID, a word or a longer digit run).
_PHONE = re.compile(r"(?P<plus>\+|%2[Bb])(?P<digits>[0-9]{6,15})(?![0-9])|(?<![\w.:-])(?P<bare>[0-9]{7,15})(?![\w-])")
_SECRET_QUERY = re.compile(r"(?i)([?&][^=&\s\"]*(?:key|token|secret|password|auth)[^=&\s\"]*=)[^&\s\"]*")
_BEARER = re.compile(r"(?i)\b(bearer\s+)[^\s\"']+")


def _mask_digits(digits: str) -> str:
    return "*" * (len(digits) - 2) + digits[-2:]


def _mask_phone(match: "re.Match[str]") -> str:
    if match.group("plus"):
        return match.group("plus") + _mask_digits(match.group("digits"))
    return _mask_digits(match.group("bare"))


def mask(text: str) -> str:
    """``text`` with phone numbers reduced to their last two digits and secrets replaced.

    >>> mask('GET /v1/lookup/+33612345678?api_key=abc HTTP/1.1')
    'GET /v1/lookup/+*********78?api_key=*** HTTP/1.1'
    """
    text = _PHONE.sub(_mask_phone, text)
    text = _SECRET_QUERY.sub(r"\1***", text)
    return _BEARER.sub(r"\1***", text)


class MaskingFilter(logging.Filter):
    """Rewrites each record's final message through ``mask`` (attach it to the handlers)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name == "uvicorn.access" and isinstance(record.args, tuple):
            # uvicorn's AccessFormatter reads the tuple (client, method, path, version, status).
            record.args = tuple(mask(arg) if isinstance(arg, str) else arg for arg in record.args)
            return True
        message = mask(record.getMessage())
        record.msg, record.args = message, ()
        return True
