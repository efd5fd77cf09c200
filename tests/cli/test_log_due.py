"""``leadcheck log`` and ``leadcheck due`` on a results database built here."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from leadcheck.batch.outcome import RowOutcome
from leadcheck.batch.store import ResultStore, lead_identity
from leadcheck.cli import ExitCode, main
from leadcheck.inquiry import Inquiry
from tests.batch.files import write_csv, write_xlsx

CHECKED = datetime(2026, 2, 1, 2, 0, tzinfo=UTC)


def report(email: str, country: str, zone: str, phone: str | None) -> dict[str, object]:
    return {
        "inquiry": {"email": email, "company": f"{email.split('@')[1]} Ltd", "phone": phone},
        "verdict": {"label": "genuine", "reasons": []},
        "fit": {"tier": "A", "score": 80},
        "email": {"normalized": email},
        "website": {"host": email.split("@")[1], "contacts": {}},
        "followup": {"country": country, "timezone": zone, "contacts": {"phone": phone}},
    }


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "results.sqlite3"
    with ResultStore(path) as store:
        for email, country, zone, phone in (
            ("li@aquaklar.de", "DE", "Europe/Berlin", "+497112589340"),
            ("ops@tidewater.co.uk", "GB", "Europe/London", None),
        ):
            store.put(
                email,
                lead=lead_identity(Inquiry(email=email)),
                columns=RowOutcome(verdict="genuine"),
                report=report(email, country, zone, phone),
                checked_at=CHECKED,
            )
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_log_a_sent_message_and_a_reply(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys, "log", "Li@Aquaklar.DE", "--sent", "--at", "2026-03-03T16:00", "--db", str(db)
    )
    assert code == ExitCode.OK
    assert out == ""
    assert "sent by Email" in err
    code, out, _ = run(
        capsys,
        "log", "li@aquaklar.de", "--sent", "--at", "2026-03-03T16:00", "--db", str(db), "--json",
    )  # fmt: skip
    assert json.loads(out)["added"] is False  # the same message again adds nothing
    code, out, _ = run(
        capsys,
        "log", "li@aquaklar.de", "--replied", "--channel", "whatsapp",
        "--at", "2026-03-04T09:30+01:00", "--note", "asks for a sample", "--db", str(db), "--json",
    )  # fmt: skip
    logged = json.loads(out)
    assert (logged["direction"], logged["channel"], logged["added"]) == ("in", "WhatsApp", True)
    assert logged["at"] == "2026-03-04T09:30:00+01:00"
    with ResultStore(db, lock=False, create=False) as store:
        touches = store.touches()["li@aquaklar.de"]
    assert [(t.direction, t.channel, t.note) for t in touches] == [
        ("out", "Email", None),
        ("in", "WhatsApp", "asks for a sample"),
    ]


def test_an_unknown_email_is_exit_2(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "log", "li@aquaklar.com", "--sent", "--db", str(db))
    assert code == ExitCode.USAGE
    assert "no lead with the email 'li@aquaklar.com'" in err
    assert "did you mean li@aquaklar.de" in err
    assert err.count("\n") == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["li@aquaklar.de"], "--sent, --replied"),
        (["li@aquaklar.de", "--sent", "--replied"], "one at a time"),
        (["li@aquaklar.de", "--sent", "--channel", "pigeon"], "unknown channel"),
        (["li@aquaklar.de", "--sent", "--at", "2099-01-01T10:00"], "future"),
        (["li@aquaklar.de", "--sent", "--at", "next tuesday"], "ISO 8601"),
        (["li@aquaklar.de", "--urgent", "--not-urgent"], "contradict"),
        (["li@aquaklar.de", "--urgent", "--channel", "Email"], "add --sent or --replied"),
        (["--import", "x.csv", "li@aquaklar.de"], "no EMAIL"),
        ([], "--import FILE"),
    ],
)
def test_usage_errors(
    db: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, _, err = run(capsys, "log", *args, "--db", str(db))
    assert code == ExitCode.USAGE
    assert message in err


def test_a_missing_database_is_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "log", "a@b.de", "--sent", "--db", str(tmp_path / "none.sqlite3"))
    assert code == ExitCode.ERROR
    assert "leadcheck batch" in err
    code, _, err = run(capsys, "due", "--db", str(tmp_path / "none.sqlite3"))
    assert code == ExitCode.ERROR
    assert not (tmp_path / "none.sqlite3").exists()


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b"", "the file is empty"),
        (b"Company,Email\nA,a@b.de\n", "the file is not a SQLite database"),
        (b"SQLite format 3", "the file is not a SQLite database"),  # 15 bytes: no full header
    ],
    ids=["empty", "csv", "short"],
)
@pytest.mark.parametrize(
    "command",
    [["due"], ["log", "li@aquaklar.de", "--sent"], ["log", "--import", "history.csv"]],
    ids=["due", "log", "import"],
)
def test_a_file_that_is_no_database_is_left_alone(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    content: bytes,
    why: str,
    command: list[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    write_csv(tmp_path / "history.csv", HISTORY[1:3], encoding="utf-8")
    checked = tmp_path / "checked.csv"
    checked.write_bytes(content)
    code, out, err = run(capsys, *command, "--db", str(checked))
    assert code == ExitCode.ERROR  # log and due never create a database
    assert out == ""
    assert f"no results database at {checked} ({why})" in err
    assert "--no-db" not in err  # a batch option: neither log nor due has it
    assert err.count("\n") == 1
    assert checked.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["checked.csv", "history.csv"]


def test_a_sqlite_file_of_another_program_is_left_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3

    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE notes (text TEXT)")
    connection.close()
    before = other.read_bytes()
    code, _, err = run(capsys, "due", "--db", str(other))
    assert code == ExitCode.ERROR
    assert "no results database" in err
    assert "not leadcheck's" in err
    assert other.read_bytes() == before


def test_did_you_mean_prefers_the_same_domain(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with ResultStore(db) as store:
        for email in ("info@aquatech-waser.de", "m.schneider@aquatech-wasser.de"):
            store.put(
                email,
                lead=lead_identity(Inquiry(email=email)),
                columns=RowOutcome(verdict="genuine"),
                report=report(email, "DE", "Europe/Berlin", None),
                checked_at=CHECKED,
            )
    code, _, err = run(capsys, "log", "nobody@aquatech-wasser.de", "--sent", "--db", str(db))
    assert code == ExitCode.USAGE
    # the domain is known, so it is no typo: not the look-alike aquatech-waser.de
    assert "did you mean m.schneider@aquatech-wasser.de?" in err
    code, _, err = run(capsys, "log", "info@aquatech-wasser.com", "--sent", "--db", str(db))
    assert "did you mean info@aquatech-waser.de?" in err  # an unknown domain: the closest


HISTORY = [
    ["沟通记录导出 2026-03"],  # a title row above the header, as exports have
    ["客户邮箱", "发送时间", "收发", "沟通方式", "备注"],
    ["li@aquaklar.de", "2026-03-03 16:00", "发送", "邮件", "报价单"],
    ["LI@AQUAKLAR.DE", "2026/03/05 16:30", "发送", "WhatsApp", ""],
    ["ops@tidewater.co.uk", "2026年3月5日 18:00", "收到", "询盘", "inquiry"],
    ["stranger@else.com", "2026-03-05 10:00", "发送", "邮件", ""],
    ["li@aquaklar.de", "05/03/2026", "发送", "邮件", ""],
]


def test_import_a_history_twice(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_csv(tmp_path / "history.csv", HISTORY, encoding="gbk")
    code, out, _ = run(capsys, "log", "--import", str(source), "--db", str(db), "--json")
    assert code == ExitCode.OK
    summary = json.loads(out)
    assert (summary["rows"], summary["added"], summary["already_known"], summary["errors"]) == (
        5,
        3,
        0,
        2,
    )
    assert [p["line"] for p in summary["problems"]] == [6, 7]
    assert "GB18030" in summary["read_as"]
    code, out, _ = run(capsys, "log", "--import", str(source), "--db", str(db), "--json")
    again = json.loads(out)
    assert (again["added"], again["already_known"]) == (0, 3)
    code, _, err = run(capsys, "log", "--import", str(source), "--db", str(db), "--strict")
    assert code == ExitCode.ROW_ERRORS
    assert "line 6: no lead with the email 'stranger@else.com'" in err
    assert err.endswith("leadcheck: 2 of 5 rows have errors (not imported); exit 4 (--strict)\n")
    for quiet in (["-q"], ["--json"], ["-q", "--json"]):
        # one line on stderr gives the counts, with -q too (docs/exit-codes.md), as for batch
        code, _, err = run(
            capsys, "log", "--import", str(source), "--db", str(db), "--strict", *quiet
        )
        assert code == ExitCode.ROW_ERRORS
        assert err == "leadcheck: 2 of 5 rows have errors (not imported); exit 4 (--strict)\n"
    code, _, err = run(capsys, "log", "--import", str(source), "--db", str(db), "-q")
    assert (code, err) == (ExitCode.OK, "")  # without --strict, -q is silent
    with ResultStore(db, lock=False, create=False) as store:
        touches = store.touches()
    assert [t.channel for t in touches["li@aquaklar.de"]] == ["Email", "WhatsApp"]
    assert touches["ops@tidewater.co.uk"][0].channel == "Platform"


def test_import_refuses_an_unknown_channel_like_the_channel_option(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [
        ["email", "time", "direction", "channel"],
        ["li@aquaklar.de", "2026-03-03 16:00", "out", "Carrier pigeon"],
        ["li@aquaklar.de", "2026-03-03 17:00", "out", "whatsap"],
        ["li@aquaklar.de", "2026-03-03 18:00", "out", "微信"],
    ]
    source = write_csv(tmp_path / "h.csv", rows, encoding="utf-8")
    code, out, _ = run(capsys, "log", "--import", str(source), "--db", str(db), "--json")
    assert code == ExitCode.OK
    summary = json.loads(out)
    assert (summary["rows"], summary["added"], summary["errors"]) == (3, 1, 2)
    assert [p["line"] for p in summary["problems"]] == [2, 3]
    assert summary["problems"][0]["error"].startswith("unknown channel 'Carrier pigeon'")
    assert "did you mean WhatsApp?" in summary["problems"][1]["error"]
    code, _, err = run(capsys, "log", "--import", str(source), "--db", str(db), "--strict", "-q")
    assert code == ExitCode.ROW_ERRORS
    assert "2 of 3 rows have errors" in err
    code, _, err = run(capsys, "log", "li@aquaklar.de", "--sent", "--channel", "Carrier pigeon",
                       "--db", str(db))  # fmt: skip
    assert code == ExitCode.USAGE
    assert "unknown channel 'Carrier pigeon'; channels: Email, " in err
    with ResultStore(db, lock=False, create=False) as store:
        assert [t.channel for t in store.touches()["li@aquaklar.de"]] == ["WeChat"]


def test_import_an_xlsx_with_english_headers(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows: list[list[object]] = [
        ["Lead email", "Sent at", "Direction", "Channel"],
        ["li@aquaklar.de", datetime(2026, 3, 3, 16, 0), "outgoing", "E-Mail"],
        ["li@aquaklar.de", datetime(2026, 3, 4, 17, 0), "reply", "Email"],
    ]
    source = write_xlsx(tmp_path / "history.xlsx", {"History": rows})
    code, out, _ = run(capsys, "log", "--import", str(source), "--db", str(db), "--json")
    assert code == ExitCode.OK
    assert json.loads(out)["added"] == 2
    code, out, _ = run(capsys, "due", "--db", str(db), "--at", "2026-03-06T08:00", "--json")
    assert [item["email"] for item in json.loads(out)] == ["ops@tidewater.co.uk"]  # li replied


def test_an_export_without_a_direction_column_says_how_to_map_it(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_csv(
        tmp_path / "h.csv", [["Email", "Time", "Kind"], ["li@aquaklar.de", "2026-03-03", "out"]],
        encoding="utf-8",
    )  # fmt: skip
    code, _, err = run(capsys, "log", "--import", str(source), "--db", str(db))
    assert code == ExitCode.ERROR
    assert "--map direction=HEADER" in err
    code, out, _ = run(
        capsys, "log", "--import", str(source), "--map", "direction=Kind", "--db", str(db), "--json"
    )
    assert code == ExitCode.OK
    assert json.loads(out)["added"] == 1


def test_urgent_mark_and_due(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "log", "ops@tidewater.co.uk", "--sent", "--at", "2026-03-05T18:00", "--db", str(db))
    run(capsys, "log", "li@aquaklar.de", "--sent", "--at", "2026-03-03T16:00", "--db", str(db))
    code, _, err = run(
        capsys, "log", "ops@tidewater.co.uk", "--urgent", "--note", "goods at Felixstowe",
        "--db", str(db),
    )  # fmt: skip
    assert code == ExitCode.OK
    assert "marked urgent" in err
    code, out, _ = run(capsys, "due", "--db", str(db), "--at", "2026-03-06T08:00", "--json")
    items = json.loads(out)
    assert [(i["email"], i["priority"], i["urgent"]) for i in items] == [
        ("ops@tidewater.co.uk", 1, True),
        ("li@aquaklar.de", 2, False),
    ]
    assert items[0]["reasons"][1]["code"] == "ask_emergency_contact"
    run(capsys, "log", "ops@tidewater.co.uk", "--not-urgent", "--db", str(db))
    code, out, _ = run(capsys, "due", "--db", str(db), "--at", "2026-03-06T08:00", "--json")
    assert [i["email"] for i in json.loads(out)] == ["li@aquaklar.de"]


def test_due_table_for_people(
    db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "120")
    run(capsys, "log", "li@aquaklar.de", "--sent", "--at", "2026-03-03T16:00", "--db", str(db))
    code, out, _ = run(capsys, "due", "--db", str(db), "--at", "2026-03-06T08:00")
    assert code == ExitCode.OK
    # li is due its WhatsApp step; ops@tidewater was never answered: its first email is late
    assert "Due Fri 06 Mar 08:00 – Sat 07 Mar 08:00 (Asia/Shanghai): 2 actions" in out
    assert "0 · first email overdue" in out
    assert "16:00 yours" in out
    assert "Fri 09:00 Berlin" in out
    assert "1 · WhatsApp (day 3)" in out
    assert "https://wa.me/497112589340" in out
    assert "\x1b" not in out  # not a terminal: plain text


def test_due_options(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "due", "--db", str(db), "--rep-hours", "18-9")
    assert code == ExitCode.USAGE
    assert "start comes first" in err
    code, _, err = run(capsys, "due", "--db", str(db), "--rep-timezone", "Mars/Olympus")
    assert code == ExitCode.USAGE
    code, _, err = run(capsys, "due", "--db", str(db), "--quiet")
    assert code == ExitCode.USAGE
    code, out, _ = run(capsys, "due", "--db", str(db), "--at", "2026-01-06T08:00", "--json")
    assert code == ExitCode.OK
    assert json.loads(out) == []  # first checked in February: not known in January
    code, out, _ = run(capsys, "due", "--db", str(db), "--at", "2026-03-06T08:00", "--json")
    assert {i["kind"] for i in json.loads(out)} == {"first-email"}  # never written to


def test_text_from_strangers_cannot_drive_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "results.sqlite3"
    hostile = report("li@aquaklar.de", "DE", "Europe/Berlin", None)
    hostile["inquiry"] = {
        "email": "li@aquaklar.de",
        "company": "Evil\x1b]0;pwned\x07\x9b2J\u2028Co",
    }
    with ResultStore(path) as store:
        store.put(
            "k",
            lead=lead_identity(Inquiry(email="li@aquaklar.de")),
            columns=RowOutcome(),
            report=hostile,
            checked_at=CHECKED,
        )
    code, out, _ = run(capsys, "due", "--db", str(path), "--at", "2026-03-06T08:00", "--json")
    assert code == ExitCode.OK
    assert "\x9b" not in out
    assert "\u2028" not in out
    assert "\\u009b" in out  # escaped, and the same text once decoded
    assert json.loads(out)[0]["company"].endswith("\x9b2J\u2028Co")
    monkeypatch.setenv("COLUMNS", "160")
    code, out, _ = run(capsys, "due", "--db", str(path), "--at", "2026-03-06T08:00")
    assert "\x1b" not in out
    assert "\x9b" not in out
    assert "Evil" in out
