"""Check leads: the library entry point behind ``leadcheck verify`` and ``leadcheck batch``.

One :class:`CheckSession` serves a whole run: it owns the resolver, the HTTP
clients and the caches, so each domain is looked up and each website fetched once
per run however many leads share it::

    async with CheckSession(VerifyOptions(net=NetConfig(timeout=10))) as session:
        report = await session.verify(Inquiry(email="li@aquatech.de"))

For a single lead, :func:`verify_inquiry` does the same in one call.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from leadcheck.email_check import EmailReport, check_email, check_syntax
from leadcheck.errors import UsageError
from leadcheck.inquiry import Inquiry
from leadcheck.memo import FutureMemo, Memo
from leadcheck.models import Frozen
from leadcheck.net.config import NetConfig
from leadcheck.report import StageNote, VerifyReport
from leadcheck.verdict import judge
from leadcheck.website_check import DEAD_PAGE_KINDS, WebsiteReport, check_website, normalize_url

if TYPE_CHECKING:
    from leadcheck.contacts import Contacts
    from leadcheck.fit import FitInput, FitResult
    from leadcheck.fit.taxonomy import Taxonomy
    from leadcheck.followup import FollowupPlan
    from leadcheck.net.dns import Resolver
    from leadcheck.net.http import Fetcher
    from leadcheck.page import PageContent


WEBSITE_MEMO = 20_000  # websites a session remembers at most...
WEBSITE_MEMO_CHARS = 24_000_000  # ...and the characters of page text they may hold


def _report_weight(report: WebsiteReport) -> int:
    """About how many characters a remembered website holds."""
    page = report.page
    if page is None:
        return 1_000
    return 1_000 + len(page.text) + sum(len(link) for link in page.links)


class VerifyOptions(Frozen):
    """What a run does beyond the network settings."""

    net: NetConfig = NetConfig()
    taxonomy_path: Path | None = None
    rep_timezone: str = "Asia/Shanghai"
    at: datetime | None = None  # "now" for follow-up timing; None = the real now
    fit: bool = True
    followup: bool = True
    per_host: int = 4


class CheckSession:
    """Shared resolver, HTTP clients and per-run caches for checking many leads."""

    def __init__(self, options: VerifyOptions | None = None) -> None:
        self.options = options or VerifyOptions()
        self._resolver: Resolver | None = None
        self._fetcher: Fetcher | None = None
        self._taxonomy: Taxonomy | None = None
        # Bounded, so that memory stays flat over a 200,000-row export: websites are
        # remembered (with their page text, for fit and contacts) up to a total size.
        self._websites: FutureMemo[str, WebsiteReport] = FutureMemo(
            WEBSITE_MEMO, weigh=_report_weight, max_weight=WEBSITE_MEMO_CHARS
        )
        # (website, country or "") -> the contacts on its page, phones read for that country
        self._contacts: Memo[tuple[str, str], Contacts] = Memo(WEBSITE_MEMO)

    async def __aenter__(self) -> CheckSession:
        from leadcheck.net.dns import Resolver
        from leadcheck.net.http import Fetcher

        net = self.options.net
        self._resolver = Resolver(net.nameservers, query_timeout=min(5.0, net.timeout))
        self._fetcher = Fetcher(net, self._resolver, per_host=self.options.per_host)
        if self.options.fit:  # a bad taxonomy file fails the run at once, not on every lead
            from leadcheck.fit import load_taxonomy

            self._taxonomy = load_taxonomy(self.options.taxonomy_path)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        for future in self._websites.futures():
            future.cancel()
        if self._fetcher is not None:
            await self._fetcher.aclose()

    async def verify(self, inquiry: Inquiry) -> VerifyReport:
        """Check one lead. Network trouble becomes *unknown* parts, never an exception."""
        if self._resolver is None or self._fetcher is None:
            raise RuntimeError("use 'async with CheckSession(...)' before verify()")
        loop = asyncio.get_running_loop()
        started = loop.time()
        deadline = started + self.options.net.timeout
        notes: list[StageNote] = []

        country = self._country(inquiry, notes)
        email_task = None
        if inquiry.email and inquiry.email.strip():
            email_task = asyncio.ensure_future(
                check_email(inquiry.email, self._resolver, timeout=self.options.net.timeout)
            )
        website_input, inferred = self._website_input(inquiry)
        website: WebsiteReport | None = None
        if website_input is not None:
            website = await self._website(website_input, inferred, deadline, country)
        email: EmailReport | None = await email_task if email_task is not None else None
        if website is not None and email is not None and email.domain:
            from leadcheck.domains import relation

            related = relation(email.domain, website.host) if website.host else None
            website = website.model_copy(
                update={
                    "email_domain_relation": related,
                    "matches_email_domain": None if related is None else related.value == "same",
                }
            )

        verdict = judge(email, website)
        fit = self._fit(inquiry, website, notes)
        followup = self._followup(inquiry, email, website, country, notes)
        return VerifyReport(
            inquiry=inquiry,
            verdict=verdict,
            email=email,
            website=website,
            fit=fit,
            followup=followup,
            notes=tuple(notes),
            checked_at=datetime.now(UTC),
            elapsed_ms=int((loop.time() - started) * 1000),
        )

    def _website_input(self, inquiry: Inquiry) -> tuple[str | None, bool]:
        """The website to check: the one given, else the business email's own domain."""
        if inquiry.website and inquiry.website.strip():
            return inquiry.website.strip(), False
        if not inquiry.email:
            return None, False
        from leadcheck import maillists

        syntax = check_syntax(inquiry.email.strip())
        domain = syntax.domain
        if not syntax.valid or not domain:
            return None, False
        if maillists.is_free_provider(domain) or maillists.is_disposable(domain):
            return None, False
        return domain, True

    async def website(self, raw: str) -> WebsiteReport:
        """Check one website on its own, within the run's timeout (``leadcheck score``)."""
        if self._resolver is None or self._fetcher is None:
            raise RuntimeError("use 'async with CheckSession(...)' before website()")
        deadline = asyncio.get_running_loop().time() + self.options.net.timeout
        return await self._website(raw, False, deadline, None)

    async def _website(
        self, raw: str, inferred: bool, deadline: float, country: str | None
    ) -> WebsiteReport:
        assert self._resolver is not None
        assert self._fetcher is not None
        normalized = normalize_url(raw)
        key = normalized[0] if normalized else raw
        cached = self._websites.get(key)
        if cached is None:
            # One check per website per run, whichever lead names it first. The
            # country only changes how local phone numbers read: the first lead's
            # contacts come with the check, other countries' are read from the page.
            cached = asyncio.ensure_future(
                check_website(
                    raw,
                    resolver=self._resolver,
                    fetcher=self._fetcher,
                    deadline=deadline,
                    inferred_from_email=inferred,
                    region=country,
                )
            )
            self._websites.put(key, cached)
            report = await asyncio.shield(cached)
            self._contacts.put((key, country or ""), report.contacts)
        else:
            report = await asyncio.shield(cached)
        update: dict[str, object] = {}
        if report.page is not None:
            contacts = self._contacts.get((key, country or ""))
            if contacts is None:
                from leadcheck.contacts import extract_contacts

                page = report.page
                contacts = extract_contacts(page.text, page.links, region=country)
                self._contacts.put((key, country or ""), contacts)
            if contacts is not report.contacts:
                update["contacts"] = contacts
        if report.input != raw or report.inferred_from_email != inferred:
            update |= {"input": raw, "inferred_from_email": inferred}
        return report.model_copy(update=update) if update else report

    def _country(self, inquiry: Inquiry, notes: list[StageNote]) -> str | None:
        """The lead's ISO country: as given, else from the phone or the domains."""
        if not self.options.followup:
            return None
        from leadcheck.followup import infer_country, resolve_country

        if inquiry.country and inquiry.country.strip():
            try:
                return resolve_country(inquiry.country)
            except UsageError as exc:
                notes.append(StageNote(stage="followup", message=str(exc)))
        domains = []
        if inquiry.website:
            normalized = normalize_url(inquiry.website)
            if normalized:
                domains.append(normalized[1])
        if inquiry.email and "@" in inquiry.email:
            domains.append(inquiry.email.rsplit("@", 1)[1].strip())
        return infer_country(phone=inquiry.phone, domains=domains)

    def _fit(
        self, inquiry: Inquiry, website: WebsiteReport | None, notes: list[StageNote]
    ) -> FitResult | None:
        if not self.options.fit or self._taxonomy is None:
            return None
        from leadcheck.fit import score_fit

        if website is not None and website.page is not None and scorable_page(website) is None:
            notes.append(
                StageNote(
                    stage="fit",
                    message=f"the website is {str(website.page_kind).replace('_', ' ')}: "
                    "scored on the company name and message only",
                )
            )
        return score_fit(fit_input(inquiry, website), self._taxonomy)

    def _followup(
        self,
        inquiry: Inquiry,
        email: EmailReport | None,
        website: WebsiteReport | None,
        country: str | None,
        notes: list[StageNote],
    ) -> FollowupPlan | None:
        if not self.options.followup:
            return None
        if country is None:
            notes.append(
                StageNote(
                    stage="followup",
                    message="the lead's country is unknown: give --country, or a phone number "
                    "in international form (+49 ...)",
                )
            )
            return None
        from leadcheck.followup import plan_followup

        try:
            return plan_followup(
                country,
                phone=inquiry.phone,
                email=email.normalized if email else inquiry.email,
                at=self.options.at,
                rep_timezone=self.options.rep_timezone,
                website_contacts=website.contacts if website else None,
            )
        except UsageError as exc:
            notes.append(StageNote(stage="followup", message=str(exc)))
            return None


