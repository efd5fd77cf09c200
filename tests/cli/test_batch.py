from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from leadcheck.batch.store import ResultStore
from leadcheck.cli import ExitCode, main
from tests.batch.fakes import patch_session
from tests.batch.files import (
    CHINESE_HEADER,
    CHINESE_ROWS,
    HOSTILE_CELLS,
    csv_text,
    write_csv,
    write_xlsx,
)

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _fake_session(monkeypatch: pytest.MonkeyPatch) -> None:
    patch_session(monkeypatch)


def test_gbk_csv_to_xlsx(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from openpyxl import load_workbook

    source = write_csv(tmp_path / "询盘.csv", [CHINESE_HEADER, *CHINESE_ROWS], encoding="gbk")
    out = tmp_path / "out.xlsx"
    code = main(["batch", str(source), "-o", str(out), "--db", str(tmp_path / "db.sqlite3")])
    assert code == ExitCode.OK
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == ""
    sheet = load_workbook(out).worksheets[0]
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][: len(CHINESE_HEADER)] == CHINESE_HEADER
    assert [row[0] for row in values[1:]] == [row[0] for row in CHINESE_ROWS]
    verdicts = [row[values[0].index("verdict")] for row in values[1:]]
    assert verdicts == ["genuine", "genuine", "fake"]


def test_json_summary_and_rerun_from_the_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [
        ["Company", "E-Mail", "Website"],
        ["A", "a@a.de", ""],
        ["B", "", ""],
        ["C", "c@fake.com", "c.com"],
    ]
    source = write_csv(tmp_path / "in.csv", rows, encoding="utf-8-sig", delimiter=";")
    out = tmp_path / "out.jsonl"
    args = ["batch", str(source), "-o", str(out), "--json"]
    assert main(args) == ExitCode.OK
    first = json.loads(capsys.readouterr().out)
    assert first["rows"] == 3
    assert first["checked"] == 2
    assert first["errors"] == 1
    assert first["verdicts"] == {"genuine": 1, "fake": 1}
    assert main(args) == ExitCode.OK
    second = json.loads(capsys.readouterr().out)
    assert second["cached"] == 2
    assert second["checked"] == 0
    lines = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [line["Company"] for line in lines] == ["A", "B", "C"]
    assert lines[0]["from_cache"] is True
    assert main([*args, "--strict"]) == ExitCode.ROW_ERRORS


def test_hostile_cells_end_to_end(tmp_path: Path) -> None:
    rows = [["Company", "Email", "Message"]]
    rows += [[cell, f"x{i}@a.de", cell] for i, cell in enumerate(HOSTILE_CELLS)]
    rows.append(["Big", "big@a.de", "A" * 1_000_000])
    source = write_csv(tmp_path / "hostile.csv", rows, encoding="utf-8")
    out = tmp_path / "out.csv"
    assert main(["batch", str(source), "-o", str(out), "--no-db"]) == ExitCode.OK
    read = list(csv.reader(io.StringIO(out.read_text("utf-8-sig"))))
    assert len(read) == len(rows)
    for line in read:
        for cell in line:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r", "＝")), cell
            assert "\x1b" not in cell
    assert "characters long" in read[-1][-1]


def test_stdin_to_stdout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = csv_text([CHINESE_HEADER, *CHINESE_ROWS]).encode("gbk")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert main(["batch", "-", "--no-db"]) == ExitCode.OK
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["邮箱"] for line in lines] == [row[2] for row in CHINESE_ROWS]


