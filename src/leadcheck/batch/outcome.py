"""What a batch writes for each row: :class:`RowOutcome`, the result columns, typed.

:func:`report_columns` is the one place where a checked lead's report becomes
those columns; :func:`error_columns` makes the outcome of a row that could not be
checked. The results database stores an outcome as JSON (:meth:`RowOutcome.as_dict`)
and reads it back with :meth:`RowOutcome.from_dict`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields, replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from datetime import datetime

    from leadcheck.followup.plan import FollowupPlan
    from leadcheck.followup.rep import RepSettings
    from leadcheck.report import LeadReport
    from leadcheck.verify.verdict import Reason


@dataclass(frozen=True, slots=True)
class RowOutcome:
    """The result columns of one output row (JSON types: str, int, bool or None).

    ``fit_tier`` is ``None`` when the fit could not be told (the website was not read
    and the inquiry says nothing); ``notes`` says why.
    """

    verdict: str | None = None
    verdict_score: int | None = None
    reasons: str | None = None  # in plain words, the negative ones first
    verdict_reasons: str | None = None  # the same reasons as codes, in the same order
    email_suggestion: str | None = None  # "did you mean li.wei@gmail.com?"
    fit_tier: str | None = None
    fit_score: int | None = None
    fit_segment: str | None = None  # the best-matching industry segment
    country: str | None = None
    timezone: str | None = None  # the lead's
    phone: str | None = None  # E.164
    whatsapp: str | None = None  # https://wa.me/<digits>
    website_url: str | None = None  # the address that answered (or was tried)
    channels: str | None = None  # the one channel list: usable ranking, then B2B
    next_window_local: str | None = None  # ISO 8601 in the lead's time
    next_window_rep: str | None = None  # the same moment in the rep's time
    email_status: str | None = None
    website_status: str | None = None
    notes: str | None = None
    checked_at: str | None = None
    from_cache: bool = False
    error: str | None = None

    def get(self, name: str) -> Any:
        """The value of the column ``name`` (one of :data:`RESULT_COLUMNS`)."""
        return getattr(self, name)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RowOutcome:
        """An outcome from stored JSON; unknown keys (an older or newer store) are ignored."""
        known = {name: data[name] for name in RESULT_COLUMNS if name in data}
        return cls(**known)

    def cached(self) -> RowOutcome:
        """The same outcome, marked as taken from the results database."""
        return replace(self, from_cache=True)


RESULT_COLUMNS: tuple[str, ...] = tuple(field.name for field in fields(RowOutcome))


def report_columns(report: LeadReport) -> RowOutcome:
    """The result columns of one checked lead."""
    verdict = report.verdict
    fit = report.fit
    ordered = ordered_reasons(verdict.reasons, str(verdict.label))
    website = report.website
    site_url = (website.final_url or website.url) if website is not None else None
    return RowOutcome(
        verdict=str(verdict.label),
        verdict_score=int(verdict.score),
        reasons="; ".join(_sentence(reason.message) for reason in ordered) or None,
        verdict_reasons="; ".join(reason.code for reason in ordered) or None,
        email_suggestion=report.email.suggestion if report.email is not None else None,
        fit_tier=str(fit.tier) if fit is not None else None,
        fit_score=int(fit.score) if fit is not None else None,
        fit_segment=fit.segments[0].name if fit is not None and fit.segments else None,
        website_url=site_url,
        **plan_columns(report.followup),
        email_status=str(verdict.email_state),
        website_status=str(verdict.website_state),
        notes="; ".join(note.message for note in report.notes) or None,
        checked_at=report.checked_at.isoformat(timespec="seconds"),
    )


def plan_columns(plan: FollowupPlan | None) -> dict[str, Any]:
    """The follow-up columns of a plan (all None without one)."""
    if plan is None:
        return dict.fromkeys(PLAN_COLUMNS)
    window = plan.next_window
    return {
        "country": plan.country,
        "timezone": plan.timezone,
        "phone": plan.contacts.phone,
        "whatsapp": plan.contacts.whatsapp,
        "channels": ", ".join(plan.contact_channels),
        "next_window_local": window.local.isoformat(timespec="minutes"),
        "next_window_rep": window.rep.isoformat(timespec="minutes"),
    }


PLAN_COLUMNS = (
    "country",
    "timezone",
    "phone",
    "whatsapp",
    "channels",
    "next_window_local",
    "next_window_rep",
)


def replan(outcome: RowOutcome, rep: RepSettings, *, at: datetime | None = None) -> RowOutcome:
    """The same outcome with its follow-up columns planned again, as of ``at`` (now).

    The results database keeps facts (the lead's country, time zone and phone); the
    plan made from them (the next window above all) is recomputed on every run,
    never replayed from the day the lead was checked.
    """
    if outcome.error or not outcome.country:
        return outcome
    from leadcheck.errors import InvalidInputError
    from leadcheck.followup.plan import plan_followup

    try:
        plan = plan_followup(outcome.country, phone=outcome.phone, at=at, rep=rep)
    except InvalidInputError:
        return outcome
    return replace(outcome, **plan_columns(plan))


def ordered_reasons(reasons: Sequence[Reason], label: str | None = None) -> list[Reason]:
    """The negative reasons first, the heaviest first (what to worry about), then the
    positive ones, the strongest first, then the neutral ones. For an ``unknown``
    verdict the neutral ones come first: what could not be checked is the news."""
    if label == "unknown":
        # the network's own trouble first: it explains every other unknown part
        return sorted(
            reasons,
            key=lambda r: (not r.code.startswith("network_"), r.points != 0, r.points >= 0),
        )
    return sorted(
        reasons,
        key=lambda r: (r.points >= 0, r.points == 0, r.points if r.points < 0 else -r.points),
    )


def _sentence(message: str) -> str:
    """A reason's message as one clause of the ``reasons`` cell."""
    return " ".join(message.split()).rstrip(".;")


def error_columns(message: str) -> RowOutcome:
    """The result columns of a row that could not be checked."""
    return RowOutcome(error=message)
