"""When a step can happen: the lead's hours and days, and the rep's for a call."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from leadcheck.followup.breaks import BreakCalendar, load_breaks
from leadcheck.followup.channels import load_channels
from leadcheck.followup.rep import RepSettings
from leadcheck.followup.schedule import Workweek, next_common
from leadcheck.followup.timing import WorkCalendar

SHANGHAI = ZoneInfo("Asia/Shanghai")


def week(code: str, zone: str) -> Workweek:
    calendar = WorkCalendar(code, load_channels())
    return Workweek(calendar, ZoneInfo(zone), BreakCalendar(code, calendar, load_breaks()))


def rep() -> Workweek:
    settings = RepSettings()
    return Workweek(settings.calendar(load_channels()), settings.zone)


def at(text: str, zone: ZoneInfo = SHANGHAI) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=zone)


def test_inside_hours_is_now() -> None:
    berlin = week("DE", "Europe/Berlin")
    moment = berlin.next_moment(at("2026-03-04T18:30"))  # 11:30 in Berlin, a Wednesday
    assert moment.at == at("2026-03-04T11:30", ZoneInfo("Europe/Berlin"))
    assert moment.skipped == ()


def test_after_hours_is_the_next_morning() -> None:
    berlin = week("DE", "Europe/Berlin")
    moment = berlin.next_moment(at("2026-03-05T02:00"))  # Wednesday 19:00 in Berlin
    assert moment.at == at("2026-03-05T09:00", ZoneInfo("Europe/Berlin"))


def test_their_weekend_is_skipped_friday_saturday_in_riyadh() -> None:
    riyadh = week("SA", "Asia/Riyadh")
    moment = riyadh.next_moment(at("2026-04-17T00:00", ZoneInfo("Asia/Riyadh")))  # Friday
    assert moment.at == at("2026-04-19T09:00", ZoneInfo("Asia/Riyadh"))  # Sunday
    assert [(off.day.isoformat(), off.kind) for off in moment.skipped] == [
        ("2026-04-17", "weekend"),
        ("2026-04-18", "weekend"),
    ]


def test_a_public_holiday_is_skipped_with_its_name() -> None:
    new_york = week("US", "America/New_York")
    moment = new_york.next_moment(at("2026-09-07T00:00", ZoneInfo("America/New_York")))
    assert moment.at.date() == dt.date(2026, 9, 8)
    assert moment.skipped[0].kind == "holiday"
    assert moment.skipped[0].name == "Labor Day"


def test_a_long_break_waits_for_its_end() -> None:
    saigon = week("VN", "Asia/Ho_Chi_Minh")
    moment = saigon.next_moment(at("2026-02-16T08:00"))
    assert moment.at == at("2026-02-25T09:00", ZoneInfo("Asia/Ho_Chi_Minh"))
    runs = {off.run.name for off in moment.skipped if off.run is not None}
    assert runs == {"Tết (Lunar New Year)"}
    # 23 and 24 Feb are working days on paper, and still skipped
    assert dt.date(2026, 2, 24) in {off.day for off in moment.skipped}


def test_a_call_needs_both_sides_at_work() -> None:
    berlin = week("DE", "Europe/Berlin")
    # Berlin 09:00-17:00 is 16:00-24:00 in Shanghai (winter): they meet 16:00-18:00
    moment = next_common(at("2026-03-04T08:00"), berlin, rep())
    assert moment.at == at("2026-03-04T09:00", ZoneInfo("Europe/Berlin"))
    assert moment.at.astimezone(SHANGHAI).hour == 16
    assert moment.rep_hours


def test_a_call_waits_for_the_reps_golden_week() -> None:
    berlin = week("DE", "Europe/Berlin")
    moment = next_common(at("2026-10-01T08:00"), berlin, rep())
    # 1-7 October is China's National Day holiday; 8 October the rep is back
    assert moment.at.astimezone(SHANGHAI) == at("2026-10-08T15:00")
    names = {off.name for off in moment.rep_skipped}
    assert "National Day" in names
    assert moment.rep_hours


def test_a_call_on_a_chinese_make_up_saturday_is_possible() -> None:
    tokyo = week("JP", "Asia/Tokyo")
    # Sat 10 Oct 2026 is an official working day in China, but not in Japan
    moment = next_common(at("2026-10-10T08:00"), tokyo, rep())
    assert moment.at.date() == dt.date(2026, 10, 13)  # Mon 12 Oct is Sports Day in Japan


def test_no_common_hours_falls_back_to_the_nearest_moment() -> None:
    los_angeles = week("US", "America/Los_Angeles")
    # 09:00-17:00 in Los Angeles is 01:00-09:00 in Shanghai (winter): they never meet.
    # The call goes to their last half hour, 08:30 for the rep, not to 01:00.
    moment = next_common(at("2026-03-04T10:00"), los_angeles, rep())
    assert not moment.rep_hours
    assert moment.at == at("2026-03-04T16:30", ZoneInfo("America/Los_Angeles"))
    assert moment.at.astimezone(SHANGHAI) == at("2026-03-05T08:30")
