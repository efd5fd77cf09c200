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


def test_rerun_reads_cells_as_they_were_before_the_csv_guard(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The CSV writer puts ' before a cell that would run as a formula; a re-run on that
    output takes it off again, so the lead is the same lead (and its stored result is
    found), and the workbook written from it shows no apostrophe."""
    patch_session(monkeypatch)
    rows = [
        ["Company", "Email", "Phone", "Message"],
        ["-Acme", "a@a.de", "+49 30 1234567", "=HYPERLINK(1)"],
    ]
    source = write_csv(tmp_path / "in.csv", rows, encoding="utf-8")
    db = tmp_path / "db.sqlite3"
    first = tmp_path / "first.csv"
    assert main(["batch", str(source), "-o", str(first), "--db", str(db)]) == ExitCode.OK
    assert _read(first)[1][:4] == ["'-Acme", "a@a.de", "'+49 30 1234567", "'=HYPERLINK(1)"]
    again = tmp_path / "again.jsonl"
    assert main(["batch", str(first), "-o", str(again), "--db", str(db)]) == ExitCode.OK
    import json

    line = json.loads(again.read_text("utf-8").splitlines()[0])
    assert (line["Company"], line["Phone"], line["Message"]) == (
        "-Acme",
        "+49 30 1234567",
        "=HYPERLINK(1)",
    )
    assert line["from_cache"] is True
