"""``leadcheck data refresh-rdap``: the bootstrap file checked, then written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from leadcheck.cli import main

SHIPPED = Path(__file__).resolve().parents[2] / "data" / "rdap_dns.json"


def test_refresh_from_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "rdap.json"
    assert main(["data", "refresh-rdap", "--from", str(SHIPPED), "-o", str(out), "--json"]) == 0
    done = json.loads(capsys.readouterr().out)
    assert out.read_bytes() == SHIPPED.read_bytes()
    assert done["publication"].startswith("2026-07-23")
    assert done["services"] == 590


def test_a_bad_file_changes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"services": "none"}', encoding="utf-8")
    out = tmp_path / "rdap.json"
    out.write_text("old", encoding="utf-8")
    assert main(["data", "refresh-rdap", "--from", str(bad), "-o", str(out)]) == 3
    err = capsys.readouterr().err
    assert "bad.json" in err
    assert out.read_text(encoding="utf-8") == "old"


def test_a_missing_file_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nope.json"
    # a named file that does not exist is exit 2, for every command (docs/exit-codes.md)
    assert main(["data", "refresh-rdap", "--from", str(missing), "-o", str(tmp_path / "x")]) == 2
    err = capsys.readouterr().err
    assert "cannot read" in err
    assert "nope.json" in err
    assert not (tmp_path / "x").exists()


def test_a_file_that_cannot_be_read_is_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # it exists, but is a directory: the work could not run
    assert main(["data", "refresh-rdap", "--from", str(tmp_path), "-o", str(tmp_path / "x")]) == 1
    assert "cannot read" in capsys.readouterr().err
