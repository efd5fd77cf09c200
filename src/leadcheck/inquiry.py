"""A lead as it arrives (:class:`Inquiry`) and as every stage reads it (:class:`Lead`).

An inquiry is what the rep received: every field optional and untrusted. It is
normalised once, by :func:`leadcheck.lead.normalize_lead`, into a :class:`Lead`:
the email taken apart, the website as a URL and host, the country resolved, the
phone in E.164. No stage parses the inquiry again.
"""

from __future__ import annotations

from typing import Literal

from leadcheck.models import Frozen


class Inquiry(Frozen):
    """One inquiry as the rep received it. Every field is optional and untrusted."""

    email: str | None = None
    website: str | None = None
    phone: str | None = None
    country: str | None = None
    company: str | None = None
    contact: str | None = None
    message: str | None = None


class EmailAddress(Frozen):
    """An email address taken apart; ``valid`` False with ``error`` when it is not one."""

    raw: str  # as given, stripped (the address itself when it came in a display-name form)
    extracted_from: str | None = None  # that form (``My Name <me@example.org>``), if any
    valid: bool
    error: str | None = None
    normalized: str | None = None
    local_part: str | None = None
    domain: str | None = None  # ASCII (IDNA) form, lower-case


class WebsiteAddress(Frozen):
    """A website as given (or inferred from a business email), as a URL and a host."""

    raw: str
    url: str | None = None  # None: not a web address
    host: str | None = None  # lower-case ASCII (IDNA) host, or an IP literal
    inferred_from_email: bool = False
    error: str | None = None


CountrySource = Literal["given", "phone", "domain"]


class Lead(Frozen):
    """An inquiry normalised once; what the three stages receive."""

    inquiry: Inquiry
    email: EmailAddress | None = None
    website: WebsiteAddress | None = None
    country: str | None = None  # ISO 3166-1 alpha-2
    country_source: CountrySource | None = None
    phone: str | None = None  # E.164 when it parses, else None
    notes: tuple[str, ...] = ()  # what could not be used, in words (an unknown country)

    @property
    def email_domain(self) -> str | None:
        return self.email.domain if self.email is not None and self.email.valid else None
