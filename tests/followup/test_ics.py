"""``due --ics``: the actions as an RFC 5545 calendar that parses back."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from icalendar import Calendar

from leadcheck.batch.store import StoredLead, TouchRecord
from leadcheck.followup.due import plan_due
from leadcheck.followup.ics import due_calendar

SHANGHAI = ZoneInfo("Asia/Shanghai")


def ts(text: str) -> float:
    return dt.datetime.fromisoformat(text).replace(tzinfo=SHANGHAI).timestamp()


def leads() -> list[StoredLead]:
    base = {"verdict": "genuine", "fit_tier": "A", "contacts": None}
    return [
        StoredLead(
            "li@aquaklar.de",
            {
                **base,
                "email": "li@aquaklar.de",
                "company": "Aquaklar\x1b[31m GmbH\r\nX-INJECTED: yes",
                "country": "DE",
                "timezone": "Europe/Berlin",
                "phone": "+497112589340",
            },
            ts("2026-02-01T10:00"),
            ts("2026-02-01T10:00"),
        ),
        StoredLead(
            "m@nuocsach.vn",
            {
                **base,
                "email": "m@nuocsach.vn",
                "company": "Nước Sạch",
                "country": "VN",
                "timezone": "Asia/Ho_Chi_Minh",
                "phone": None,
            },
            ts("2026-02-01T10:00"),
            ts("2026-02-01T10:00"),
        ),
    ]


def test_the_calendar_parses_back_with_one_event_per_action() -> None:
    touches = {
        "li@aquaklar.de": [TouchRecord("li@aquaklar.de", ts("2026-03-03T16:00"), "out", "Email")],
        "m@nuocsach.vn": [TouchRecord("m@nuocsach.vn", ts("2026-03-03T10:00"), "out", "Email")],
    }
    due = plan_due(leads(), touches, at=dt.datetime(2026, 3, 6, 8, 0, tzinfo=SHANGHAI))
    assert len(due.items) == 2
    data = due_calendar(due)
    assert data.startswith(b"BEGIN:VCALENDAR\r\n")
    calendar = Calendar.from_ical(data)
    assert str(calendar["version"]) == "2.0"
    assert str(calendar["prodid"]).startswith("-//leadcheck//")
    zones = [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")]
    assert zones == ["Asia/Shanghai"]
    events = calendar.walk("VEVENT")
    assert len(events) == 2
    by_start = {event.decoded("dtstart"): event for event in events}
    berlin = by_start[dt.datetime(2026, 3, 6, 16, 0, tzinfo=SHANGHAI)]
    assert berlin["dtstart"].params["TZID"] == "Asia/Shanghai"
    assert berlin.decoded("dtend") - berlin.decoded("dtstart") == dt.timedelta(minutes=15)
    assert str(berlin["summary"]).startswith("WhatsApp: Aquaklar GmbH X-INJECTED: yes")
    assert "\x1b" not in str(berlin["summary"])
    assert str(berlin["url"]) == "https://wa.me/497112589340"
    description = str(berlin["description"])
    assert "https://wa.me/497112589340" in description
    assert "Their time: Fri 06 Mar 09:00 (Europe/Berlin)" in description
    assert not any(line.startswith("X-INJECTED") for line in data.decode().splitlines())
    saigon = by_start[dt.datetime(2026, 3, 6, 10, 0, tzinfo=SHANGHAI)]
    assert "Zalo" in str(saigon["summary"])
    assert len({str(event["uid"]) for event in events}) == 2


def test_the_same_action_keeps_its_uid() -> None:
    touches = {
        "li@aquaklar.de": [TouchRecord("li@aquaklar.de", ts("2026-03-03T16:00"), "out", "Email")]
    }
    first = plan_due(leads()[:1], touches, at=dt.datetime(2026, 3, 6, 8, 0, tzinfo=SHANGHAI))
    later = plan_due(leads()[:1], touches, at=dt.datetime(2026, 3, 6, 11, 0, tzinfo=SHANGHAI))
    uid = [str(e["uid"]) for e in Calendar.from_ical(due_calendar(first)).walk("VEVENT")]
    again = [str(e["uid"]) for e in Calendar.from_ical(due_calendar(later)).walk("VEVENT")]
    assert uid == again


def test_an_empty_day_is_a_valid_calendar() -> None:
    due = plan_due([], {}, at=dt.datetime(2026, 3, 6, 8, 0, tzinfo=SHANGHAI))
    calendar = Calendar.from_ical(due_calendar(due))
    assert calendar.walk("VEVENT") == []
    assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == ["Asia/Shanghai"]
