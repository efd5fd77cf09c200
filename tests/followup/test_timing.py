"""Weekends, public holidays, time zones and the next window, on known dates."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from leadcheck.followup import plan_followup
from leadcheck.followup.channels import WEEKDAYS, load_channels
from leadcheck.followup.countries import load_countries
from leadcheck.followup.timing import WorkCalendar, choose_timezone

SHANGHAI = ZoneInfo("Asia/Shanghai")


def calendar(code: str) -> WorkCalendar:
    return WorkCalendar(code, load_channels())


@pytest.mark.parametrize(
    ("code", "day", "name"),
    [
        ("DE", dt.date(2026, 10, 3), "German Unity Day"),
        ("US", dt.date(2026, 7, 3), "Independence Day (observed)"),  # the 4th is a Saturday
        ("US", dt.date(2026, 7, 4), "Independence Day"),
        ("CN", dt.date(2026, 10, 1), "National Day"),
        ("JP", dt.date(2026, 4, 29), "Showa Day"),
        ("GB", dt.date(2026, 12, 25), "Christmas Day"),
    ],
)
def test_holidays_on_known_dates(code: str, day: dt.date, name: str) -> None:
    holiday = calendar(code).holiday(day)
    assert holiday is not None
    assert holiday.name == name


def test_holiday_names_in_the_local_language_too() -> None:
    holiday = calendar("DE").holiday(dt.date(2026, 10, 3))
    assert holiday is not None
    assert holiday.local_name == "Tag der Deutschen Einheit"
    us = calendar("US").holiday(dt.date(2026, 7, 4))
    assert us is not None
    assert us.local_name is None  # English already


def test_an_ordinary_day_is_no_holiday() -> None:
    assert calendar("DE").holiday(dt.date(2026, 10, 6)) is None


FRIDAY = dt.date(2026, 10, 2)
SATURDAY = dt.date(2026, 10, 10)
SUNDAY = dt.date(2026, 10, 11)


@pytest.mark.parametrize(
    ("code", "friday", "saturday", "sunday"),
    [
        ("DE", False, True, True),
        ("SA", True, True, False),  # Friday-Saturday
        ("AE", False, True, True),  # Saturday-Sunday since January 2022
        ("IR", True, False, False),  # Friday only
        ("IL", True, True, False),  # Friday-Saturday
        ("EG", True, True, False),
        ("BN", True, False, True),  # Friday and Sunday
    ],
)
def test_weekends(code: str, friday: bool, saturday: bool, sunday: bool) -> None:
    work = calendar(code)
    assert work.is_weekend(FRIDAY) is friday
    assert work.is_weekend(dt.date(2026, 10, 17)) is saturday  # an ordinary Saturday
    assert work.is_weekend(dt.date(2026, 10, 18)) is sunday


def test_chinas_make_up_working_days_are_not_weekend() -> None:
    work = calendar("CN")
    assert SATURDAY.weekday() == 5
    assert work.is_weekend_workday(SATURDAY)  # worked in exchange for the National Day week
    assert not work.is_weekend(SATURDAY)
    assert work.is_working_day(SATURDAY)
    assert work.is_weekend(dt.date(2026, 10, 17))


def test_weekend_table_agrees_with_the_holidays_package() -> None:
    import holidays

    table = load_channels()
    for code, days in table.weekend.items():
        if code == "default":
            continue
        package = holidays.country_holidays(code, years=2026)
        assert days == frozenset(package.weekend), code


@pytest.mark.parametrize(
    ("code", "phone", "zone"),
    [
        ("US", "+1 415 555 0100", "America/Los_Angeles"),
        ("US", "+1 212 555 0100", "America/New_York"),
        ("US", "(415) 555-0100", "America/Los_Angeles"),  # national format, read as US
        ("US", "+1 808 555 0100", "Pacific/Honolulu"),
        ("CA", "+1 604 555 0100", "America/Vancouver"),
        ("RU", "+7 383 123 4567", "Asia/Novosibirsk"),
        ("RU", "+7 495 123 4567", "Europe/Moscow"),
        ("BR", "+55 92 3234 5678", "America/Manaus"),
        ("BR", "+55 11 98765 4321", "America/Sao_Paulo"),
        ("MX", "+52 664 123 4567", "America/Tijuana"),
        ("ID", "+62 361 123456", "Asia/Makassar"),
        ("ID", "+62 967 123456", "Asia/Jayapura"),
    ],
)
def test_multi_zone_countries_are_refined_by_phone(code: str, phone: str, zone: str) -> None:
    choice = choose_timezone(code, load_countries(), phone=phone)
    assert choice.zone == zone
    assert choice.source == "phone"


@pytest.mark.parametrize(
    ("code", "zone"),
    [
        ("US", "America/New_York"),
        ("RU", "Europe/Moscow"),
        ("BR", "America/Sao_Paulo"),
        ("AU", "Australia/Sydney"),
        ("CA", "America/Toronto"),
        ("MX", "America/Mexico_City"),
        ("ID", "Asia/Jakarta"),
    ],
)
def test_multi_zone_countries_without_phone_use_the_default_and_say_so(
    code: str, zone: str
) -> None:
    choice = choose_timezone(code, load_countries())
    assert choice.zone == zone
    assert choice.note
    assert "several time zones" in choice.note


def test_an_ambiguous_area_code_stays_in_its_zones_and_says_so() -> None:
    choice = choose_timezone("AU", load_countries(), phone="+61 8 9123 4567")
    assert choice.zone in ("Australia/Adelaide", "Australia/Perth")
    assert choice.note
    assert "fits 2" in choice.note


def test_a_phone_from_another_country_does_not_move_the_zone() -> None:
    choice = choose_timezone("US", load_countries(), phone="+49 30 1234567")
    assert choice.zone == "America/New_York"
    assert choice.note
    assert "not from United States" in choice.note


def test_single_zone_countries_ignore_the_phone() -> None:
    choice = choose_timezone("DE", load_countries(), phone="+49 30 1234567")
    assert (choice.zone, choice.source, choice.note) == ("Europe/Berlin", "country", None)


def test_next_window_across_a_holiday_weekend_germany() -> None:
    # Friday 22 May 2026, 18:00 in Berlin; Monday 25 May is Whit Monday.
    at = dt.datetime(2026, 5, 22, 18, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    window = calendar("DE").next_window(at, SHANGHAI)
    assert window is not None
    assert window.local.isoformat() == "2026-05-26T09:00:00+02:00"
    assert window.rep.isoformat() == "2026-05-26T15:00:00+08:00"
    assert not window.open_now


def test_next_window_across_a_holiday_weekend_us_labor_day() -> None:
    plan = plan_followup(
        "US", at=dt.datetime(2026, 9, 4, 18, 0, tzinfo=ZoneInfo("America/New_York"))
    )
    assert plan.next_window is not None
    assert plan.next_window.local.isoformat() == "2026-09-08T09:00:00-04:00"
    assert plan.next_window.rep.isoformat() == "2026-09-08T21:00:00+08:00"
    assert any("Labor Day" in h.name for h in plan.upcoming_holidays)


def test_next_window_across_chinas_national_day_week() -> None:
    plan = plan_followup("CN", at=dt.datetime(2026, 9, 30, 19, 0))
    assert plan.next_window is not None
    # 1-3 and 5-7 Oct off (the 4th is a Sunday), back on Thursday 8 October.
    assert plan.next_window.local.date() == dt.date(2026, 10, 8)
    assert any("days off in a row" in reason for reason in plan.reasons)


def test_the_window_is_open_now_inside_working_hours() -> None:
    at = dt.datetime(2026, 10, 6, 10, 30, tzinfo=ZoneInfo("Europe/Berlin"))
    window = calendar("DE").next_window(at, SHANGHAI)
    assert window is not None
    assert window.open_now
    assert window.local == at
    assert window.local_end.isoformat() == "2026-10-06T17:00:00+02:00"


def test_saudi_thursday_evening_waits_for_sunday() -> None:
    at = dt.datetime(2026, 10, 15, 20, 0, tzinfo=ZoneInfo("Asia/Riyadh"))  # a Thursday
    window = calendar("SA").next_window(at, SHANGHAI)
    assert window is not None
    assert window.local.date() == dt.date(2026, 10, 18)
    assert WEEKDAYS[window.local.weekday()] == "Sun"
