"""What a batch writes for each row: :class:`RowOutcome`, the result columns, typed.

:func:`report_columns` is the one place where a checked lead's report becomes
those columns; :func:`error_columns` makes the outcome of a row that could not be
checked. The results database stores an outcome as JSON (:meth:`RowOutcome.as_dict`)
and reads it back with :meth:`RowOutcome.from_dict`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from leadcheck.report import LeadReport


@dataclass(frozen=True, slots=True)
class RowOutcome:
    """The result columns of one output row (JSON types: str, int, bool or None).

    ``fit_tier`` is ``None`` when the fit could not be told (the website was not read
    and the inquiry says nothing); ``notes`` says why.
    """

    verdict: str | None = None
    verdict_score: int | None = None
    verdict_reasons: str | None = None
    fit_score: int | None = None
    fit_tier: str | None = None
    country: str | None = None
    channels: str | None = None
    next_window_local: str | None = None
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
    followup = report.followup
    window = followup.next_window if followup is not None else None
    return RowOutcome(
        verdict=str(verdict.label),
        verdict_score=int(verdict.score),
        verdict_reasons="; ".join(reason.code for reason in verdict.reasons),
        fit_score=int(fit.score) if fit is not None else None,
        fit_tier=str(fit.tier) if fit is not None else None,
        country=followup.country if followup is not None else None,
        # the country's ranking without retired services (Skype, Hangouts)
        channels=", ".join(followup.channels_usable) if followup is not None else None,
        next_window_local=window.local.isoformat(timespec="minutes") if window else None,
        email_status=str(verdict.email_state),
        website_status=str(verdict.website_state),
        notes="; ".join(note.message for note in report.notes) or None,
        checked_at=report.checked_at.isoformat(timespec="seconds"),
    )


def error_columns(message: str) -> RowOutcome:
    """The result columns of a row that could not be checked."""
    return RowOutcome(error=message)
