"""The ``prelude-migrate`` command: a thin click shell over the plain-Python APIs."""
from __future__ import annotations

import importlib
import sys

import click

from compat.knowledge.hosts import V1_HOST
from migrate.errors import EXIT_INTERRUPTED, report

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
    "rule": ("migrate.rule_command:rule",
             "Explain a scanner rule: what it finds, why, the deadline, the fix, how to silence it."),
    "config": ("migrate.config_command:config",
               "Show the effective configuration and where each setting came from."),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx):
        return sorted(COMMANDS)

    def get_command(self, ctx, name):
        if name not in COMMANDS:
            return None
        module, _, attr = COMMANDS[name][0].partition(":")
        return getattr(importlib.import_module(module), attr)

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        """click's main, with every error in the one style of ``migrate.errors`` (exit 2)."""
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        try:
            result = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.ClickException as exc:
            sys.exit(report(exc, prog_name or "prelude-migrate"))
        except click.Abort:  # Ctrl-C outside a command's own handling
            click.echo("\nprelude-migrate: interrupted", err=True)
            sys.exit(EXIT_INTERRUPTED)
        sys.exit(result if isinstance(result, int) else 0)

    def format_commands(self, ctx, formatter):
        rows = [(name, COMMANDS[name][1]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


def _print_version(ctx, param, value) -> None:
    """``--version``, read from the installed metadata only when asked (start-up stays light)."""
    if not value or ctx.resilient_parsing:
        return
    from migrate import __version__

    click.echo(f"prelude-migrate, version {__version__}")
    ctx.exit()


@click.group("prelude-migrate", cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_print_version,
              help="Show the version and exit.")
def cli():
    """Move off the Prelude (formerly Ding) v1 API and the api.ding.live host.

    \b
    The v1 API was removed in April 2026; api.ding.live/v2 was deprecated in October 2025.
    Start with `prelude-migrate scan .`, then `prelude-migrate rewrite --diff .` for Python.
    For unchanged code that must keep running today, see the `compat` adapter (compat.md in
    the docs folder that `prelude-migrate rule --docs-path` prints).
    """


def main() -> None:
    # (no gc.freeze() at exit: frozen objects skip the collections of the interpreter's shutdown,
    # so a finalizer of an object in a cycle, e.g. a buffered file's flush, would never run)
    cli(prog_name="prelude-migrate")


if __name__ == "__main__":
    main()
