"""The Typer application object; command modules register on it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import typer

from leadcheck.cli.help import LeadcheckCommand

F = TypeVar("F", bound=Callable[..., Any])


class _App(typer.Typer):
    """Every command gets conventional help text (:mod:`leadcheck.cli.help`)."""

    def command(
        self, name: str | None = None, *, cls: Any = None, **kwargs: Any
    ) -> Callable[[F], F]:
        decorator: Callable[[F], F] = super().command(name, cls=cls or LeadcheckCommand, **kwargs)
        return decorator


app = _App(
    name="leadcheck",
    help="Qualify B2B sales leads: verify the inquiry, score industry fit, plan the follow-up.",
    add_completion=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@app.callback(invoke_without_command=True)
def _root(
    ctx: typer.Context,
    version: bool = typer.Option(False, "--version", help="Show the version and exit."),
) -> None:
    """Qualify B2B sales leads: verify the inquiry, score industry fit, plan the follow-up."""
    if version:
        from leadcheck.version import __version__

        typer.echo(f"leadcheck {__version__}")
        raise typer.Exit(0)
    if ctx.invoked_subcommand is None:
        from leadcheck.cli import help_to_stderr

        help_to_stderr(ctx)
        raise typer.Exit(2)
