"""Every command has help, and the README shows it (sqlite-utils' way)."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer.main

from leadcheck.cli import app, main

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


def test_the_commands() -> None:
    assert {"batch", "followup", "score", "taxonomy", "verify"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_and_is_in_the_readme(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([command, "--help"]) == 0
    out = capsys.readouterr().out
    assert "Usage:" in out
    assert f"leadcheck {command}" in README, f"the README never shows 'leadcheck {command}'"


def test_the_batch_default_concurrency_is_the_library_one() -> None:
    from leadcheck.batch.runner import DEFAULT_CONCURRENCY
    from leadcheck.cli import batch

    assert batch.DEFAULT_CONCURRENCY == DEFAULT_CONCURRENCY


def test_network_options_are_one_bundle() -> None:
    """verify, score and batch take the same network options, declared once."""
    group = typer.main.get_command(app)
    for command in ("verify", "score", "batch"):
        names = {p.name for p in group.commands[command].params}  # type: ignore[attr-defined]
        assert {"nameserver", "allow_private", "timeout", "port_map"} <= names, command
    for command in ("verify", "batch", "followup"):
        names = {p.name for p in group.commands[command].params}  # type: ignore[attr-defined]
        assert "rep_timezone" in names, command
