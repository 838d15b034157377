"""Realistic repositories a team would have, in every language and config format
(tests/data/scan/team_v1: v1 code; team_v2: the same after migration plus near misses).

Each position below was checked by hand against the file. Lock files (package-lock.json,
go.sum, poetry.lock) and Markdown install instructions are deliberately not flagged: the
manifest next to them already is, and docs install nothing (see docs/scan.md)."""
from __future__ import annotations

from scan_helpers import DATA, scan_tree

TEAM_V1_EXPECTED = {
    ".github/workflows/smoke.yml": [("PM101", 7, 24), ("PM108", 7, 73)],
    "android/OtpClient.kt": [("PM103", 3, 8), ("PM103", 4, 8), ("PM105", 6, 17), ("PM106", 10, 37)],
    "cfg/settings.json": [("PM101", 2, 19), ("PM112", 2, 47)],  # "customer_uuid" key
    "deploy/.env": [("PM101", 1, 10), ("PM111", 2, 1)],  # DING_API_KEY (DING_URL: the host is PM101)
    "deploy/Dockerfile": [("PM104", 2, 32), ("PM101", 3, 14)],  # RUN pip install ding-api-client
    "deploy/docker-compose.yml": [("PM101", 5, 18), ("PM102", 6, 19)],
    "docs/otp.md": [("PM101", 3, 10), ("PM203", 3, 56)],
    "dotnet/Otp.cs": [("PM103", 1, 7), ("PM103", 2, 7), ("PM105", 4, 11), ("PM106", 5, 25), ("PM112", 6, 5)],
    "dotnet/Otp.csproj": [("PM104", 3, 23)],
    # new DingSDK.Ding(...); a fully qualified v1 type (DingSDK.Models.Components.Security)
    "dotnet/Qualified.cs": [("PM105", 1, 11), ("PM103", 1, 42)],
    "go/alias.go": [("PM103", 3, 14), ("PM105", 5, 14)],  # ding.New(ding.WithSecurity(...))
    "go/go.mod": [("PM104", 6, 2)],
    "go/otp.go": [("PM103", 6, 14), ("PM103", 7, 3), ("PM105", 11, 7), ("PM106", 12, 20), ("PM112", 13, 3),
                  ("PM117", 19, 43)],  # ...AuthenticationUUID: the v1 response field read
    "helm/values.yaml": [("PM101", 2, 12), ("PM111", 3, 17)],  # the secret named ding-api-key holds the v1 key
    "java/OtpService.java": [("PM103", 3, 8), ("PM103", 4, 8), ("PM103", 5, 8), ("PM105", 8, 30),
                             ("PM112", 13, 57), ("PM106", 14, 29), ("PM117", 15, 57)],
    "java/build.gradle": [("PM104", 2, 21), ("PM104", 6, 20)],  # "g:a:v" and group:/name: maps
    "java/build.gradle.kts": [("PM104", 2, 21)],
    "java/pom.xml": [("PM104", 4, 7)],
    "php/Otp.php": [("PM103", 7, 5), ("PM103", 8, 5), ("PM105", 10, 8), ("PM112", 11, 51), ("PM106", 12, 24)],
    "php/composer.json": [("PM104", 4, 10)],
    "py/Pipfile": [("PM104", 2, 1)],
    "py/pyproject.toml": [("PM104", 4, 6), ("PM104", 9, 1)],
    "py/requirements.txt": [("PM104", 2, 1)],
    "py/requirements/prod.txt": [("PM104", 2, 1)],  # the requirements/ folder layout
    "ruby/Gemfile": [("PM104", 4, 5)],
    "ruby/otp.rb": [("PM103", 1, 10), ("PM105", 3, 7), ("PM112", 5, 58), ("PM106", 6, 13)],
    "scripts/send.sh": [("PM108", 3, 22), ("PM111", 3, 34), ("PM101", 3, 48), ("PM112", 4, 10),
                        ("PM111", 4, 30)],
    "tf/main.tf": [("PM111", 1, 31), ("PM111", 2, 17), ("PM101", 4, 12)],  # "ding_url" holds the v1 URL
    "web/otp.ts": [("PM103", 1, 23), ("PM103", 2, 46), ("PM103", 3, 26), ("PM105", 5, 14),
                   ("PM111", 6, 23), ("PM106", 10, 30), ("PM112", 11, 5), ("PM111", 11, 31),
                   ("PM117", 14, 14), ("PM117", 17, 33), ("PM117", 17, 61),
                   ("PM106", 19, 27), ("PM112", 19, 35), ("PM117", 19, 54), ("PM117", 19, 74)],
    # customerUuid: the v1 request field; authenticationUuid / checkCode (PM117): the other v1 fields
    # (the function's own name checkCode on line 17 is the program's, not a field)
    "web/package.json": [("PM104", 4, 6)],
}
LOCK_FILES = ("web/package-lock.json", "go/go.sum", "py/poetry.lock")


def _by_path(findings):
    found = {}
    for finding in findings:
        found.setdefault(finding.path, []).append((finding.rule, finding.line, finding.column))
    return found


def test_team_v1_repository_every_language_and_config_format_at_exact_positions():
    findings, summary = scan_tree(DATA / "team_v1")
    assert _by_path(findings) == TEAM_V1_EXPECTED
    assert summary.files_scanned == 33
    assert summary.files_parse_failed == [] and summary.files_unreadable == []


def test_lock_files_are_scanned_but_never_flagged():
    findings, summary = scan_tree(DATA / "team_v1", select=["PM104"])
    for lock_file in LOCK_FILES:
        assert (DATA / "team_v1" / lock_file).read_text().lower().count("ding") > 0
        assert not [f for f in findings if f.path == lock_file]


def test_team_v2_repository_and_near_misses_are_clean():
    # v2 SDKs in every language, a Django app named `ding`, mbktrading.live/v1,
    # api.ding.live.example.com, padding, dingding, DingTalk, ding.wav, current docs links.
    findings, summary = scan_tree(DATA / "team_v2")
    assert findings == []
    assert summary.files_scanned == 15 and summary.files_skipped_binary == 1  # ding.wav
