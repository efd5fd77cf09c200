"""A re-run on leadcheck's own output replaces its columns instead of adding copies."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from leadcheck.batch.outcome import RESULT_COLUMNS
from leadcheck.batch.own_columns import base_name, own_columns
from leadcheck.cli import ExitCode, main
from tests.batch.fakes import patch_session
from tests.batch.files import write_csv


def test_base_name() -> None:
    assert base_name("country (input) (2)") == "country"
    assert base_name("verdict (input)") == "verdict"
    assert base_name("Firma") == "Firma"


def test_plain_input_is_kept() -> None:
    found = own_columns(["Company", "Email", "verdict"])  # a user's own "verdict" column
    assert found.dropped == 0
    assert found.header == ("Company", "Email", "verdict")


def test_own_block_is_dropped_and_names_restored() -> None:
    header = ["Company", "Email", "country (input)", *RESULT_COLUMNS]
    found = own_columns(header)
    assert found.header == ("Company", "Email", "country")
    assert found.dropped == len(RESULT_COLUMNS)


def _read(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text("utf-8-sig"))))


@pytest.mark.parametrize("times", [2, 3])
def test_rerun_on_own_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, times: int) -> None:
    patch_session(monkeypatch)
    rows = [["Company", "Email", "country"], ["A", "a@a.de", "DE"], ["B", "b@fake.com", "US"]]
    current = write_csv(tmp_path / "in.csv", rows, encoding="utf-8")
    first_header: list[str] = []
    for n in range(times):
        out = tmp_path / f"out{n}.csv"
        assert main(["batch", str(current), "-o", str(out), "--no-db"]) == ExitCode.OK
        table = _read(out)
        if n == 0:
            first_header = table[0]
        assert table[0] == first_header  # no "(input) (2)", no second copy
        assert [row[0] for row in table[1:]] == ["A", "B"]
        assert [row[table[0].index("country (input)")] for row in table[1:]] == ["DE", "US"]
        current = out
    assert first_header == ["Company", "Email", "country (input)", *RESULT_COLUMNS]
