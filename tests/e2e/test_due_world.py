"""End to end: a batch of inquiries over the test world, a history, then ``due`` on dates.

The inquiries are checked for real (DNS, HTTPS, pages) against the loopback world; the
history is a Made-in-China.com style export with Chinese headers, imported twice. Then
``due`` runs on a weekday, on the lead's weekend, on a public holiday of theirs, in Tết,
in China's Golden Week (the rep's own holiday), and the day a cadence ends.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from leadcheck.cli import ExitCode, main
from tests.batch.files import write_csv
from tests.conftest import _clean_network_environment
from tests.world import World

from . import due_world

pytestmark = pytest.mark.world


@dataclass(frozen=True)
class Book:
    db: Path
    tmp: Path
    verdicts: dict[str, tuple[str, str | None]]  # email -> (verdict, fit tier)


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Book]:
    tmp = tmp_path_factory.mktemp("due-e2e")
    with World() as world, pytest.MonkeyPatch.context() as mp:
        _clean_network_environment(mp)
        mp.setenv("XDG_DATA_HOME", str(tmp / "data-home"))
        for name, value in world.env().items():
            mp.setenv(name, value)
        due_world.install(world)
        source = write_csv(tmp / "inquiries.csv", due_world.inquiry_rows(), encoding="utf-8-sig")
        db = tmp / "results.sqlite3"
        out = tmp / "checked.jsonl"
        code = main(
            [
                "batch",
                str(source),
                "-o",
                str(out),
                "--db",
                str(db),
                "--timeout",
                "5",
                "-q",
                *world.cli_args(),
            ]
        )
        assert code == ExitCode.OK
    rows = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    verdicts = {row["邮箱"]: (row["verdict"], row["fit_tier"]) for row in rows}
    history = write_csv(
        tmp / "history.csv", [due_world.HISTORY_HEADER, *due_world.HISTORY], encoding="gbk"
    )
    for _ in range(2):  # importing twice changes nothing
        assert main(["log", "--import", str(history), "--db", str(db), "-q"]) == ExitCode.OK
    urgent = due_world.LEADS["de_urgent"].email
    assert (
        main(["log", urgent, "--urgent", "--note", "goods at Hamburg port", "--db", str(db), "-q"])
        == ExitCode.OK
    )
    return Book(db=db, tmp=tmp, verdicts=verdicts)


def due(
    book: Book, capsys: pytest.CaptureFixture[str], at: str, *extra: str
) -> list[dict[str, Any]]:
    capsys.readouterr()
    code = main(["due", "--db", str(book.db), "--at", at, "--json", *extra])
    captured = capsys.readouterr()
    assert code == ExitCode.OK, captured.err
    items: list[dict[str, Any]] = json.loads(captured.out)
    return items


def email(key: str) -> str:
    return due_world.LEADS[key].email


def pick(items: list[dict[str, Any]], key: str) -> dict[str, Any]:
    found = [item for item in items if item["email"] == email(key)]
    assert len(found) == 1, f"{key} is listed {len(found)} times"
    return found[0]


def codes(item: dict[str, Any]) -> list[str]:
    return [reason["code"] for reason in item["reasons"]]


def test_the_checks_gave_the_verdicts_the_book_needs(book: Book) -> None:
    for lead in due_world.LEADS.values():
        assert book.verdicts[lead.email][0] == lead.verdict, lead.key
    assert book.verdicts[email("de_night")][1] == "A"
    assert book.verdicts[email("it_nofit")][1] in ("C", "D")  # a fashion house: no fit


def test_a_weekday_lists_the_right_leads_in_the_right_order(
    book: Book, capsys: pytest.CaptureFixture[str]
) -> None:
    items = due(book, capsys, "2026-03-06T08:00")  # a Friday morning in Shanghai
    order = [item["email"] for item in items]
    assert order == [
        email("de_urgent"),  # urgent first, whatever else
        email("gb_new"),  # genuine, fit A, the newest inquiry (5 March)
        email("de_night"),  # genuine, fit A, first written to on 3 March
        email("vn_tet"),  # genuine, fit A, written to on 10 February and overdue
        email("it_nofit"),  # genuine, fit C or D
        email("suspicious"),
        email("unknown"),
    ]
    assert [item["priority"] for item in items] == list(range(1, 8))
    for absent in ("fake", "de_replied", "sa_weekend", "us_holiday", "de_call", "de_closed"):
        assert email(absent) not in order

    night = pick(items, "de_night")
    assert (night["step"], night["channel"]) == (1, "WhatsApp")
    assert night["action_at"] == "2026-03-06T09:00:00+01:00"
    assert night["action_at_rep"] == "2026-03-06T16:00:00+08:00"
    assert night["link"].startswith("https://wa.me/49")
    assert "sent_their_night" in codes(night)  # 10:00 in Shanghai was 03:00 in Stuttgart

    urgent = pick(items, "de_urgent")
    assert urgent["urgent"] is True
    assert codes(urgent)[:2] == ["urgent", "ask_emergency_contact"]

    first = pick(items, "gb_new")
    assert (first["kind"], first["step"], first["channel"]) == ("first-email", 0, "Email")
    assert first["action_at"] == "2026-03-06T09:00:00+00:00"

    vietnam = pick(items, "vn_tet")
    assert vietnam["channel"] == "Zalo"
    assert vietnam["link"] == "https://zalo.me/0903123456"  # found on their website
    assert "holiday_since" in codes(vietnam)

    check = pick(items, "unknown")
    assert check["kind"] == "check-again"
    assert check["action_at_rep"] == "2026-03-06T08:00:00+08:00"
    assert "suspicious" in codes(pick(items, "suspicious"))


def test_their_weekend(book: Book, capsys: pytest.CaptureFixture[str]) -> None:
    # Friday 17 April is day 3 for the Riyadh lead: their weekend (Friday-Saturday); then
    # Sunday, a working day in Riyadh, is the rep's weekend in Shanghai: Monday it is
    assert email("sa_weekend") not in [i["email"] for i in due(book, capsys, "2026-04-17T08:00")]
    later = pick(due(book, capsys, "2026-04-17T08:00", "--all"), "sa_weekend")
    assert later["action_at"] == "2026-04-20T09:00:00+03:00"
    assert {"their_weekend", "rep_day_off"} <= set(codes(later))
    monday = pick(due(book, capsys, "2026-04-20T08:00"), "sa_weekend")
    assert monday["action_at_rep"] == "2026-04-20T14:00:00+08:00"
    assert monday["channel"] == "WhatsApp"
    assert monday["link"] == "https://wa.me/966112345678"


def test_a_public_holiday_of_theirs(book: Book, capsys: pytest.CaptureFixture[str]) -> None:
    # day 3 for the Houston lead is Monday 7 September, Labor Day
    assert email("us_holiday") not in [i["email"] for i in due(book, capsys, "2026-09-07T08:00")]
    item = pick(due(book, capsys, "2026-09-08T08:00"), "us_holiday")
    assert item["action_at"] == "2026-09-08T09:00:00-05:00"
    assert item["action_at_rep"] == "2026-09-08T22:00:00+08:00"
    assert item["channel"] == "Facebook"
    assert "facebook.com" in item["link"]  # the company's page, found on its website
    holiday = item["reasons"][codes(item).index("their_holiday")]["message"]
    assert "Labor Day" in holiday


def test_a_long_holiday_run(book: Book, capsys: pytest.CaptureFixture[str]) -> None:
    before = pick(due(book, capsys, "2026-02-13T08:00"), "vn_tet")
    assert before["action_at"] == "2026-02-13T09:00:00+07:00"
    assert "break_ahead" in codes(before)
    assert email("vn_tet") not in [i["email"] for i in due(book, capsys, "2026-02-16T08:00")]
    during = pick(due(book, capsys, "2026-02-16T08:00", "--all"), "vn_tet")
    assert during["action_at"] == "2026-02-25T09:00:00+07:00"
    assert "long_break" in codes(during)
    after = pick(due(book, capsys, "2026-02-25T08:00"), "vn_tet")
    assert after["action_at_rep"] == "2026-02-25T10:00:00+08:00"


def test_a_chinese_public_holiday_of_the_reps(
    book: Book, capsys: pytest.CaptureFixture[str]
) -> None:
    # the call (day 14) would be 1 October: the rep is off until 7 October
    assert email("de_call") not in [i["email"] for i in due(book, capsys, "2026-10-01T08:00")]
    waiting = pick(due(book, capsys, "2026-10-01T08:00", "--all"), "de_call")
    assert (waiting["step"], waiting["channel"], waiting["live"]) == (4, "Phone", True)
    assert waiting["action_at_rep"] == "2026-10-08T15:00:00+08:00"
    assert "rep_day_off" in codes(waiting)
    call = pick(due(book, capsys, "2026-10-08T08:00"), "de_call")
    assert call["action_at"] == "2026-10-08T09:00:00+02:00"
    assert call["link"].startswith("tel:+49")
    # a rep in Berlin keeps German holidays, not Chinese ones
    berlin = pick(
        due(book, capsys, "2026-10-01T08:00+02:00", "--rep-timezone", "Europe/Berlin",
            "--rep-country", "DE"),
        "de_call",
    )  # fmt: skip
    assert berlin["action_at"] == "2026-10-01T09:00:00+02:00"


def test_the_end_of_the_cadence_is_listed_once(
    book: Book, capsys: pytest.CaptureFixture[str]
) -> None:
    closing = pick(due(book, capsys, "2026-06-10T08:00"), "de_closed")
    assert (closing["kind"], closing["step"]) == ("close-the-loop", 6)
    assert email("de_closed") not in [
        i["email"] for i in due(book, capsys, "2026-06-11T08:00", "--all")
    ]


def test_replied_and_fake_leads_never_appear(
    book: Book, capsys: pytest.CaptureFixture[str]
) -> None:
    for at in ("2026-02-13", "2026-03-06", "2026-04-20", "2026-06-10", "2026-09-08"):
        listed = {i["email"] for i in due(book, capsys, f"{at}T08:00", "--all")}
        assert email("fake") not in listed
        assert email("de_replied") not in listed


def test_the_calendar_file_parses(book: Book, capsys: pytest.CaptureFixture[str]) -> None:
    path = book.tmp / "due.ics"
    capsys.readouterr()
    code = main(["due", "--db", str(book.db), "--at", "2026-03-06T08:00", "--ics", str(path), "-q"])
    assert code == ExitCode.OK
    assert capsys.readouterr().out == ""
    calendar = Calendar.from_ical(path.read_bytes())
    events = calendar.walk("VEVENT")
    assert len(events) == 7
    summaries = [str(event["summary"]) for event in events]
    assert any(s.startswith("URGENT WhatsApp: Notfall Wassertechnik GmbH") for s in summaries)
    for event in events:
        assert event["dtstart"].params["TZID"] == "Asia/Shanghai"
    assert not path.with_name("due.ics.partial").exists()


def test_the_table_for_the_day(
    book: Book, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "160")
    capsys.readouterr()
    assert main(["due", "--db", str(book.db), "--at", "2026-03-06T08:00"]) == ExitCode.OK
    out = capsys.readouterr().out
    assert "7 actions (1 urgent, 3 overdue)" in out
    # grouped by the rep's hours: 08:00 (check again), 10:00 (Saigon), 16:00 (Europe), 17:00
    positions = [out.index(f"{hour} yours") for hour in ("08:00", "10:00", "16:00", "17:00")]
    assert positions == sorted(positions)
    assert "1 fake (never listed)" in out
