"""The facts about a lead that later commands need, cut from its full report.

``leadcheck due`` plans follow-ups for thousands of stored leads every morning. It reads
these few facts (who, where, how to reach them, what the checks said) from a small JSON
column instead of unpacking every full report, and recomputes the plan from them: the
facts are kept, the plan is never replayed.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from leadcheck.batch.outcome import RowOutcome

FACTS_VERSION = 1
MAX_WARNINGS = 3
# Read for every lead by `due`: the store extracts them without parsing the rest.
HOT_FACTS = ("verdict", "country", "timezone", "fit_tier")


class LazyFacts(Mapping[str, Any]):
    """A lead's facts as stored (JSON text), parsed on the first read of a key that is
    not among the ``hot`` ones given already."""

    __slots__ = ("_hot", "_parsed", "_text")

    def __init__(self, text: str, hot: dict[str, Any] | None = None) -> None:
        self._text = text
        self._hot = hot or {}
        self._parsed: dict[str, Any] | None = None

    def _all(self) -> dict[str, Any]:
        if self._parsed is None:
            try:
                loaded = json.loads(self._text)
            except ValueError:
                loaded = {}
            self._parsed = loaded if isinstance(loaded, dict) else {}
        return self._parsed

    def __getitem__(self, key: str) -> Any:
        if key in self._hot:
            return self._hot[key]
        return self._all()[key]

    def get(self, key: str, default: Any = None) -> Any:
        if key in self._hot:
            return self._hot[key]
        return self._all().get(key, default)

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


def lead_facts(
    report: dict[str, Any] | None,
    columns: RowOutcome | Mapping[str, Any],
    *,
    email: str | None,
) -> dict[str, Any]:
    """The facts of one checked lead, as JSON types.

    ``report`` is the full report as stored (``LeadReport.model_dump(mode="json")``) or
    None; ``columns`` its result columns; ``email`` the lead's email as keyed in the store.
    """
    report = report or {}
    inquiry = report.get("inquiry") or {}
    verdict = report.get("verdict") or {}
    fit = report.get("fit") or {}
    followup = report.get("followup") or {}
    plan_contacts = followup.get("contacts") or {}
    website = report.get("website") or {}
    email_report = report.get("email") or {}
    warnings = [
        str(reason.get("message"))
        for reason in verdict.get("reasons") or ()
        if isinstance(reason, dict) and (reason.get("points") or 0) < 0 and reason.get("message")
    ][:MAX_WARNINGS]
    contacts = website.get("contacts") or plan_contacts.get("website") or None
    if isinstance(contacts, dict):
        contacts = {key: value for key, value in contacts.items() if value} or None
    return {
        "v": FACTS_VERSION,
        "email": email_report.get("normalized") or plan_contacts.get("email") or email,
        "company": inquiry.get("company"),
        "contact": inquiry.get("contact"),
        "website": website.get("host") or inquiry.get("website"),
        "phone": plan_contacts.get("phone") or inquiry.get("phone"),
        "country": followup.get("country") or columns.get("country"),
        "timezone": followup.get("timezone"),
        "verdict": verdict.get("label") or columns.get("verdict"),
        "warnings": warnings,
        "fit_tier": fit.get("tier") or columns.get("fit_tier"),
        "fit_score": fit.get("score") if fit else columns.get("fit_score"),
        "contacts": contacts,
    }
