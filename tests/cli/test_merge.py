"""``leadcheck merge`` from the command line, without the network: shards of a run with
the fake session (tests/batch/fakes.py) merged again, and what merge refuses.

tests/batch/test_scaling.py compares merged shards with one run through the real
session over the fake network (a world test); these stay in the fast suite.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from leadcheck.batch.merge import MissingRowsError, merge_outputs
from leadcheck.cli import ExitCode, main
from tests.batch.fakes import patch_session
from tests.batch.files import table_of, write_csv

# Cells a spreadsheet could run as formulas: CSV output carries them with a leading
# apostrophe, every other format as they are.
ROWS = [
    ["Company", "Email", "Phone", "Message", "=Note"],
    ["=SUM(1+1)", "a@gmail.com", "+49 30 1234567", "=1+1", "-1"],
    ["B", "b@acme-test.de", "+1 415 555 0100", "hi", ""],
    ["C", "c@other-test.fr", "+33 4 72 12 34 56", "-x", "@x"],
    ["D", "d@third-test.it", "+39 051 634 5678", "@y", ""],
    ["E", "e@fake.example", "", "+z", ""],
    ["F", "f@fourth-test.es", "", " =cmd", ""],
    ["G", "", "", "nothing to check", ""],
    ["H", "h@fifth-test.nl", "", "\t@tab", ""],
]
SKIP = ("checked_at",)
FORMATS = (".csv", ".jsonl", ".json", ".xlsx")


@pytest.fixture(autouse=True)
def _fake_session(monkeypatch: pytest.MonkeyPatch) -> None:
    patch_session(monkeypatch)


def leads(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "leads.csv", ROWS, encoding="utf-8")


def shards(tmp_path: Path, suffix: str = ".csv", *, db: bool = False) -> list[Path]:
    """The two shards' outputs (and, with ``db``, databases results-K.sqlite3)."""
    parts = []
    for index in range(2):
        part = tmp_path / f"part-{index}{suffix}"
        store = ["--db", str(tmp_path / f"results-{index}.sqlite3")] if db else ["--no-db"]
        args = ["batch", str(leads(tmp_path)), "--shard", f"{index}/2", "-o", str(part)]
        assert main([*args, "--workers", "1", "-q", *store]) == ExitCode.OK
        parts.append(part)
    return parts


def numbers(part: Path) -> list[int]:
    with part.open(encoding="utf-8-sig", newline="") as handle:
        return [int(row[0]) for row in list(csv.reader(handle))[1:]]


def test_the_split_puts_rows_in_both_shards(tmp_path: Path) -> None:
    first, second = shards(tmp_path)
    assert numbers(first)
    assert numbers(second)
    assert sorted(numbers(first) + numbers(second)) == list(range(1, len(ROWS)))


@pytest.mark.parametrize("shard_suffix", [".csv", ".jsonl"])
@pytest.mark.parametrize("suffix", FORMATS)
def test_merged_shards_are_what_one_run_writes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], shard_suffix: str, suffix: str
) -> None:
    """No CSV apostrophe survives into JSON or a workbook, and CSV gets it once."""
    parts = shards(tmp_path, shard_suffix)
    whole = tmp_path / f"whole{suffix}"
    args = ["batch", str(leads(tmp_path)), "-o", str(whole), "--no-db", "--workers", "1", "-q"]
    assert main(args) == ExitCode.OK
    merged = tmp_path / f"merged{suffix}"
    capsys.readouterr()
    assert main(["merge", *map(str, parts), "-o", str(merged)]) == ExitCode.OK
    assert (
        capsys.readouterr().err == f"leadcheck: merged 8 rows from 2 shard outputs into {merged}\n"
    )
    assert table_of(merged, SKIP) == table_of(whole, SKIP)
    cells = table_of(merged, SKIP)
    if suffix == ".csv":
        assert cells[0][4] == "'=Note"
        assert cells[1][:5] == ["'=SUM(1+1)", "a@gmail.com", "'+49 30 1234567", "'=1+1", "'-1"]
    else:
        assert cells[0][4] == "=Note"
        assert cells[1][:5] == ["=SUM(1+1)", "a@gmail.com", "+49 30 1234567", "=1+1", "-1"]
        assert not any(str(cell).startswith("'") for row in cells for cell in row)


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda text: text.encode("utf-16"), id="utf-16"),
        pytest.param(lambda text: text.encode("utf-8")[:40] + b"\xff\xfe\x81" * 50, id="bytes"),
    ],
)
def test_a_shard_output_that_is_not_utf8_is_one_error_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str, damage: Any
) -> None:
    first, second = shards(tmp_path, suffix)
    first.write_bytes(damage(first.read_text("utf-8-sig")))
    merged = tmp_path / "merged.csv"
    capsys.readouterr()
    assert main(["merge", str(first), str(second), "-o", str(merged)]) == ExitCode.ERROR
    err = capsys.readouterr().err
    assert err.startswith(f"leadcheck: error: {first}: not UTF-8 text")
    assert err.count("\n") == 1
    assert not merged.exists()


