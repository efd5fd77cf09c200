"""A batch as a rep runs it: the plan recomputed from stored facts, the input never
overwritten, one line for cron, the report."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from leadcheck.batch.outcome import RowOutcome, replan
from leadcheck.cli import ExitCode, main
from leadcheck.cli.views.batch import estimate_remaining
from leadcheck.followup.rep import RepSettings
from tests.batch.fakes import patch_session
from tests.batch.files import write_csv


@pytest.fixture(autouse=True)
def _fake_session(monkeypatch: pytest.MonkeyPatch) -> None:
    patch_session(monkeypatch)


def _read(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text("utf-8-sig"))))


def test_replan_uses_the_facts_not_the_old_plan() -> None:
    old = RowOutcome(
        verdict="genuine",
        country="DE",
        phone="+497114567890",
        next_window_local="2026-09-25T09:00+02:00",
        next_window_rep="2026-09-25T15:00+08:00",
    )
    at = dt.datetime(2026, 9, 30, 8, 0, tzinfo=dt.UTC)  # five days later
    fresh = replan(old, RepSettings(timezone="Asia/Shanghai"), at=at)
    assert fresh.next_window_local is not None
    assert fresh.next_window_rep is not None
    assert dt.datetime.fromisoformat(fresh.next_window_local) >= at
    assert fresh.timezone == "Europe/Berlin"
    assert fresh.whatsapp == "https://wa.me/497114567890"
    assert fresh.next_window_rep.endswith("+08:00")
    assert replan(RowOutcome(error="bad row"), RepSettings()) == RowOutcome(error="bad row")


def test_a_stored_result_is_replanned_on_the_next_run(tmp_path: Path) -> None:
    rows = [["Company", "Email", "Country"], ["A", "a@a.de", "DE"]]
    source = write_csv(tmp_path / "in.csv", rows, encoding="utf-8")
    db = tmp_path / "db.sqlite3"
    first, second = tmp_path / "1.csv", tmp_path / "2.csv"
    assert main(["batch", str(source), "-o", str(first), "--db", str(db)]) == ExitCode.OK
    # The fake check plans as of 2025-01-06: the stored row carries that window.
    assert _read(first)[0]["next_window_local"].startswith("2025-01-06")
    assert main(["batch", str(source), "-o", str(second), "--db", str(db)]) == ExitCode.OK
    again = _read(second)[0]
    assert again["from_cache"] == "true"
    window = dt.datetime.fromisoformat(again["next_window_local"])
    assert window > dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)  # as of now, not replayed


def test_output_equal_to_input_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [["Company", "Email"], ["A", "a@a.de"]]
    source = write_csv(tmp_path / "same.csv", rows, encoding="utf-8")
    before = source.read_bytes()
    assert main(["batch", str(source), "-o", str(source), "--no-db"]) == ExitCode.USAGE
    assert "is the input file" in capsys.readouterr().err
    assert source.read_bytes() == before
    assert main(["batch", str(source), "-o", str(source), "--no-db", "--force"]) == ExitCode.OK
    assert _read(source)[0]["verdict"] == "genuine"
    assert not source.with_name("same.csv.partial").exists()


def test_strict_quiet_says_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [["Company", "Email"], ["A", "a@a.de"], ["B", ""], ["C", ""]]
    source = write_csv(tmp_path / "in.csv", rows, encoding="utf-8")
    out = tmp_path / "out.csv"
    args = ["batch", str(source), "-o", str(out), "--no-db", "--strict", "-q"]
    assert main(args) == ExitCode.ROW_ERRORS
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "2 of 3 rows have errors" in err
    assert str(out) in err


def test_summary_json_has_no_placeholder_nulls(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [["Company", "Email"], ["A", "a@a.de"]]
    source = write_csv(tmp_path / "in.csv", rows, encoding="utf-8")
    out = tmp_path / "out.csv"
    assert main(["batch", str(source), "-o", str(out), "--no-db", "--json"]) == ExitCode.OK
    data = json.loads(capsys.readouterr().out)
    assert data["total"] == 1  # known, so never null
    assert data["output"] == str(out)
    # every key is always there; null only for what this run did not use
    # (network_problem: null when the network did not fail the run)
    unused = {"database", "report", "rep", "partial_output", "network_problem"}
    assert {key for key, value in data.items() if value is None} <= unused


def test_output_format_setting_for_stdout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [["Company", "Email"], ["A", "a@a.de"]]
    source = write_csv(tmp_path / "in.csv", rows, encoding="utf-8")
    monkeypatch.setenv("LEADCHECK_OUTPUT_FORMAT", "csv")
    assert main(["batch", str(source), "--no-db"]) == ExitCode.OK
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("Company,Email,verdict,")


def test_report_is_self_contained(tmp_path: Path) -> None:
    rows = [
        ["Company", "Email", "Country"],
        ["<script>alert(1)</script> GmbH", "a@a.de", "DE"],
        ["Fake Ltd", "x@fake.com", "US"],
    ]
    source = write_csv(tmp_path / "in.csv", rows, encoding="utf-8")
    report = tmp_path / "report.html"
    args = ["batch", str(source), "-o", str(tmp_path / "o.csv"), "--no-db", "--report", str(report)]
    assert main(args) == ExitCode.OK
    page = report.read_text("utf-8")
    assert "<script" not in page  # the company name is escaped
    assert "&lt;script&gt;" in page
    assert "default-src 'none'" in page
    for needle in ("src=", "href=", "@import", "url("):
        assert needle not in page  # nothing to fetch
    assert "The fakes and why" in page
    assert "no such mail domain" in page


def test_eta_counts_rows_waiting_on_slow_hosts() -> None:
    # 33 of 36 written in 3 s; the head row has waited 8 s since: not "1 s left".
    eta = estimate_remaining(done=33, total=36, elapsed=11.0, oldest_wait=8.0, waiting=3)
    assert eta is not None
    assert eta >= 8.0
    assert estimate_remaining(done=10, total=20, elapsed=5.0, oldest_wait=0.1, waiting=10) == 5.0
    assert estimate_remaining(done=0, total=20, elapsed=1.0, oldest_wait=1.0, waiting=20) is None
