"""The ``prelude-migrate`` command: a thin click shell over the plain-Python APIs."""
from __future__ import annotations

import importlib

import click

from compat.knowledge.hosts import V1_HOST
from migrate import __version__

# name -> "module:attribute" of a click command; loaded when invoked so --help stays fast.
COMMANDS = {
    "scan": ("migrate.scan.command:scan",
             f"Find deprecated Prelude/Ding v1 and {V1_HOST} usage; fail CI on it."),
    "rewrite": ("migrate.rewrite:rewrite",
                "Rewrite Python code from the v1 ding SDK and v1 HTTP calls to prelude-python-sdk v2."),
    "proxy": ("migrate.servers.proxy:proxy",
              "Serve the v1 API from v2 over HTTP, for v1 code in any language (a sidecar)."),
    "sandbox": ("migrate.servers.sandbox:sandbox",
                "Serve a local Prelude v2 (and v1) API for tests, with a control API."),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx):
        return sorted(COMMANDS)

    def get_command(self, ctx, name):
        if name not in COMMANDS:
            return None
        module, _, attr = COMMANDS[name][0].partition(":")
        return getattr(importlib.import_module(module), attr)

    def format_commands(self, ctx, formatter):
        rows = [(name, COMMANDS[name][1]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="prelude-migrate")
def cli():
    """Move off the Prelude (formerly Ding) v1 API and the api.ding.live host.

    \b
    The v1 API was removed in April 2026; api.ding.live/v2 was deprecated in October 2025.
    Start with `prelude-migrate scan .`, then `prelude-migrate rewrite --diff .` for Python.
    For unchanged code that must keep running today, see the `compat` adapter (docs/compat.md).
    """


def main() -> None:
    cli(prog_name="prelude-migrate")


if __name__ == "__main__":
    main()
