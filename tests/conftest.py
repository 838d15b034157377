"""Shared pytest set-up. The tests mirror the source tree (tests/compat, tests/codemods,
tests/migrate); the helper modules beside this file (scan_helpers, rewrite_helpers, ...) are
importable from every test module because pytest puts this folder on sys.path for this conftest."""
