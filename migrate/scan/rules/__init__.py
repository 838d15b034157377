"""The scanner's rules: one module per rule (see ``_common`` for the module protocol).

``ALL_RULES`` maps rule id to ``RuleInfo`` (what reporters and docs need); ``RULE_MODULES``
maps rule id to the module (what the engine runs). Ids: PM1xx are v1 usages measured against a
deadline, PM2xx are advice with a fixed info severity, PM3xx the tool's own traces (TODOs left).
"""
from __future__ import annotations

import importlib
from types import ModuleType
from typing import Dict

from migrate.findings import RuleInfo

_MODULES = (
    "pm101_v1_host", "pm102_legacy_v2_host", "pm103_v1_sdk_import", "pm104_v1_sdk_package",
    "pm105_v1_sdk_client", "pm106_v1_sdk_call", "pm107_v1_raw_http", "pm108_v1_api_key_header",
    "pm109_v1_error_handling", "pm110_callback_url", "pm111_v1_config_name",
    "pm112_v1_request_field", "pm113_v1_customer_header", "pm114_v1_path", "pm115_v1_status",
    "pm116_v1_client_call", "pm117_v1_field", "pm201_transactional_route", "pm202_otp_via_messaging", "pm203_old_docs_link",
    "pm301_migration_todo",
)

RULE_MODULES: Dict[str, ModuleType] = {}
for _name in _MODULES:
    _module = importlib.import_module(f"{__name__}.{_name}")
    RULE_MODULES[_module.RULE.id] = _module

ALL_RULES: Dict[str, RuleInfo] = {rule_id: module.RULE for rule_id, module in RULE_MODULES.items()}
RULES_BY_NAME: Dict[str, str] = {info.name: rule_id for rule_id, info in ALL_RULES.items()}


def rule_id_for(name_or_id: str) -> "str | None":
    """``PM101`` or ``v1-host`` -> ``PM101``; None if unknown."""
    if name_or_id.upper() in ALL_RULES:
        return name_or_id.upper()
    return RULES_BY_NAME.get(name_or_id.lower())


__all__ = ["ALL_RULES", "RULE_MODULES", "RULES_BY_NAME", "rule_id_for"]
