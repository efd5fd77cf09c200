"""How old the lead's domains are: the email's and the website's registered domains, by RDAP.

A domain registered days or weeks before the inquiry is strong evidence of a fraud
set up for it (``<brand>-procurement.com`` registered last Tuesday); the verdict
makes a lead whose domain is under :data:`NEW_DAYS` days old at least
``suspicious``. The date comes from the domain's registry (:mod:`leadcheck.net.rdap`):
a TLD without an RDAP service, a registry that omits the date or does not answer in
time gives ``None`` for both fields, never a guess. A free-mail or throw-away
provider's domain is not looked up: its age says nothing about the sender.

In ``verify --json``::

    "domain_age": {"email": {"registered": "2026-11-24", "age_days": 7},
                   "website": {"registered": null, "age_days": null}}
"""

from __future__ import annotations

from datetime import date

from leadcheck.models import Frozen
from leadcheck.net.rdap import Registration

NEW_DAYS = 30  # registered this recently: the lead is at least suspicious
RECENT_DAYS = 180  # registered this recently: a small mark against it


class DomainAge(Frozen):
    """When one domain was registered and how many days ago (None: not known)."""

    registered: date | None = None
    age_days: int | None = None


class DomainAges(Frozen):
    """The ages of the email's and the website's domains (None: no such part)."""

    email: DomainAge | None = None
    website: DomainAge | None = None


def age_of(registration: Registration | None, today: date) -> DomainAge:
    """A registry's answer as a :class:`DomainAge` on ``today``."""
    if registration is None or registration.registered is None:
        return DomainAge()
    days = (today - registration.registered).days
    if days < 0:
        return DomainAge()
    return DomainAge(registered=registration.registered, age_days=days)


__all__ = ["NEW_DAYS", "RECENT_DAYS", "DomainAge", "DomainAges", "age_of"]