def test_rows_in_no_shard_output_are_an_error_naming_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    parts = shards(tmp_path, db=True)
    # the shard holding row 1 is left out: its rows are gaps before the other's
    given = next(part for part in parts if 1 not in numbers(part))
    left_out = parts.index(given) ^ 1
    absent = [n for n in range(1, max(numbers(given))) if n not in numbers(given)]
    merged = tmp_path / "merged.csv"
    target = tmp_path / "all.sqlite3"
    capsys.readouterr()
    args = [
        "merge",
        str(given),
        "-o",
        str(merged),
        "--shard-db",
        str(tmp_path / "results-0.sqlite3"),
    ]
    assert main([*args, "--db", str(target)]) == ExitCode.ERROR
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert (
        f"rows {_ranges(absent)} ({len(absent)} in all) are in none of the 1 shard outputs" in err
    )
    assert f"{given} is shard {parts.index(given)}/2: shard {left_out}/2 is likely missing" in err
    assert "--allow-missing" in err
    assert not merged.exists()
    assert not target.exists()  # nothing merged, the databases neither

    assert main([*args, "--db", str(target), "--allow-missing"]) == ExitCode.OK
    err = capsys.readouterr().err
    assert err.startswith(f"leadcheck: warning: rows {_ranges(absent)} (")
    assert f"merged the {len(numbers(given))} rows there are (--allow-missing)" in err
    assert len(table_of(merged, SKIP)) == 1 + len(numbers(given))
    assert target.exists()

    with pytest.raises(MissingRowsError) as caught:
        merge_outputs([given], tmp_path / "again.jsonl")
    assert caught.value.gaps[0][0] == 1
    assert not (tmp_path / "again.jsonl").exists()


def _ranges(rows: list[int]) -> str:
    spans: list[list[int]] = []
    for row in rows:
        if spans and spans[-1][1] == row - 1:
            spans[-1][1] = row
        else:
            spans.append([row, row])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in spans)


def test_merge_with_json_says_what_is_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    parts = shards(tmp_path)
    given = next(part for part in parts if 1 not in numbers(part))
    capsys.readouterr()
    args = ["merge", str(given), "-o", str(tmp_path / "m.jsonl"), "--allow-missing", "--json"]
    assert main(args) == ExitCode.OK
    captured = capsys.readouterr()
    summary = json.loads(captured.out)
    assert summary["missing_rows"][0].startswith("1")
    assert "likely missing" in summary["missing"]
    assert "warning" in captured.err


def test_a_missing_named_file_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    parts = [str(part) for part in shards(tmp_path)]
    capsys.readouterr()
    nope = tmp_path / "nope.csv"
    assert main(["merge", str(nope), "-o", str(tmp_path / "x.csv")]) == ExitCode.USAGE
    assert capsys.readouterr().err == f"leadcheck: error: cannot read {nope}: no such file\n"
    assert main(["merge", *parts, str(nope), "-o", str(tmp_path / "x.csv")]) == ExitCode.USAGE
    capsys.readouterr()
    db = tmp_path / "nope.sqlite3"
    target = tmp_path / "all.sqlite3"
    args = [
        "merge",
        *parts,
        "--shard-db",
        str(db),
        "--db",
        str(target),
        "-o",
        str(tmp_path / "y.csv"),
    ]
    assert main(args) == ExitCode.USAGE
    assert capsys.readouterr().err == (
        f"leadcheck: error: cannot read {db}: no such results database\n"
    )
    assert not (tmp_path / "x.csv").exists()
    assert not (tmp_path / "y.csv").exists()
    assert not target.exists()


def test_the_report_of_a_sharded_run_as_the_error_says(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A shard refuses --report and says what to run instead; that command works and
    checks nothing again."""
    source = leads(tmp_path)
    report = tmp_path / "r.html"
    shard = ["batch", str(source), "--shard", "0/2", "-o", str(tmp_path / "p.csv")]
    assert main([*shard, "--report", str(report), "--no-db"]) == ExitCode.USAGE
    err = capsys.readouterr().err
    advice = f"'leadcheck batch {source} -o OUTPUT --report {report}'"
    assert advice in err
    parts = shards(tmp_path, db=True)
    target = tmp_path / "all.sqlite3"
    databases = [f"--shard-db={tmp_path / f'results-{index}.sqlite3'}" for index in range(2)]
    merge = ["merge", *map(str, parts), "-o", str(tmp_path / "merged.csv"), *databases]
    assert main([*merge, "--db", str(target)]) == ExitCode.OK
    capsys.readouterr()
    command = advice.strip("'").split()[1:]
    command[command.index("OUTPUT")] = str(tmp_path / "whole.xlsx")
    assert main([*command, "--db", str(target), "--json", "--workers", "1"]) == ExitCode.OK
    summary = json.loads(capsys.readouterr().out)
    assert summary["checked"] == 0
    assert summary["cached"] == len(ROWS) - 2  # every row but the one without a lead
    assert "<html" in report.read_text("utf-8")
