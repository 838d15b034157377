"""One error style for every ``prelude-migrate`` command.

Every error a command reports is one line on stderr, ``prelude-migrate <command>: error: <what>``,
and the exit status 2; a usage error (an unknown option, a bad value) adds a second line naming
``--help``. Commands raise :class:`CliError` (or click's own exceptions); the group's ``main``
(``migrate.cli``) prints them in that style, so no command formats an error itself.
"""
from __future__ import annotations

from typing import Optional

import click

EXIT_ERROR = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, what shells report for Ctrl-C


class CliError(click.ClickException):
    """A usage, configuration or input error of a command: exit 2, nothing written."""

    exit_code = EXIT_ERROR

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.ctx = click.get_current_context(silent=True)


def command_path(ctx: Optional[click.Context], default: str = "prelude-migrate") -> str:
    return ctx.command_path if ctx is not None else default


def error_lines(exc: click.ClickException, default_path: str = "prelude-migrate") -> str:
    """The text printed for ``exc``: ``<command path>: error: <message>`` (+ a --help hint)."""
    ctx = getattr(exc, "ctx", None)
    path = command_path(ctx, default_path)
    message = exc.format_message().strip()
    lines = f"{path}: error: {message}"
    if isinstance(exc, click.UsageError) and not isinstance(exc, CliError):
        lines += f"\n{path}: run '{path} --help' for the options"
    return lines


def report(exc: click.ClickException, default_path: str = "prelude-migrate") -> int:
    click.echo(error_lines(exc, default_path), err=True)
    return EXIT_ERROR


__all__ = ["CliError", "EXIT_ERROR", "EXIT_INTERRUPTED", "error_lines", "report"]
