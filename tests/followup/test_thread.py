"""A lead's conversation: where it stands, and what it says about the silence."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from leadcheck.batch.store import TouchRecord
from leadcheck.followup.breaks import BreakCalendar, load_breaks
from leadcheck.followup.channels import load_channels
from leadcheck.followup.schedule import Workweek
from leadcheck.followup.thread import read_thread, silence_reasons
from leadcheck.followup.timing import WorkCalendar

SHANGHAI = ZoneInfo("Asia/Shanghai")
BERLIN = ZoneInfo("Europe/Berlin")


def ts(text: str, zone: ZoneInfo = SHANGHAI) -> float:
    return dt.datetime.fromisoformat(text).replace(tzinfo=zone).timestamp()


def out(at: str, channel: str = "Email", zone: ZoneInfo = SHANGHAI) -> TouchRecord:
    return TouchRecord("li@acme.de", ts(at, zone), "out", channel)


def reply(at: str, zone: ZoneInfo = SHANGHAI) -> TouchRecord:
    return TouchRecord("li@acme.de", ts(at, zone), "in", "Email")


def test_threads() -> None:
    assert read_thread([]).state == "new"
    assert read_thread([reply("2026-03-01T10:00")]).state == "new"  # only their inquiry
    waiting = read_thread([out("2026-03-02T10:00"), out("2026-03-05T10:00", "WhatsApp")])
    assert waiting.state == "waiting"
    assert len(waiting.outs) == 2
    answered = read_thread([reply("2026-03-04T10:00"), out("2026-03-02T10:00")])  # any order
    assert answered.state == "replied"
    assert answered.outs == ()
    again = read_thread([out("2026-03-02T10:00"), reply("2026-03-03T10:00"), out("2026-03-09")])
    assert again.state == "waiting"
    assert [t.at for t in again.outs] == [ts("2026-03-09T00:00")]  # counted from our next one
    assert len(again.replies) == 1


def berlin() -> Workweek:
    calendar = WorkCalendar("DE", load_channels())
    return Workweek(calendar, BERLIN, BreakCalendar("DE", calendar, load_breaks()))


def test_why_silent_night_weekend_holiday() -> None:
    thread = read_thread(
        [
            out("2026-03-03T10:00"),  # 03:00 in Berlin
            out("2026-03-07T16:00"),  # a Saturday
            out("2026-04-06T16:00"),  # Easter Monday
        ]
    )
    now = dt.datetime(2026, 4, 9, 8, 0, tzinfo=SHANGHAI)
    codes = dict(silence_reasons(thread, berlin(), at=now, place="Germany"))
    assert "03 Mar 03:00" in codes["sent_their_night"]
    assert "1 of your 3 messages" in codes["sent_their_night"]
    assert "Sat 07 Mar" in codes["sent_their_weekend"]
    assert "Easter Monday" in codes["sent_their_holiday"]
    assert "Easter Monday" in codes["holiday_since"]
    assert "your 3 messages since Tue 03 Mar" in codes["silent_since"]


def test_why_silent_a_day_only_time_is_no_night() -> None:
    thread = read_thread(
        [TouchRecord("li@acme.de", ts("2026-03-03T12:00"), "out", precision="day")]
    )
    now = dt.datetime(2026, 3, 6, 8, 0, tzinfo=SHANGHAI)
    codes = dict(silence_reasons(thread, berlin(), at=now, place="Germany"))
    assert "sent_their_night" not in codes


def test_their_usual_reply_delay_and_weekday() -> None:
    touches = []
    # three answers, each about a day later, each on a Tuesday in Berlin
    for week in (2, 9, 16):
        touches.append(out(f"2026-03-{week:02d}T16:00"))  # Monday 09:00 Berlin
        touches.append(reply(f"2026-03-{week + 1:02d}T17:00"))  # Tuesday 10:00 Berlin
    touches.append(out("2026-03-23T16:00"))
    now = dt.datetime(2026, 4, 2, 8, 0, tzinfo=SHANGHAI)
    codes = dict(silence_reasons(read_thread(touches), berlin(), at=now, place="Germany"))
    assert "answered 3 times, usually within 25 hours" in codes["reply_pattern"]
    assert "most often on a Tuesday (3 of 3)" in codes["reply_pattern"]
    assert "longer than usual" in codes["reply_pattern"]


def test_one_earlier_answer_is_told_without_a_pattern() -> None:
    touches = [out("2026-03-02T16:00"), reply("2026-03-03T17:00"), out("2026-03-10T16:00")]
    now = dt.datetime(2026, 3, 13, 8, 0, tzinfo=SHANGHAI)
    codes = dict(silence_reasons(read_thread(touches), berlin(), at=now, place="Germany"))
    assert "reply_pattern" not in codes
    assert "Tue 03 Mar" in codes["replied_before"]