def scorable_page(website: WebsiteReport | None) -> PageContent | None:
    """The page stage 2 may read: none for a parking, for-sale, default or suspended
    page, whose words (a parker's ad keywords: "reverse osmosis", "water filters")
    are not the lead's."""
    if website is None or website.page_kind in DEAD_PAGE_KINDS:
        return None
    return website.page


def fit_input(inquiry: Inquiry, website: WebsiteReport | None) -> FitInput:
    """What stage 2 reads: the website's page plus the company name and the message."""
    from leadcheck.fit import FitInput

    page = scorable_page(website)
    return FitInput(
        title=page.title if page else None,
        description=page.description if page else None,
        headings=page.headings if page else (),
        body=page.text if page else "",
        company=inquiry.company,
        message=inquiry.message,
    )


async def fetch_fit_input(url: str, net: NetConfig) -> tuple[WebsiteReport, FitInput | None]:
    """Fetch ``url`` with stage 1's guarded fetcher; the page as stage 2 reads it.

    The :class:`FitInput` is ``None`` when no page could be read, or the page is a
    parking, for-sale, default or suspended page (the report says which): an unread
    page is an unknown fit, not a poor one.
    """
    options = VerifyOptions(net=net, fit=False, followup=False)
    async with CheckSession(options) as session:
        website = await session.website(url)
    if scorable_page(website) is None:
        return website, None
    return website, fit_input(Inquiry(website=url), website)


async def verify_inquiry(inquiry: Inquiry, options: VerifyOptions | None = None) -> VerifyReport:
    """Check one lead with a session of its own."""
    async with CheckSession(options) as session:
        return await session.verify(inquiry)
