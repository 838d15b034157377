"""Plausible default lookup data for the fakes (fake: invented carriers; override with set_lookup)."""
from __future__ import annotations

from typing import Dict

# Calling-code prefix -> (ISO alpha-2, carrier, mcc, mnc). Longest prefix wins.
_NETWORKS = {
    "+1": ("US", "Fake Wireless US", "310", "260"),
    "+33": ("FR", "Fake Mobile FR", "208", "01"),
    "+44": ("GB", "Fake Mobile GB", "234", "10"),
    "+49": ("DE", "Fake Mobile DE", "262", "01"),
    "+34": ("ES", "Fake Mobile ES", "214", "07"),
    "+39": ("IT", "Fake Mobile IT", "222", "01"),
    "+91": ("IN", "Fake Mobile IN", "404", "10"),
    "+55": ("BR", "Fake Mobile BR", "724", "05"),
}
_FALLBACK = ("US", "Fake Carrier", "001", "01")


def default_lookup(phone: str) -> Dict[str, str]:
    for prefix in sorted(_NETWORKS, key=len, reverse=True):
        if phone.startswith(prefix):
            country, carrier, mcc, mnc = _NETWORKS[prefix]
            break
    else:
        country, carrier, mcc, mnc = _FALLBACK
    return {"country_code": country, "carrier": carrier, "mcc": mcc, "mnc": mnc, "caller_name": "FAKE CALLER"}
