"""plan_followup and infer_country: the library calls behind the command."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from leadcheck.contacts import Contacts, SocialProfile
from leadcheck.errors import InvalidInputError
from leadcheck.followup import FollowupPlan, infer_country, plan_followup

BERLIN_SATURDAY = dt.datetime(2026, 10, 3, 2, 13, tzinfo=ZoneInfo("Europe/Berlin"))


def test_json_contract() -> None:
    data = plan_followup("DE", at=BERLIN_SATURDAY).model_dump(mode="json")
    assert data["country"] == "DE"
    assert data["channels"][0] == "WhatsApp"
    assert data["timezone"] == "Europe/Berlin"
    assert data["local_time"] == "2026-10-03T02:13:00+02:00"
    assert data["is_weekend"] is True
    assert data["holiday"] == "German Unity Day"
    assert isinstance(data["upcoming_holidays"], list)
    assert data["next_window"]["local"] == "2026-10-05T09:00:00+02:00"
    assert data["next_window"]["rep"] == "2026-10-05T15:00:00+08:00"
    for extra in ("country_name", "channels_source", "is_default_channels", "b2b_channels"):
        assert extra in data
    assert data["rep_timezone"] == "Asia/Shanghai"
    assert data["rep_local_time"] == "2026-10-03T08:13:00+08:00"
    assert data["offset_hours"] == -6
    assert {"day", "channel", "action", "why"} <= set(data["cadence"][0])


def test_reasons_explain_the_silence() -> None:
    reasons = plan_followup("DE", at=BERLIN_SATURDAY).reasons
    assert reasons[0].startswith("It is 02:13 on Saturday in Germany")
    assert any("public holiday" in r and "German Unity Day" in r for r in reasons)
    assert any("weekend" in r for r in reasons)
    assert any("Skype" in r and "Microsoft Teams" in r for r in reasons)


def test_upcoming_holidays_cover_the_next_fourteen_days() -> None:
    plan = plan_followup("DE", at=dt.datetime(2026, 9, 25, 12, 0))
    assert [(h.date.isoformat(), h.name) for h in plan.upcoming_holidays] == [
        ("2026-10-03", "German Unity Day")
    ]
    assert plan.holiday is None


def test_a_naive_moment_is_the_reps_clock() -> None:
    plan = plan_followup("DE", at=dt.datetime(2026, 10, 6, 16, 0))  # 16:00 in Shanghai
    assert plan.local_time.isoformat() == "2026-10-06T10:00:00+02:00"
    assert plan.is_working_hours
    assert plan.next_window is not None
    assert plan.next_window.open_now
    other = plan_followup("DE", at=dt.datetime(2026, 10, 6, 16, 0), rep_timezone="Europe/Berlin")
    assert other.local_time.isoformat() == "2026-10-06T16:00:00+02:00"
    assert other.offset_hours == 0


def test_phone_gives_e164_and_whatsapp_link() -> None:
    plan = plan_followup("Germany", phone="030 1234567", at=BERLIN_SATURDAY)
    assert plan.contacts.phone == "+49301234567"
    assert plan.contacts.whatsapp == "https://wa.me/49301234567"
    assert plan.contacts.phone_country == "DE"
    first = plan.cadence[0]
    assert first.channel == "WhatsApp"
    assert first.link == "https://wa.me/49301234567"


def test_phone_refines_the_zone_in_the_plan() -> None:
    at = dt.datetime(2026, 7, 3, 10, 0, tzinfo=ZoneInfo("America/Los_Angeles"))
    plan = plan_followup("USA", phone="+1 415 555 0100", at=at)
    assert plan.timezone == "America/Los_Angeles"
    assert plan.timezone_source == "phone"
    assert plan.holiday == "Independence Day (observed)"
    assert "Los Angeles" in plan.reasons[0]


def test_unreadable_phone_is_a_note_not_a_crash() -> None:
    plan = plan_followup("DE", phone="call me", at=BERLIN_SATURDAY)
    assert plan.contacts.phone is None
    assert any("could not be read" in r for r in plan.reasons)


def test_country_without_a_row_gets_the_default_marked() -> None:
    plan = plan_followup("Bolivia", at=BERLIN_SATURDAY)
    assert plan.country == "BO"
    assert plan.is_default_channels
    assert plan.channels[0] == "WhatsApp"
    assert any("default ranking" in r for r in plan.reasons)


def test_cadence_days_channels_and_working_days() -> None:
    plan = plan_followup("DE", at=BERLIN_SATURDAY)
    days = [step.day for step in plan.cadence]
    assert days == sorted(days)
    assert days[:2] == [3, 7]
    channels = [step.channel for step in plan.cadence]
    assert len(set(channels)) == len(channels)  # each step on another channel
    assert "LinkedIn" in channels
    assert "Email" in channels
    dates = [step.date for step in plan.cadence]
    assert dates == sorted(set(dates))
    for step in plan.cadence:
        assert step.date.weekday() < 5
        assert step.why


def test_cadence_uses_local_champions_and_skips_retired_tools() -> None:
    assert plan_followup("JP", at=BERLIN_SATURDAY).cadence[0].channel == "LINE"
    assert plan_followup("VN", at=BERLIN_SATURDAY).cadence[0].channel == "Zalo"
    us = plan_followup("US", at=BERLIN_SATURDAY)
    assert us.cadence[0].channel == "Facebook"
    assert "Skype" not in [s.channel for s in us.cadence]
    assert "Google Hangouts" not in us.channels_usable


def test_website_contacts_are_carried_and_used() -> None:
    website = Contacts(
        phones=("+4989123456",),
        social=(SocialProfile(network="linkedin", url="https://www.linkedin.com/company/acme"),),
    )
    plan = plan_followup("DE", at=BERLIN_SATURDAY, website_contacts=website)
    assert plan.contacts.website == website
    linkedin = next(s for s in plan.cadence if s.channel == "LinkedIn")
    assert linkedin.link == "https://www.linkedin.com/company/acme"
    phone = next(s for s in plan.cadence if s.channel == "Phone")
    assert phone.link == "tel:+4989123456"


def test_unknown_country_and_zone_are_usage_errors() -> None:
    with pytest.raises(InvalidInputError, match="unknown country"):
        plan_followup("Narnia")
    with pytest.raises(InvalidInputError, match="unknown time zone"):
        plan_followup("DE", rep_timezone="Asia/Beijing")


def test_plans_round_trip_through_json() -> None:
    plan = plan_followup("CN", phone="+86 138 0013 8000", at=BERLIN_SATURDAY)
    assert FollowupPlan.model_validate_json(plan.model_dump_json()) == plan


def test_plan_is_immutable() -> None:
    from pydantic import ValidationError

    plan = plan_followup("DE", at=BERLIN_SATURDAY)
    with pytest.raises(ValidationError):
        plan.country = "FR"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("phone", "domains", "code"),
    [
        ("+49 30 1234567", (), "DE"),
        ("+49 30 1234567", ("acme.fr",), "DE"),  # the phone wins
        (None, ("acme.com", "acme.co.uk"), "GB"),
        ("030 1234567", ("acme.com",), None),
        (None, (), None),
    ],
)
def test_infer_country(phone: str | None, domains: tuple[str, ...], code: str | None) -> None:
    assert infer_country(phone=phone, domains=domains) == code


def test_many_plans_are_cheap() -> None:
    import time

    plan_followup("DE")
    start = time.perf_counter()
    for hour in range(300):
        plan_followup("US", phone="+1 212 555 0100", at=BERLIN_SATURDAY + dt.timedelta(hours=hour))
    assert time.perf_counter() - start < 3.0  # ~0.5 ms each on a laptop


def test_country_from_the_phone_when_not_given() -> None:
    plan = plan_followup(
        None, phone="+49 711 4567890", at=dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC)
    )
    assert plan.country == "DE"


def test_one_channel_list_without_retired_services_with_b2b() -> None:
    plan = plan_followup("US", at=dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC))
    assert "Skype" not in plan.contact_channels
    assert "Google Hangouts" not in plan.contact_channels
    assert plan.contact_channels[-2:] == ("LinkedIn", "Email")


def test_the_reps_golden_week_holds_the_cadence_back() -> None:
    from leadcheck.followup.rep import RepSettings

    # Lead in Germany, planned on Tue 29 Sep 2026: day 3 would be Thu 1 Oct, China's
    # National Day. The step waits until the rep is back (8 Oct).
    at = dt.datetime(2026, 9, 29, 10, 0, tzinfo=dt.UTC)
    china = plan_followup("DE", at=at, rep=RepSettings(country="CN"))
    elsewhere = plan_followup("DE", at=at, rep=RepSettings(country="DE"))
    first_china, first_de = china.cadence[0].date, elsewhere.cadence[0].date
    assert first_de == dt.date(2026, 10, 2)
    assert first_china >= dt.date(2026, 10, 8)


def test_leads_planned_on_one_day_share_a_schedule_only_with_the_same_rep() -> None:
    from leadcheck.followup.cadence import build_cadence
    from leadcheck.followup.channels import load_channels
    from leadcheck.followup.rep import RepSettings
    from leadcheck.followup.timing import WorkCalendar

    at = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)  # a Monday
    first = plan_followup("DE", at=at, phone="+49 711 2589340")
    # The rep takes Thursday off: the same country on the same day, another schedule.
    off = RepSettings(holidays=(first.cadence[0].date,))
    other = plan_followup("DE", at=at, phone="+49 711 2589340", rep=off)
    assert other.cadence[0].date > first.cadence[0].date
    again = plan_followup("DE", at=at, email="buyer@acme.de")
    assert [s.date for s in again.cadence] == [s.date for s in first.cadence]
    assert "buyer@acme.de" in again.cadence[-1].action
    assert "buyer@acme.de" not in first.cadence[-1].action
    # What the kept schedule gives is what a cadence built from nothing gives.
    table = load_channels()
    rep = RepSettings()
    fresh = build_cadence(
        table=table,
        calendar=WorkCalendar("DE", table),
        channels=first.channels,
        country_name="Germany",
        start=first.local_time.date(),
        phone=first.contacts.phone,
        rep_calendar=rep.calendar(table),
        rep_today=first.rep_local_time.date(),
    )
    assert fresh == first.cadence


def _fresh_plan(*args: object, **kwargs: object) -> FollowupPlan:
    """A plan made with every per-run cache of the module emptied first."""
    from leadcheck.followup import plan as plan_module

    for store in (
        plan_module._CLOCKS,
        plan_module._DAY_PLANS,
        plan_module._SCHEDULES,
        plan_module._ZONE_CHOICES,
    ):
        store.clear()
    return plan_followup(*args, **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("country", "phone", "email"),
    [
        ("DE", "+49 30 1234567", "einkauf@werk.de"),
        ("DE", "+43 1 5123456", None),  # a phone from elsewhere: its own reason
        ("DE", "12", None),  # unreadable: its own reason
        ("US", "+1 212 555 0147", "buyer@firm.com"),  # a time zone from the phone
        ("US", "+1 415 555 0132", None),  # ...another one, same country, same second
        ("US", None, None),
        ("BR", "+55 11 3456 7890", None),
        ("SA", None, "x@y.sa"),
    ],
)
def test_a_plan_from_the_shared_clock_is_the_plan_made_afresh(
    country: str, phone: str | None, email: str | None
) -> None:
    """The leads of one country planned in the same second share their clock (the
    time, the day, the window, the cadence's dates): each one's plan is still the one
    it would get alone, its own phone, e-mail and reasons included."""
    from leadcheck.followup.rep import RepSettings

    rep = RepSettings(timezone="Asia/Shanghai", holidays=(dt.date(2026, 10, 5),))
    for at in (BERLIN_SATURDAY, dt.datetime(2026, 12, 24, 16, 59, tzinfo=dt.UTC)):
        for other in ("+49 89 7654321", "+1 212 555 0147", None):
            plan_followup(country, phone=other, at=at, rep=rep)  # warms the shared parts
        shared = plan_followup(country, phone=phone, email=email, at=at, rep=rep)
        alone = _fresh_plan(country, phone=phone, email=email, at=at, rep=rep)
        assert shared.model_dump() == alone.model_dump()


def test_a_phone_reason_comes_after_the_clock_and_before_the_day() -> None:
    plan = plan_followup("DE", phone="+43 1 5123456", at=BERLIN_SATURDAY)
    assert plan.reasons[0].startswith("It is 02:13 on Saturday in Germany")
    assert "from Austria, not Germany" in plan.reasons[1]
    assert any("public holiday" in r for r in plan.reasons[2:])
