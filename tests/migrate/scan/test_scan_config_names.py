"""PM111 v1-config-name: v1 env/config names without a host, anchored so DingTalk and longer
names are not flagged, generic names only with v1 evidence in the file."""
from __future__ import annotations

from compat.knowledge.config_names import V1_CONFIG_NAMES, V1_CONFIG_NAMES_DISTINCTIVE, V2_API_KEY_ENV
from scan_helpers import AFTER_REMOVAL, BEFORE_ALL, positions, scan_tree, write_tree


def _pm111(tmp_path, files, today=AFTER_REMOVAL):
    write_tree(tmp_path, files)
    findings, summary = scan_tree(tmp_path, select=["PM111"], today=today)
    assert summary.files_parse_failed == []
    return findings


def test_every_table_name_is_flagged_in_an_env_file_with_v1_evidence(tmp_path):
    names = sorted(V1_CONFIG_NAMES)
    source = "".join(f"{name}=x\n" for name in names) + "# https://api.ding.live is gone\n"
    findings = _pm111(tmp_path, {".env": source})
    assert positions(findings) == [(line, 1) for line in range(1, len(names) + 1)]
    assert [f.snippet.split("=")[0] for f in findings] == names


def test_generic_names_need_evidence_distinctive_names_do_not(tmp_path):
    generic = sorted(set(V1_CONFIG_NAMES) - set(V1_CONFIG_NAMES_DISTINCTIVE))
    findings = _pm111(tmp_path, {"generic.env": "".join(f"{n}=x\n" for n in generic),
                                 "distinctive.env": "".join(f"{n}=x\n" for n in sorted(V1_CONFIG_NAMES_DISTINCTIVE))})
    assert {f.path for f in findings} == {"distinctive.env"}
    assert len(findings) == len(V1_CONFIG_NAMES_DISTINCTIVE)


def test_python_sdk_usage_found_by_libcst_is_evidence_for_a_generic_name(tmp_path):
    v1 = ("import os\nimport ding\n\nclient = ding.Ding(api_key=os.environ['DING_API_KEY'])\n")
    unrelated = "import os\n\nDOORBELL = os.environ['DING_API_KEY']\n"
    findings = _pm111(tmp_path, {"v1.py": v1, "bell.py": unrelated})
    assert [(f.path, f.line, f.column) for f in findings] == [("v1.py", 4, 40)]
    assert V2_API_KEY_ENV in findings[0].message and "Bearer" in findings[0].message


def test_anchoring_near_misses_in_a_file_with_v1_evidence(tmp_path):
    source = ("customer_uuid: c\n"                      # v1 evidence, not a config name itself
              "DING_TALK_TOKEN: a\nDINGTALK_API_KEY: b\nMY_DING_API_KEY: c\nDING_API_KEY_OLD: d\n"
              "ding_customer_uuids: e\nxPRELUDE_X_API: f\nPRELUDE_X_API_KEY: g\n"
              "settings.ding_api_key: h\n")            # any letter case, '.' is a boundary
    findings = _pm111(tmp_path, {"cfg.yaml": source})
    assert positions(findings) == [(9, 10)]
    assert "ding_api_key" in findings[0].message


def test_url_name_next_to_the_v1_host_is_left_to_pm101_elsewhere_it_is_reported(tmp_path):
    write_tree(tmp_path, {"app.env": "DING_URL=https://api.ding.live/v1\n",
                          "Dockerfile": "ENV DING_URL=$UPSTREAM\n# was https://api.ding.live/v1\n"})
    findings, _ = scan_tree(tmp_path, select=["PM101", "PM111"])
    got = sorted((f.path, f.rule, f.line, f.column) for f in findings)
    assert got == [("Dockerfile", "PM101", 2, 7), ("Dockerfile", "PM111", 1, 5), ("app.env", "PM101", 1, 10)]
    assert "https://api.prelude.dev/v2" in [f for f in findings if f.rule == "PM111"][0].message


def test_severity_follows_the_v1_removal_calendar(tmp_path):
    files = {"a.env": "DING_CUSTOMER_UUID=c\n"}
    before = _pm111(tmp_path, files, today=BEFORE_ALL)
    after = _pm111(tmp_path, files, today=AFTER_REMOVAL)
    assert [f.severity for f in before] == ["info"] and "days)" in before[0].message
    assert [f.severity for f in after] == ["error"] and "no customer UUID" in after[0].message
    assert after[0].deadline == "v1-removal" and not after[0].fixable


def test_suppression_comment_silences_pm111(tmp_path):
    write_tree(tmp_path, {"a.env": "# prelude-migrate: ignore[v1-config-name]\nDING_CUSTOMER_UUID=c\n"
                                   "PRELUDE_CUSTOMER_UUID=d\n"})
    findings, summary = scan_tree(tmp_path, select=["PM111"])
    assert positions(findings) == [(3, 1)] and summary.suppressed == 1
