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


def test_a_reader_that_goes_away_is_not_an_error() -> None:
    """``leadcheck taxonomy --terms | head -1``: exit 0, nothing on stderr."""
    import subprocess
    import sys

    process = subprocess.Popen(
        [sys.executable, "-m", "leadcheck", "taxonomy", "--terms"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    process.stdout.readline()
    process.stdout.close()
    _, err = process.communicate(timeout=60)
    assert process.returncode == 0
    assert b"Traceback" not in err
    assert b"Exception ignored" not in err


def test_an_output_folder_that_does_not_exist_is_said_before_the_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.csv"
    source.write_text("Email\na@a.de\n", encoding="utf-8")
    missing = tmp_path / "no-such-folder"
    for args in (["-o", str(missing / "out.csv")], ["--report", str(missing / "r.html")]):
        assert main(["batch", str(source), "--no-db", *args]) == 2
        assert "does not exist" in capsys.readouterr().err
