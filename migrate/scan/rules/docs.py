"""The "Rules" section of docs/scan.md. It is generated, with the ``prelude-migrate rule`` pages
and the SARIF help, by ``migrate.rule_help`` (``python -m migrate.rule_help --write``), so the
page cannot drift from the rule modules."""
from __future__ import annotations

from migrate.rule_help import docs_section as rules_markdown

__all__ = ["rules_markdown"]


if __name__ == "__main__":  # the old command keeps working: rewrites docs/scan.md's section
    from migrate.rule_help import main

    main(["--write"])
