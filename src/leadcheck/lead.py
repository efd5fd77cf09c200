"""Normalise an inquiry once: the :class:`~leadcheck.inquiry.Lead` every stage reads.

``normalize_lead`` is the only place that parses what a lead typed: the email
(syntax, local part, ASCII domain), the website (URL and host; a business email's
own domain when no website was given), the country (as given, else from an
international phone number, else from a ccTLD) and the phone (E.164). The command
line's pre-checks call it too (``strict=True`` turns an unknown country into an
error before any network work).
"""

from __future__ import annotations

from leadcheck.errors import UnknownCountryError
from leadcheck.inquiry import CountrySource, EmailAddress, Inquiry, Lead, WebsiteAddress


def normalize_lead(inquiry: Inquiry, *, strict: bool = False) -> Lead:
    """The lead in ``inquiry``. ``strict``: an unknown country raises instead of a note."""
    from leadcheck.contacts import normalize_phone
    from leadcheck.followup.countries import country_from_domain, country_from_phone
    from leadcheck.followup.countries import resolve_country as resolve
    from leadcheck.verify.website import parse_website

    notes: list[str] = []
    email = parse_email(inquiry.email)
    website = (
        parse_website(inquiry.website) if inquiry.website and inquiry.website.strip() else None
    )
    if website is None and email is not None:
        website = website_of_email(email)

    country: str | None = None
    source: CountrySource | None = None
    if _given(inquiry.country):
        try:
            country, source = resolve(inquiry.country or ""), "given"
        except UnknownCountryError as exc:
            if strict:
                raise
            notes.append(str(exc))
    phone_text = (inquiry.phone or "").strip() or None
    if country is None and phone_text:
        code = country_from_phone(phone_text)
        if code:
            country, source = code, "phone"
    if country is None:
        for host in _hosts(website, email):
            code = country_from_domain(host)
            if code:
                country, source = code, "domain"
                break
    phone = normalize_phone(phone_text, country) if phone_text else None
    return Lead(
        inquiry=inquiry,
        email=email,
        website=website,
        country=country,
        country_source=source,
        phone=phone,
        notes=tuple(notes),
    )


def parse_email(raw: str | None) -> EmailAddress | None:
    """The address taken apart (None when nothing was given). A field that lists several
    addresses gives its first one, as a batch cell does."""
    if not _given(raw):
        return None
    from leadcheck.verify.address_forms import first_address
    from leadcheck.verify.email import check_syntax

    text = (raw or "").strip()
    return check_syntax(first_address(text) or text)


def website_of_email(email: EmailAddress) -> WebsiteAddress | None:
    """A business email's own domain as the website to check; none for free or
    throw-away mail, whose domain says nothing about the lead's company."""
    from leadcheck.verify import maillists

    domain = email.domain
    if not email.valid or not domain:
        return None
    if maillists.is_free_provider(domain) or maillists.is_disposable(domain):
        return None
    from leadcheck.verify.website import parse_website

    address = parse_website(domain)
    return address.model_copy(update={"inferred_from_email": True}) if address.url else None


def _hosts(website: WebsiteAddress | None, email: EmailAddress | None) -> list[str]:
    hosts = []
    if website is not None and website.host:
        hosts.append(website.host)
    if email is not None and email.domain:
        hosts.append(email.domain)
    return hosts


def _given(value: str | None) -> bool:
    return bool(value and value.strip())