def test_xlsx_sheet_and_map(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = write_xlsx(
        tmp_path / "book.xlsx",
        {"Summary": [["nothing here"]], "Leads": [["Firm", "Contact mail"], ["A", "a@a.de"]]},
    )
    assert main(["batch", str(source), "--sheet", "Leads", "--no-db"]) == ExitCode.ERROR
    assert "--map email=" in capsys.readouterr().err
    code = main(
        ["batch", str(source), "--sheet", "Leads", "--map", "email=Contact mail", "--no-db"]
    )
    assert code == ExitCode.OK
    assert json.loads(capsys.readouterr().out)["verdict"] == "genuine"


def test_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = write_csv(tmp_path / "in.csv", [["email"], ["a@a.de"]], encoding="utf-8")
    assert main(["batch", str(source), "--json"]) == ExitCode.USAGE
    assert main(["batch", str(source), "-o", str(tmp_path / "x.txt")]) == ExitCode.USAGE
    assert main(["batch", str(source), "--map", "nonsense=Email"]) == ExitCode.USAGE
    assert main(["batch", str(source), "--max-age", "soon"]) == ExitCode.USAGE
    err = capsys.readouterr().err
    assert "--json" in err
    assert "fields are" in err


def test_busy_database_exits_75(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = write_csv(tmp_path / "in.csv", [["email"], ["a@a.de"]], encoding="utf-8")
    db = tmp_path / "db.sqlite3"
    out = tmp_path / "out.csv"
    with ResultStore(db):
        assert main(["batch", str(source), "--db", str(db), "-o", str(out)]) == ExitCode.BUSY
    assert "another leadcheck batch" in capsys.readouterr().err
    assert not out.exists()


def run_cli(args: list[str], env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.batch.fakes", "batch", *args],
        cwd=REPO,
        env={**os.environ, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for_lines(path: Path, count: int, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and len(path.read_text().splitlines()) >= count:
            return
        time.sleep(0.02)
    raise AssertionError(f"{path} never reached {count} lines")


@pytest.mark.world  # end to end: a real process, killed mid-run
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL])
def test_interrupted_run_resumes(tmp_path: Path, sig: signal.Signals) -> None:
    total = 300
    rows = [["Company", "Email"]] + [[f"C{i}", f"u{i}@c{i}.com"] for i in range(total)]
    source = write_csv(tmp_path / "in.csv", rows, encoding="utf-8")
    out, db, log = tmp_path / "out.csv", tmp_path / "db.sqlite3", tmp_path / "checked.log"
    args = [str(source), "-o", str(out), "--db", str(db), "--concurrency", "4"]
    if sig == signal.SIGTERM:
        # One process: the fake logs a lead where it is checked, and with workers a check
        # finished in a worker whose result is still on its way when the stop comes is
        # (rightly) checked again next run, so "kept == checked" would be a race.
        args += ["--workers", "1"]
    env = {
        "LEADCHECK_FAKE_LOG": str(log),
        "LEADCHECK_FAKE_DELAY": "0.05",
        "PYTHONPATH": str(REPO / "src"),
    }

    first = run_cli(args, env)
    wait_for_lines(log, 40)
    first.send_signal(sig)
    _, err = first.communicate(timeout=20)
    if sig == signal.SIGTERM:
        assert first.returncode == ExitCode.INTERRUPTED, err
        assert "interrupted" in err
        # Never under the final name: the rows so far stay under the temporary one.
        assert not out.exists()
        kept_file = out.with_name(out.name + ".partial")
        assert str(kept_file) in err
        partial = list(csv.reader(io.StringIO(kept_file.read_text("utf-8-sig"))))
        assert 1 < len(partial) < total + 1  # the rows finished in order
    else:
        assert first.returncode == -signal.SIGKILL
        assert not out.exists()
    with ResultStore(db) as store:
        kept = store.count()
    checked_first = len(log.read_text().splitlines())
    assert kept > 0
    if sig == signal.SIGKILL:  # lost: at most the rows of the last commit interval
        assert checked_first - kept <= 40
    else:  # a graceful stop commits everything finished
        assert kept == checked_first

    second = run_cli(args, {**env, "LEADCHECK_FAKE_DELAY": "0"})
    _, err = second.communicate(timeout=30)
    assert second.returncode == ExitCode.OK, err
    result = list(csv.reader(io.StringIO(out.read_text("utf-8-sig"))))
    assert not out.with_name(out.name + ".partial").exists()
    header, body = result[0], result[1:]
    assert [row[1] for row in body] == [
        f"u{i}@c{i}.com" for i in range(total)
    ]  # each once, in order
    from_cache = [row[header.index("from_cache")] for row in body]
    assert from_cache.count("true") == kept
    assert len(log.read_text().splitlines()) == checked_first + (total - kept)


def test_batch_through_the_real_session_over_the_fake_network(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The real pipeline (not a fake report) behind the CLI, over tests/fakes.py."""
    import leadcheck.batch.run
    from leadcheck.pipeline import CheckOptions, CheckSession
    from tests.fakes import FakeNet

    net = FakeNet()
    net.company(
        "aquatech-wasser.de", "AquaTech Wasser GmbH", "UV-C disinfection for drinking water"
    )

    def open_session(options: object) -> CheckSession:
        return CheckSession(CheckOptions(), resolver=net.resolver, fetcher=net.fetcher)

    monkeypatch.setattr(leadcheck.batch.run, "open_session", open_session)
    rows = [
        ["Company", "Email", "Website", "Country"],
        ["AquaTech", "li@aquatech-wasser.de", "aquatech-wasser.de", "DE"],
        ["Ghost", "buyer@no-such-domain-zz.com", "no-such-domain-zz.com", "US"],
    ]
    source = write_csv(tmp_path / "in.csv", rows, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    # one process, so that this process's fake network sees the fetches
    assert main(["batch", str(source), "-o", str(out), "--no-db", "--workers", "1"]) == 0
    lines = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [line["verdict"] for line in lines] == ["genuine", "fake"]
    assert lines[0]["fit_tier"] in ("A", "B")
    assert lines[1]["fit_tier"] is None  # the website was never read: fit unknown
    assert net.fetcher.fetched["https://aquatech-wasser.de/"] == 1
