"""The scheduling logic of ``leadcheck due``, on leads and histories built here."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from leadcheck.batch.store import Mark, StoredLead, TouchRecord
from leadcheck.followup.due import DueItem, DueList, plan_due
from leadcheck.followup.rep import RepSettings

SHANGHAI = ZoneInfo("Asia/Shanghai")
BERLIN = ZoneInfo("Europe/Berlin")
CHECKED = dt.datetime(2026, 2, 1, 10, 0, tzinfo=SHANGHAI).timestamp()


def ts(text: str) -> float:
    return dt.datetime.fromisoformat(text).replace(tzinfo=SHANGHAI).timestamp()


def lead(
    email: str,
    *,
    country: str | None = "DE",
    zone: str | None = "Europe/Berlin",
    verdict: str = "genuine",
    tier: str | None = "A",
    phone: str | None = "+497112589340",
    contacts: dict[str, Any] | None = None,
    first_seen: float = CHECKED,
) -> StoredLead:
    facts = {
        "email": email,
        "company": f"Company of {email}",
        "country": country,
        "timezone": zone,
        "verdict": verdict,
        "fit_tier": tier,
        "phone": phone,
        "contacts": contacts,
        "warnings": ["the domain was registered 12 days ago"] if verdict == "suspicious" else [],
    }
    return StoredLead(email=email, facts=facts, checked_at=first_seen, first_seen=first_seen)


def out(email: str, at: str, channel: str = "Email") -> TouchRecord:
    return TouchRecord(email, ts(at), "out", channel)


def back(email: str, at: str) -> TouchRecord:
    return TouchRecord(email, ts(at), "in", "Email")


def due(
    leads: list[StoredLead],
    touches: list[TouchRecord],
    at: str,
    *,
    marks: dict[str, Mark] | None = None,
    every: bool = False,
    rep: RepSettings | None = None,
) -> DueList:
    by_email: dict[str, list[TouchRecord]] = {}
    for touch in touches:
        by_email.setdefault(touch.email, []).append(touch)
    return plan_due(
        leads,
        by_email,
        marks or {},
        at=dt.datetime.fromisoformat(at).replace(tzinfo=SHANGHAI),
        rep=rep,
        horizon=None if every else dt.timedelta(days=1),
    )


def only(result: DueList) -> DueItem:
    assert len(result.items) == 1, [i.email for i in result.items]
    return result.items[0]


def codes(item: DueItem) -> list[str]:
    return [reason.code for reason in item.reasons]


A = "a@aquaklar.de"


def test_the_first_follow_up_is_day_3_in_their_morning() -> None:
    result = due([lead(A)], [out(A, "2026-03-03T16:00")], "2026-03-06T08:00")
    item = only(result)
    assert (item.kind, item.step, item.day, item.channel) == ("follow-up", 1, 3, "WhatsApp")
    assert item.action_at == dt.datetime(2026, 3, 6, 9, 0, tzinfo=BERLIN)
    assert item.action_at.isoformat() == "2026-03-06T09:00:00+01:00"
    assert item.action_at_rep.isoformat() == "2026-03-06T16:00:00+08:00"
    assert item.link == "https://wa.me/497112589340"
    assert "why_this_channel" in codes(item)
    assert not item.overdue


def test_not_yet_due_is_not_listed_but_is_with_every() -> None:
    leads, touches = [lead(A)], [out(A, "2026-03-03T16:00")]
    assert due(leads, touches, "2026-03-04T08:00").items == ()
    assert due(leads, touches, "2026-03-04T08:00").summary.later == 1
    item = only(due(leads, touches, "2026-03-04T08:00", every=True))
    assert item.action_at.date() == dt.date(2026, 3, 6)


def test_the_cadence_escalates_across_channels() -> None:
    touches = [out(A, "2026-03-02T16:00")]
    seen = []
    for at in ("2026-03-05", "2026-03-09", "2026-03-12", "2026-03-16", "2026-04-01"):
        item = only(due([lead(A)], touches, f"{at}T08:00"))
        seen.append((item.step, item.channel))
        touches.append(out(A, f"{at}T16:00", item.channel or "Email"))
    assert seen == [(1, "WhatsApp"), (2, "LinkedIn"), (3, "Facebook"), (4, "Phone"), (5, "Email")]


def test_a_follow_up_on_a_later_steps_channel_marks_that_step_done() -> None:
    touches = [out(A, "2026-03-02T16:00"), out(A, "2026-03-04T16:00", "Phone")]
    item = only(due([lead(A)], touches, "2026-03-06T08:00"))
    assert (item.step, item.channel) == (1, "WhatsApp")
    touches.append(out(A, "2026-03-06T16:00", "WhatsApp"))
    item = only(due([lead(A)], touches, "2026-03-10T08:00"))
    assert (item.step, item.channel) == (2, "LinkedIn")


def test_an_email_reminder_counts_as_a_step() -> None:
    touches = [out(A, "2026-03-02T16:00"), out(A, "2026-03-05T16:00", "Email")]
    item = only(due([lead(A)], touches, "2026-03-09T08:00"))
    assert (item.step, item.channel) == (2, "LinkedIn")


def test_a_late_follow_up_pushes_the_next_one() -> None:
    touches = [out(A, "2026-03-02T16:00"), out(A, "2026-03-08T16:00", "WhatsApp")]
    # LinkedIn is day 7 (9 March), but two days must pass after Sunday's message
    assert due([lead(A)], touches, "2026-03-09T08:00").items == ()
    item = only(due([lead(A)], touches, "2026-03-10T08:00"))
    assert item.channel == "LinkedIn"


def test_a_reply_removes_the_lead_until_our_next_message() -> None:
    touches = [out(A, "2026-03-02T16:00"), back(A, "2026-03-04T18:00")]
    result = due([lead(A)], touches, "2026-03-06T08:00", every=True)
    assert result.items == ()
    assert result.summary.replied == 1
    touches.append(out(A, "2026-03-09T16:00"))  # we answer them: a new cycle from here
    assert due([lead(A)], touches, "2026-03-10T08:00").items == ()
    item = only(due([lead(A)], touches, "2026-03-12T08:00"))
    assert (item.step, item.channel) == (1, "WhatsApp")
    assert "replied_before" in codes(item)


def test_touches_after_the_moment_are_not_known_yet() -> None:
    touches = [out(A, "2026-03-02T16:00"), back(A, "2026-03-10T18:00")]
    assert only(due([lead(A)], touches, "2026-03-05T08:00")).channel == "WhatsApp"
    assert due([lead(A)], touches, "2026-03-11T08:00").items == ()


def test_fakes_never_appear() -> None:
    fake = lead("f@parked.example", verdict="fake")
    result = due([fake], [out("f@parked.example", "2026-03-02T16:00")], "2026-03-06T08:00")
    assert result.items == ()
    assert result.summary.fake == 1
    assert due([fake], [], "2026-03-06T08:00", every=True).items == ()


def test_unknown_leads_are_check_again_now() -> None:
    unknown = lead("u@servfail.example", verdict="unknown")
    item = only(due([unknown], [out("u@servfail.example", "2026-03-04T16:00")], "2026-03-05T08:00"))
    assert item.kind == "check-again"
    assert item.channel is None
    assert item.action_at_rep.isoformat() == "2026-03-05T08:00:00+08:00"
    assert "check_again" in codes(item)


def test_a_never_answered_inquiry_is_step_0() -> None:
    new = lead("n@tidewater.co.uk", country="GB", zone="Europe/London")
    touches = [back("n@tidewater.co.uk", "2026-03-05T18:00")]  # their inquiry, 10:00 London
    item = only(due([new], touches, "2026-03-06T08:00"))
    assert (item.kind, item.step, item.channel) == ("first-email", 0, "Email")
    assert item.link == "mailto:n@tidewater.co.uk"
    assert item.overdue
    assert item.action_at.isoformat() == "2026-03-06T09:00:00+00:00"  # +00:00, never Z
    assert {"not_answered", "overdue"} <= set(codes(item))


def test_a_lead_not_known_at_the_moment_is_not_listed() -> None:
    later = lead("late@x.de", first_seen=ts("2026-04-01T10:00"))
    result = due([later], [], "2026-03-06T08:00", every=True)
    assert result.items == ()
    assert result.summary.leads == 0


def test_close_the_loop_is_listed_once() -> None:
    touches = [out(A, "2026-05-04T16:00")]
    for day, channel in (("07", "WhatsApp"), ("11", "LinkedIn"), ("14", "Facebook")):
        touches.append(out(A, f"2026-05-{day}T16:00", channel))
    touches += [out(A, "2026-05-18T16:00", "Phone"), out(A, "2026-06-03T16:00", "Email")]
    item = only(due([lead(A)], touches, "2026-06-10T08:00"))
    assert (item.kind, item.step) == ("close-the-loop", 6)
    assert item.action_at.date() == dt.date(2026, 6, 10)
    result = due([lead(A)], touches, "2026-06-11T08:00", every=True)
    assert result.items == ()
    assert result.summary.closed == 1


def test_writing_again_long_after_the_loop_closed_starts_again() -> None:
    touches = [out(A, "2026-05-04T16:00")]
    for day, channel in (("07", "WhatsApp"), ("11", "LinkedIn"), ("14", "Facebook")):
        touches.append(out(A, f"2026-05-{day}T16:00", channel))
    touches += [out(A, "2026-05-18T16:00", "Phone"), out(A, "2026-06-03T16:00", "Email")]
    touches.append(out(A, "2026-09-01T16:00"))  # months later: new products, a new try
    item = only(due([lead(A)], touches, "2026-09-04T08:00"))
    assert (item.kind, item.step, item.channel) == ("follow-up", 1, "WhatsApp")
    assert (
        "your message since Tue 01 Sep" in item.reasons[codes(item).index("silent_since")].message
    )


def test_urgent_first_and_at_once_with_an_emergency_contact_flag() -> None:
    calm = lead("calm@x.de")
    urgent = lead("port@y.de", phone=None, tier="C")
    touches = [out("calm@x.de", "2026-03-03T16:00"), out("port@y.de", "2026-03-05T12:00")]
    marks = {"port@y.de": Mark(urgent=True, note="goods at Hamburg port", marked_at=0.0)}
    result = due([calm, urgent], touches, "2026-03-06T08:00", marks=marks)
    first, second = result.items
    assert (first.email, first.priority, first.urgent) == ("port@y.de", 1, True)
    assert second.email == "calm@x.de"
    # without the mark the urgent lead's WhatsApp step would wait until day 3 (8 March)
    assert first.action_at.date() == dt.date(2026, 3, 6)
    assert codes(first)[:2] == ["urgent", "ask_emergency_contact"]
    assert "Hamburg port" in first.reasons[0].message
    with_phone = lead("port@y.de", tier="C")
    result = due([with_phone], touches, "2026-03-06T08:00", marks=marks)
    assert "ask_emergency_contact" not in codes(result.items[0])


def test_order_genuine_before_suspicious_a_before_d_newer_first() -> None:
    leads = [
        lead("sus@a.de", verdict="suspicious", tier="A"),
        lead("d@b.de", tier="D"),
        lead("old@c.de", tier="A"),
        lead("new@d.de", tier="A"),
        lead("unknown@e.de", verdict="unknown", tier="A"),
    ]
    touches = [
        out("sus@a.de", "2026-03-03T16:00"),
        out("d@b.de", "2026-03-03T16:00"),
        out("old@c.de", "2026-02-20T16:00"),  # an older inquiry, overdue since 23 Feb
        out("new@d.de", "2026-03-03T16:00"),
        out("unknown@e.de", "2026-03-03T16:00"),
    ]
    result = due(leads, touches, "2026-03-06T08:00")
    assert [i.email for i in result.items] == [
        "new@d.de",
        "old@c.de",
        "d@b.de",
        "sus@a.de",
        "unknown@e.de",
    ]
    assert [i.priority for i in result.items] == [1, 2, 3, 4, 5]
    suspicious = result.items[3]
    assert (
        "registered 12 days ago"
        in suspicious.reasons[[*codes(suspicious)].index("suspicious")].message
    )


def test_their_weekend_moves_the_step() -> None:
    riyadh = lead("r@riyadh.sa", country="SA", zone="Asia/Riyadh", phone="+966112345678")
    touches = [out("r@riyadh.sa", "2026-04-14T15:00")]  # day 3 is Friday 17 April
    assert due([riyadh], touches, "2026-04-17T08:00").items == ()
    item = only(due([riyadh], touches, "2026-04-17T08:00", every=True))
    # Friday and Saturday are their weekend, Sunday (a workday in Riyadh) the rep's
    assert item.action_at.isoformat() == "2026-04-20T09:00:00+03:00"
    assert item.action_at_rep.isoformat() == "2026-04-20T14:00:00+08:00"
    assert {"their_weekend", "rep_day_off"} <= set(codes(item))
    waits = item.reasons[codes(item).index("rep_day_off")].message
    assert "Sun 19 Apr (your weekend)" in waits
    # a rep in Dubai works Monday to Friday as well: the same Monday
    dubai = RepSettings(timezone="Asia/Dubai", country="AE")
    assert (
        only(due([riyadh], touches, "2026-04-17T08:00", every=True, rep=dubai)).action_at.day == 20
    )


def test_their_public_holiday_moves_the_step() -> None:
    houston = lead("h@clearflow.com", country="US", zone="America/Chicago", phone="+17135550142")
    touches = [out("h@clearflow.com", "2026-09-04T21:00")]  # day 3 is Labor Day
    item = only(due([houston], touches, "2026-09-07T08:00", every=True))
    assert item.action_at.isoformat() == "2026-09-08T09:00:00-05:00"
    assert item.channel == "Facebook"
    holiday = item.reasons[codes(item).index("their_holiday")].message
    assert "Labor Day" in holiday


def test_a_long_break_delays_the_step_to_its_end() -> None:
    saigon = lead("m@nuocsach.vn", country="VN", zone="Asia/Ho_Chi_Minh", phone="+84903123456")
    touches = [out("m@nuocsach.vn", "2026-02-10T10:00")]
    before = only(due([saigon], touches, "2026-02-13T08:00"))
    assert before.action_at.date() == dt.date(2026, 2, 13)
    assert "break_ahead" in codes(before)
    assert due([saigon], touches, "2026-02-16T08:00").items == ()
    during = only(due([saigon], touches, "2026-02-16T08:00", every=True))
    assert during.action_at.isoformat() == "2026-02-25T09:00:00+07:00"
    assert "long_break" in codes(during)
    assert during.overdue


def test_a_call_needs_the_rep_at_work_too() -> None:
    touches = [out(A, "2026-09-17T16:00")]
    for day, channel in (("21", "WhatsApp"), ("25", "LinkedIn"), ("28", "Facebook")):
        touches.append(out(A, f"2026-09-{day}T16:00", channel))
    # the call is day 14, 1 October: China's National Day holiday until the 7th
    assert due([lead(A)], touches, "2026-10-01T08:00").items == ()
    item = only(due([lead(A)], touches, "2026-10-01T08:00", every=True))
    assert (item.channel, item.live) == ("Phone", True)
    assert item.action_at_rep.isoformat() == "2026-10-08T15:00:00+08:00"
    assert "rep_day_off" in codes(item)
    window = item.reasons[codes(item).index("call_window")].message
    assert "15:00 and 18:00 your time" in window
    # a rep in Berlin keeps German holidays and can call on 1 October
    berlin_rep = RepSettings(timezone="Europe/Berlin", country="DE")
    item = only(due([lead(A)], touches, "2026-10-01T08:00", rep=berlin_rep))
    assert item.action_at.isoformat() == "2026-10-01T09:00:00+02:00"


def test_the_reps_golden_week_holds_a_message_back_too() -> None:
    touches = [out(A, "2026-09-28T16:00")]  # the WhatsApp step would be 1 October
    assert due([lead(A)], touches, "2026-10-01T08:00").items == ()
    item = only(due([lead(A)], touches, "2026-10-01T08:00", every=True))
    assert item.channel == "WhatsApp"
    assert item.action_at.isoformat() == "2026-10-08T09:00:00+02:00"
    assert "National Day" in item.reasons[codes(item).index("rep_day_off")].message


def test_the_reps_own_days_off_hold_steps_back() -> None:
    touches = [out(A, "2026-03-03T16:00")]
    away = RepSettings(holidays=(dt.date(2026, 3, 6), dt.date(2026, 3, 9)))
    item = only(due([lead(A)], touches, "2026-03-06T08:00", every=True, rep=away))
    assert item.action_at.date() == dt.date(2026, 3, 10)
    assert "your day off" in item.reasons[codes(item).index("rep_day_off")].message


def test_contacts_from_the_website_give_the_links() -> None:
    saigon = lead(
        "m@nuocsach.vn",
        country="VN",
        zone="Asia/Ho_Chi_Minh",
        phone=None,
        contacts={
            "zalo": ["https://zalo.me/0903123456"],
            "social": [{"network": "facebook", "url": "https://www.facebook.com/nuocsach"}],
        },
    )
    touches = [out("m@nuocsach.vn", "2026-03-02T10:00")]
    item = only(due([saigon], touches, "2026-03-05T08:00"))
    assert item.channel == "Zalo"
    assert item.link == "https://zalo.me/0903123456"
    assert "https://www.facebook.com/nuocsach" in item.links


def test_no_country_plans_on_the_reps_clock() -> None:
    nowhere = lead("x@unknown.example", country=None, zone=None, phone=None)
    item = only(due([nowhere], [out("x@unknown.example", "2026-03-02T10:00")], "2026-03-05T08:00"))
    assert item.timezone == "Asia/Shanghai"
    assert "no_country" in codes(item)


def test_json_contract() -> None:
    item = only(due([lead(A)], [out(A, "2026-03-03T16:00")], "2026-03-06T08:00"))
    data = item.as_json()
    for field in ("email", "company", "action_at", "action_at_rep", "channel", "step", "priority"):
        assert field in data
    assert data["reasons"][0].keys() == {"code", "message"}
    assert data["action_at"] == "2026-03-06T09:00:00+01:00"


def test_at_must_be_aware() -> None:
    with pytest.raises(ValueError, match="aware"):
        plan_due([], {}, at=dt.datetime(2026, 3, 6, 8, 0))
