"""Conventional ``--help`` text, whatever Typer's version does by default.

Typer 0.29 writes ``<bool>`` after every flag and ``<str>`` after every argument,
wraps a required argument's name in braces (``{INPUT}``) and an optional one whose
metavar already has brackets in more of them (``[[-]]``). :class:`LeadcheckCommand`
writes help the way most Unix tools do: ``Usage: leadcheck batch [OPTIONS] INPUT``,
then the description, then the arguments and options with their metavars. Every
command registered on ``leadcheck.cli.app.app`` uses it (see ``app.py``).
"""

from __future__ import annotations

from typing import Any

import typer.core


def _argument_name(param: Any) -> str:
    name = str(param.metavar or param.name or "ARG").upper()
    if param.metavar:
        name = str(param.metavar)
    if param.nargs != 1:
        name += "..."
    return name


def _usage_piece(param: Any) -> str:
    name = _argument_name(param)
    if param.required or name.startswith("["):
        return name
    return f"[{name}]"


class LeadcheckCommand(typer.core.TyperCommand):
    """A Typer command whose usage line and help read like a conventional Unix tool's."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                pieces.append(_usage_piece(param))
        return pieces

    def format_options(self, ctx: Any, formatter: Any) -> None:
        arguments: list[tuple[str, str]] = []
        options: list[tuple[str, str]] = []
        for param in self.get_params(ctx):
            if getattr(param, "hidden", False):
                continue
            if param.param_type_name == "argument":
                arguments.append((_argument_name(param), str(getattr(param, "help", "") or "")))
                continue
            record = param.get_help_record(ctx)
            if record is not None:
                options.append(record)
        if arguments:
            with formatter.section("Arguments"):
                formatter.write_dl(arguments)
        if options:
            with formatter.section("Options"):
                formatter.write_dl(options)
