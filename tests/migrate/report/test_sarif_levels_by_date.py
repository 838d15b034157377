"""SARIF rule levels and result levels agree on every ``--today`` (both come from
``compat.knowledge.deadlines.severity_on``): a regression test for rules saying ``note`` while
their results said ``warning`` between the v1 end of support and its removal."""
import json

import pytest

from paths import DATA
from scan_helpers import run_cli

# Each deadline, the day before and after, and dates in between (hand-picked, not read from code).
DATES = ["2025-01-01", "2025-09-30", "2025-10-01", "2025-10-02", "2025-10-31", "2025-11-01",
         "2025-11-02", "2026-01-15", "2026-03-31", "2026-04-01", "2026-04-02", "2027-06-30"]
# v1-removal rules (PM101, PM103...) by date: info, then warning from the v1 end of support
# (2025-11-01), error from the removal (2026-04-01).
EXPECTED_V1_LEVEL = {d: ("note" if d < "2025-11-01" else "warning" if d < "2026-04-01" else "error")
                     for d in DATES}


@pytest.mark.parametrize("today", DATES)
def test_rule_levels_equal_result_levels(today):
    result = run_cli(["--format", "sarif", "--today", today, str(DATA / "scan" / "v1_repo")], cwd=DATA)
    run = json.loads(result.stdout)["runs"][0]
    rules = {rule["id"]: rule["defaultConfiguration"]["level"] for rule in run["tool"]["driver"]["rules"]}
    assert run["results"], "the sample repository has findings"
    for item in run["results"]:
        assert item["level"] == rules[item["ruleId"]], (today, item["ruleId"])
    assert rules["PM101"] == EXPECTED_V1_LEVEL[today]
