"""Help reads like a conventional Unix tool's, whatever Typer's version does."""

from __future__ import annotations

import re

import pytest

from leadcheck.cli import ExitCode, main

COMMANDS = ["verify", "score", "followup", "batch", "taxonomy", "config", "demo"]


@pytest.mark.parametrize("command", COMMANDS)
def test_no_type_noise_in_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([command, "--help"]) == ExitCode.OK
    text = capsys.readouterr().out
    assert text.startswith(f"Usage: leadcheck {command} [OPTIONS]")
    assert "<bool>" not in text
    assert "<str>" not in text
    assert "<float>" not in text
    assert "[[" not in text
    assert "{" not in text
    assert not re.search(r"--\w[\w-]* [PE]\b", text), "a metavar that says nothing"
    assert "\x1b" not in text  # plain text, no styling codes


def test_usage_lines() -> None:
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(["batch", "--help"])
        main(["score", "--help"])
        main(["followup", "--help"])
    text = out.getvalue()
    assert "Usage: leadcheck batch [OPTIONS] INPUT\n" in text
    assert "Usage: leadcheck score [OPTIONS] [-]\n" in text
    assert "Usage: leadcheck followup [OPTIONS] [COUNTRY]\n" in text
    assert "--output PATH" in text
    assert "--timeout SECONDS" in text


def test_bare_leadcheck_is_a_usage_error_with_help_on_stderr(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main([]) == ExitCode.USAGE
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("Usage: leadcheck [OPTIONS] COMMAND [ARGS]...")
    assert "demo" in captured.err


def test_help_option_prints_to_stdout_and_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == ExitCode.OK
    text = capsys.readouterr().out
    assert "--install-completion" in text
    assert "Commands:" in text


def test_shell_completion_script(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Typer's --show-completion names the shell it detects among the test's parent
    # processes, and ignores a shell given after it; with none found (a test run from a
    # scheduler or in the background) it fails. Typer's switch makes it take the name.
    monkeypatch.setenv("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION", "1")
    assert main(["--show-completion", "bash"]) == ExitCode.OK
    assert "_leadcheck_completion" in capsys.readouterr().out
