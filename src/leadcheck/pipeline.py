"""The three stages composed: verify (stage 1) -> fit (stage 2) -> follow-up (stage 3).

One :class:`CheckSession` serves a whole run: it holds the resolver, the fetcher
and the per-run caches, so each domain is looked up and each website fetched once
per run however many leads name it::

    async with CheckSession(CheckOptions(net=NetConfig(timeout=10))) as session:
        report = await session.check(Inquiry(email="li@aquatech.de"))

For a single lead, :func:`check_lead` does the same in one call.

One lead's path: the inquiry is normalised once into a :class:`~leadcheck.inquiry.Lead`;
a :class:`~leadcheck.deadline.Deadline` is made when its check starts and handed
to the email check, the website check and the domain-age lookups (RDAP), which run
side by side; a "no such domain" or "connection refused" is checked against the
network itself (:mod:`leadcheck.verify.network`); the message is read for lures and
the domains for brand impersonation; the verdict combines it all; stage 2 reads the
website's page (when it was read and is a real page) and the inquiry's words; stage 3
plans the follow-up from the lead's country and the contacts found. A stage that
cannot tell leaves ``None`` and a note.

The network is passed in: ``CheckSession(options, resolver=..., fetcher=...)``
takes any :class:`~leadcheck.net.interfaces.Resolver` and
:class:`~leadcheck.net.interfaces.Fetcher`; by default a real resolver and a
guarded fetcher are made from ``options.net``.
"""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, NamedTuple

from pydantic import Field, model_validator

from leadcheck.deadline import Deadline, wait_within
from leadcheck.errors import InvalidInputError
from leadcheck.fit.scoring import FitResult, LeadWords, PageWords
from leadcheck.followup.rep import RepSettings, fold_rep_timezone
from leadcheck.inquiry import Inquiry, Lead, WebsiteAddress
from leadcheck.memo import Freezer, FutureMemo, Memo, freeze, frozen_size, thaw
from leadcheck.models import Frozen
from leadcheck.net.config import NetConfig
from leadcheck.report import LeadReport, StageNote
from leadcheck.verify.domain_age import DomainAges, age_of
from leadcheck.verify.email import EmailReport, check_email
from leadcheck.verify.verdict import Evidence, judge
from leadcheck.verify.website import (
    SiteProbe,
    WebsiteReport,
    parse_website,
    read_site,
    resolve_site,
    site_contacts,
    website_report,
)

if TYPE_CHECKING:
    from leadcheck.contacts import Contacts
    from leadcheck.fit.taxonomy import Taxonomy
    from leadcheck.followup import FollowupPlan
    from leadcheck.net.dns import Resolver as DnsResolver
    from leadcheck.net.health import NetworkHealth
    from leadcheck.net.interfaces import Fetcher, Resolver
    from leadcheck.net.rdap import Registration
    from leadcheck.verify.impersonation import Impersonation
    from leadcheck.verify.page import PageContent

FIT_MEMO = 4_096  # fits remembered (frozen with a shared dictionary: about 360 bytes each)
WEBSITE_MEMO = 20_000  # websites a session remembers at most...
# ...and the bytes their probes may hold, frozen (memo.freeze, the page included): about
# 3.5 KB per real home page, so the thousands of sites of a big export all stay
WEBSITE_MEMO_BYTES = 96_000_000
MORE_PAGES = 3  # other pages of a site read for fit when the home page says too little
MORE_PAGES_SHARE = 0.5  # ...within at most this share of what is left of the deadline
REGISTRATION_MEMO = 50_000  # registered domains whose RDAP answer a session remembers
RDAP_BUDGET = 4.0  # seconds a domain-age lookup may take within a lead's deadline
# ...and the bytes their terms may hold, frozen: about 0.5 KB a site where three pages
# of about 7 KB frozen were kept before (the memo then holds every site of WEBSITE_MEMO)
MORE_PAGES_MEMO_BYTES = 20_000_000
# A lead with less time than this left does not start the network's probe with a share
# of it: "no answer in 0.1 s" would say nothing about the network.
MIN_PROBE_TIME = 0.5


class MorePages(NamedTuple):
    """A site's other pages read for fit: their URLs, and the terms of the home page
    and them together (``fit.scoring.page_words`` of ``fit.page.merge_pages``)."""

    urls: tuple[str, ...]
    words: PageWords


class CheckOptions(Frozen):
    """What a run does beyond the network settings."""

    net: NetConfig = NetConfig()
    taxonomy_path: Path | None = None
    rep: RepSettings = RepSettings()  # the rep's clock, working day and days off
    at: datetime | None = None  # "now" for follow-up timing; None = the real now
    fit: bool = True
    followup: bool = True
    domain_age: bool = True  # ask the domains' registries (RDAP) when they were registered
    per_host: int = 4
    # This session checks one N-th of a run's domains (a batch worker of N, which gets
    # its share of the domains): each per-run cache is bounded to an N-th, so that the
    # run's memory stays that of one process however many cores it uses.
    cache_share: int = Field(default=1, ge=1, le=1024)

    @model_validator(mode="before")
    @classmethod
    def _rep_timezone_alone(cls, data: Any) -> Any:
        """``rep_timezone="Europe/Berlin"`` (the older spelling) sets ``rep.timezone``."""
        return fold_rep_timezone(data)

    @property
    def rep_timezone(self) -> str:
        return self.rep.timezone


def load_stage_one_data(*, domain_age: bool = True) -> None:
    """Read and compile stage 1's data files (brands and the TR39 data, lure words, bot
    walls, the RDAP bootstrap file); each is loaded once per process."""
    from leadcheck.net.rdap import rdap_url
    from leadcheck.verify import bot_check, impersonation, message

    impersonation.warm_up()
    message.warm_up()
    bot_check.load_walls()
    if domain_age:
        rdap_url("example.com")


def _shared(bound: int, share: int) -> int:
    """A cache's bound for a session that holds one ``share``-th of a run's domains."""
    return max(1, bound // share)


class CheckSession:
    """Shared resolver, fetcher and per-run caches for checking many leads."""

    def __init__(
        self,
        options: CheckOptions | None = None,
        *,
        resolver: Resolver | None = None,
        fetcher: Fetcher | None = None,
    ) -> None:
        self.options = options or CheckOptions()
        self._resolver: Resolver | None = resolver
        self._fetcher: Fetcher | None = fetcher
        self._own_fetcher = fetcher is None
        self._own_resolver: DnsResolver | None = None
        self._taxonomy: Taxonomy | None = None
        self._open = False
        # Bounded, so that memory stays flat over a 200,000-row export: websites are
        # remembered (with their page text, for fit and contacts) up to a total size.
        share = self.options.cache_share
        self._sites: FutureMemo[str, SiteProbe] = FutureMemo(
            _shared(WEBSITE_MEMO, share),
            pack=freeze,
            unpack=thaw,
            weigh=frozen_size,  # type: ignore[arg-type]
            weigh_packed=True,
            max_weight=_shared(WEBSITE_MEMO_BYTES, share),
            keep=self._kept_under,
        )
        # a site's URL -> the other name (www. or not) its probe was found and kept under
        self._site_names: Memo[str, str] = Memo(_shared(WEBSITE_MEMO, share))
        # (site url, country or "") -> the contacts on its page, phones read for that country
        contacts = Freezer()  # values of one kind: a dictionary of their own
        self._contacts: Memo[tuple[str, str], Contacts] = Memo(
            _shared(WEBSITE_MEMO, share), pack=contacts.freeze, unpack=contacts.thaw
        )
        # (page fingerprint, the terms in the lead's words) -> its fit: a site's leads
        # whose words name the same terms are scored once, however worded (the page's
        # own matches are kept per site anyway)
        fits = Freezer()  # about 360 bytes a fit instead of 1 KB
        self._fits: Memo[tuple[int, int], FitResult] = Memo(
            _shared(FIT_MEMO, share), pack=fits.freeze, unpack=fits.thaw
        )
        # site url -> its other pages read for fit (products, services, about): their
        # URLs, and the terms in them and the home page (not their text: that is all
        # a fit reads of them)
        self._more_pages: FutureMemo[str, MorePages | None] = FutureMemo(
            _shared(WEBSITE_MEMO, share),
            pack=freeze,
            unpack=thaw,
            weigh=frozen_size,  # type: ignore[arg-type]
            weigh_packed=True,
            max_weight=_shared(MORE_PAGES_MEMO_BYTES, share),
        )
        # registered domain -> its registry's answer: once per domain per run
        self._registrations: FutureMemo[str, Registration] = FutureMemo(
            _shared(REGISTRATION_MEMO, share)
        )
        self._health: NetworkHealth | None = None

    async def __aenter__(self) -> CheckSession:
        net = self.options.net
        if self._resolver is None:
            from leadcheck.net.dns import DNS_MEMO, Resolver

            resolver = Resolver(
                net.nameservers,
                query_timeout=min(5.0, net.timeout),
                memo_limit=_shared(DNS_MEMO, self.options.cache_share),
            )
            resolver.configure()  # the system's resolvers read now, not in a deadline
            self._resolver = self._own_resolver = resolver
        if self._fetcher is None:
            from leadcheck.net.http import Fetcher

            fetcher = Fetcher(net, self._resolver, per_host=self.options.per_host)
            fetcher.open()
            self._fetcher = fetcher
        # Stage 1's data files, read and compiled now (a broken one fails the run at once,
        # and none is loaded inside a lead's deadline).
        load_stage_one_data(domain_age=self.options.domain_age)
        from leadcheck.net.health import NetworkHealth

        self._health = NetworkHealth(
            self._resolver, self._fetcher, known_good_hosts=net.known_good_hosts
        )
        if self.options.fit:  # a bad taxonomy file fails the run at once, not on every lead
            from leadcheck.fit import load_taxonomy
            from leadcheck.fit.matcher import compile_taxonomy

            self._taxonomy = load_taxonomy(self.options.taxonomy_path)
            compile_taxonomy(self._taxonomy)  # now, not after the deadline
        if self.options.followup:
            from leadcheck.followup.timing import zone_info

            zone_info(self.options.rep_timezone)  # an unknown time zone fails at once too
        self._open = True
        return self

    async def check_network(self) -> None:
        """Judge the network before the first lead (:meth:`NetworkHealth.settle`): a batch
        calls this once, so that no lead of a run on a broken network is taken at its
        word, nor stored, because the verdict on the network came after its deadline."""
        if self._health is not None:
            await self._health.settle()

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        self._open = False
        for future in self._sites.futures():
            future.cancel()
        for registration in self._registrations.futures():
            registration.cancel()
        if self._health is not None:
            self._health.close()
        if self._fetcher is not None and self._own_fetcher:
            await self._fetcher.aclose()
        if self._own_resolver is not None:
            await self._own_resolver.aclose()

    def _network(self) -> tuple[Resolver, Fetcher]:
        if not self._open or self._resolver is None or self._fetcher is None:
            raise RuntimeError("use 'async with CheckSession(...)' before checking")
        return self._resolver, self._fetcher

    async def check(
        self, inquiry: Inquiry | Lead, *, deadline: Deadline | None = None
    ) -> LeadReport:
        """Check one lead within ``deadline`` (default: ``options.net.timeout`` from now).

        Network trouble becomes *unknown* parts, never an exception.
        """
        resolver, _ = self._network()
        started = time.monotonic()
        deadline = deadline or Deadline.after(self.options.net.timeout)
        if isinstance(inquiry, Lead):
            lead = inquiry
        else:
            from leadcheck.lead import normalize_lead

            lead = normalize_lead(inquiry)
        notes = [StageNote(stage="lead", message=note) for note in lead.notes]
        left = deadline.remaining()
        if self._health is not None and left > MIN_PROBE_TIME:
            # The network is judged beside the first lead, within less than its time, so
            # that a resolver that answers nothing is known as such by the time the lead's
            # own queries have timed out (a batch has judged it already: check_network).
            self._health.start(within=0.8 * left)

        email_task = None
        if lead.email is not None:
            email_task = asyncio.ensure_future(check_email(lead.email, resolver, deadline=deadline))
        ages_task = None
        if self.options.domain_age:
            ages_task = asyncio.ensure_future(self._domain_ages(lead, deadline))
        website: WebsiteReport | None = None
        try:
            if lead.website is not None:
                website = await self._website(
                    lead.website, deadline, country=lead.country, email_domain=lead.email_domain
                )
            email: EmailReport | None = await email_task if email_task is not None else None
            network = None
            if self._health is not None:
                from leadcheck.verify.network import network_problem, without_network_facts

                network = await network_problem(email, website, self._health, deadline=deadline)
                if network is not None:
                    email, website = without_network_facts(email, website, network)
                    notes.append(StageNote(stage="network", message=network.message))
            ages = await ages_task if ages_task is not None else None
        finally:
            for task in (email_task, ages_task):
                if task is not None and not task.done():
                    task.cancel()

        message = None
        if lead.inquiry.message and lead.inquiry.message.strip():
            from leadcheck.verify.message import read_message

            message = read_message(lead.inquiry.message)
        evidence = Evidence(
            network=network,
            domain_age=ages,
            impersonation=_impersonations(email, website),
            message=message,
            own_domains=_own_domains(email, website),
        )
        verdict = judge(email, website, evidence)
        fit = await self._fit(lead, website, notes, deadline)
        followup = self._followup(lead, email, website, notes)
        return LeadReport(
            inquiry=lead.inquiry,
            verdict=verdict,
            email=email,
            website=website,
            domain_age=ages or DomainAges(),
            message=message,
            impersonation=evidence.impersonation,
            network=network,
            fit=fit,
            followup=followup,
            notes=tuple(notes),
            checked_at=datetime.now(UTC),
            elapsed_ms=int((time.monotonic() - started) * 1000),
        )

    async def _domain_ages(self, lead: Lead, deadline: Deadline) -> DomainAges:
        """The registration dates of the lead's email and website domains (RDAP), once per
        domain per run, within the lead's deadline and at most :data:`RDAP_BUDGET`."""
        from leadcheck.net.domains import registered_domain
        from leadcheck.verify import maillists

        email_domain = lead.email_domain
        if email_domain and (
            maillists.is_free_provider(email_domain) or maillists.is_disposable(email_domain)
        ):
            email_domain = None  # the provider's age says nothing about the sender
        site = lead.website
        site_host = site.host if site is not None and site.url is not None else None
        from leadcheck.net.addresses import parse_ip

        if site_host is not None and parse_ip(site_host) is not None:
            site_host = None
        wanted = {
            part: registered_domain(host)
            for part, host in (("email", email_domain), ("website", site_host))
            if host
        }
        budget = deadline.earlier(Deadline.after(RDAP_BUDGET))
        domains = sorted(set(wanted.values()))
        answers: list[Registration | None] = [self._registrations.finished(d) for d in domains]
        if any(answer is None for answer in answers):  # a task per lookup only when one is due
            answers = await asyncio.gather(*(self._registration(d, budget) for d in domains))
        found = dict(zip(domains, answers, strict=True))
        when = self.options.at or datetime.now(UTC)
        today = (when if when.tzinfo is not None else when.replace(tzinfo=UTC)).astimezone(UTC)
        ages = {part: age_of(found.get(domain), today.date()) for part, domain in wanted.items()}
        empty = age_of(None, today.date())
        return DomainAges(
            email=ages.get("email", empty) if lead.email is not None else None,
            website=ages.get("website", empty) if site is not None else None,
        )

    async def _registration(self, domain: str, deadline: Deadline) -> Registration | None:
        """One RDAP lookup per registered domain per run, whichever lead asks first; a
        lookup another lead started is awaited only as long as this lead may wait."""
        from leadcheck.net.rdap import lookup_registration

        _, fetcher = self._network()
        cached = self._registrations.get(domain)
        if cached is None:
            cached = asyncio.ensure_future(lookup_registration(domain, fetcher, deadline=deadline))
            self._registrations.put(domain, cached)
        return await wait_within(cached, deadline)

    def prepare(self, lead: Lead) -> None:
        """Load now what the stages after the network will need for ``lead`` (the mail
        lists, its country's holiday calendars), so that a lead checked on its own finishes on
        time: after the deadline only quick work is left."""
        if lead.email is not None and lead.email.valid:
            from leadcheck.verify import maillists

            maillists.warm_up()  # the typo targets, read after the email's DNS answers
        if not self.options.followup or lead.country is None:
            return
        from leadcheck.followup import plan_followup

        try:
            plan_followup(lead.country, at=self.options.at, rep=self.options.rep)
        except InvalidInputError:
            return  # the real plan reports it

    async def website(self, raw: str, *, deadline: Deadline | None = None) -> WebsiteReport:
        """Check one website on its own (``leadcheck score --website``)."""
        self._network()
        deadline = deadline or Deadline.after(self.options.net.timeout)
        return await self._website(parse_website(raw), deadline, country=None, email_domain=None)

    async def _website(
        self,
        address: WebsiteAddress,
        deadline: Deadline,
        *,
        country: str | None,
        email_domain: str | None,
    ) -> WebsiteReport:
        probe = None
        if address.url is not None and address.host is not None:
            probe = await self._probe(address.url, address.host, deadline)
        contacts = self._site_contacts(probe, country)
        return website_report(probe, address, email_domain=email_domain, contacts=contacts)

    async def _probe(
        self, url: str, host: str, deadline: Deadline, *, fallback: bool = True
    ) -> SiteProbe:
        """One probe per website per run, whichever lead names it first."""
        known = self._sites.finished(url)
        if known is None and (other := self._site_names.get(url)) is not None:
            known = self._sites.finished(other)  # found under its other name before
        if known is not None:
            return known
        cached = self._sites.get(url)
        if cached is None:
            cached = asyncio.ensure_future(self._new_probe(url, host, deadline, fallback))
            self._sites.put(url, cached)
        probe = await wait_within(cached, deadline)
        if probe is not None:
            return probe
        # A probe another lead started has not finished within this lead's deadline.
        from leadcheck.net.fetch_result import FetchErrorKind, FetchResult

        return SiteProbe(
            url=url,
            host=host,
            registered_domain=host,
            fetch=FetchResult(
                url=url,
                error_kind=FetchErrorKind.TIMEOUT,
                error="no complete answer within the time limit",
            ),
        )

    def _kept_under(self, url: str, probe: SiteProbe) -> bool:
        """Whether ``url`` keeps its own frozen copy of ``probe``: not when the probe is
        another name's, still held under it (the ``www.`` fallback, either way); ``url``
        then only points to that name, rather than the run holding every such page twice.
        (Should that probe be forgotten, the next lead naming ``url`` probes it again.)"""
        if probe.url == url or not self._sites.holds(probe.url):
            return True
        self._site_names.put(url, probe.url)
        return False

    async def _new_probe(
        self, url: str, host: str, deadline: Deadline, fallback: bool
    ) -> SiteProbe:
        """:func:`probe_site`, except that when the ``www.`` fallback (either way) finds
        the site under the other name, the probe of that name is shared: an export that
        gives ``https://www.acme.de`` in one row and ``acme.de`` in the next fetches one
        page. (That probe resolves the other name again, from the cache, and finds what
        this one found: the same result.)"""
        resolver, fetcher = self._network()
        started = time.monotonic()
        dns, site_host, site_url = await resolve_site(host, url, resolver, deadline)
        if site_url != url and fallback:
            return await self._probe(site_url, site_host, deadline, fallback=False)
        return await read_site(
            site_url, site_host, dns, fetcher=fetcher, deadline=deadline, started=started
        )

    def _site_contacts(self, probe: SiteProbe | None, country: str | None) -> Contacts | None:
        if probe is None or probe.page is None:
            return None
        key = (probe.url, country or "")
        contacts = self._contacts.get(key)
        if contacts is None:
            contacts = site_contacts(probe, country)
            if contacts is not None:
                self._contacts.put(key, contacts)
        return contacts

    async def _fit(
        self,
        lead: Lead,
        website: WebsiteReport | None,
        notes: list[StageNote],
        deadline: Deadline,
    ) -> FitResult | None:
        if not self.options.fit or self._taxonomy is None:
            return None
        from leadcheck.fit.page import fit_input, has_words
        from leadcheck.fit.scoring import lead_words, score_fit

        inquiry = lead.inquiry
        page = website.scorable_page if website is not None else None
        if page is not None and not has_words(page):
            page = None  # an empty page or one built by JavaScript: unread, not "no fit"
        if page is not None and website is not None:
            words = lead_words(inquiry.company, inquiry.message, self._taxonomy)
            result = self._score(page, inquiry.company, inquiry.message, words)
            if result.tier in ("A", "B"):
                return result
            return await self._fit_with_more_pages(website, page, result, words, deadline)
        doc = fit_input(page, company=inquiry.company, message=inquiry.message)
        why = _unread_reason(website)
        alone = score_fit(doc, self._taxonomy) if (doc.company or doc.message) else None
        if alone is None or not alone.segments:
            notes.append(StageNote(stage="fit", message=f"fit is unknown: {why}"))
            return None
        notes.append(
            StageNote(stage="fit", message=f"{why}: scored on the company name and message only")
        )
        return alone.model_copy(update={"basis": "inquiry"})

    def _score(
        self, page: PageContent, company: str | None, message: str | None, words: LeadWords
    ) -> FitResult:
        """``score_fit`` of a page and an inquiry's words, remembered for the run: the
        same page with the same terms in the lead's words (``words``, their
        ``lead_words``: a fit reads
        nothing else of them) is the same fit, so a site's leads share it whatever
        their messages say around those terms. The page is known by the text's length
        and one hash of all that fit reads of it (Python's hash of a string is keyed
        per process, as for the matcher's cache), so the memo holds no page; the fit
        itself is kept frozen."""
        from leadcheck.fit.page import fit_input
        from leadcheck.fit.scoring import score_fit

        # (fit_input reads a plain text's first line as its title when the page has no
        # title, description, headings, links or alts: whether it has links counts too)
        read = (page.title, page.description, page.headings, page.image_alts, page.text)
        key = (len(page.text), hash((*read, bool(page.links), words)))
        known = self._fits.get(key)
        if known is None:
            doc = fit_input(page, company=company, message=message)
            known = score_fit(doc, self._taxonomy, words=words)
            self._fits.put(key, known)
        return known

    async def _fit_with_more_pages(
        self,
        website: WebsiteReport,
        home: PageContent,
        first: FitResult,
        words: LeadWords,
        deadline: Deadline,
    ) -> FitResult:
        """The home page says too little (below tier B): read up to :data:`MORE_PAGES`
        of the site's products, services and about pages, once per site per run."""
        key = website.final_url or website.url
        if key is None or deadline.expired:
            return first
        cached = self._more_pages.get(key)
        if cached is None:
            cached = asyncio.ensure_future(
                self._read_more_pages(key, home, deadline.share(MORE_PAGES_SHARE))
            )
            self._more_pages.put(key, cached)
        more = await wait_within(cached, deadline)
        if more is None:
            return first
        result = self._score_words(more.words, words)
        return result.model_copy(update={"pages_read": more.urls})

    def _score_words(self, page: PageWords, words: LeadWords) -> FitResult:
        """``score_words`` of a page's terms and a lead's, remembered for the run beside
        :meth:`_score`'s fits (a page's length is never negative: the keys differ)."""
        from leadcheck.fit.scoring import score_words

        key = (-1, hash((page, words)))
        known = self._fits.get(key)
        if known is None:
            known = score_words(page, words, self._taxonomy)
            self._fits.put(key, known)
        return known

    async def _read_more_pages(
        self, url: str, home: PageContent, deadline: Deadline
    ) -> MorePages | None:
        from leadcheck.fit.more_pages import pick_more_pages
        from leadcheck.fit.page import fit_input, merge_pages
        from leadcheck.fit.scoring import page_words
        from leadcheck.verify.page import read_page

        _, fetcher = self._network()
        wanted = pick_more_pages(home.links, url, language=home.language, limit=MORE_PAGES)
        if not wanted:
            return None
        fetched = await asyncio.gather(*(fetcher.fetch(link, deadline=deadline) for link in wanted))
        pages: list[tuple[str, PageContent]] = []
        for link, result in zip(wanted, fetched, strict=True):
            if not result.ok or (result.status_code or 0) >= 400 or not result.body:
                continue
            if deadline.expired:
                break
            page = read_page(result.body, result.content_type, deadline=deadline)
            if page.text or page.headings:
                pages.append((result.final_url or link, page))
        if not pages:
            return None
        merged = merge_pages(home, tuple(page for _, page in pages))
        # read once per site: not through the matcher's cache of recurring pages
        words = page_words(fit_input(merged), self._taxonomy, cached=False)
        return MorePages(urls=tuple(url for url, _ in pages), words=words)

    def _followup(
        self,
        lead: Lead,
        email: EmailReport | None,
        website: WebsiteReport | None,
        notes: list[StageNote],
    ) -> FollowupPlan | None:
        if not self.options.followup:
            return None
        if lead.country is None:
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
                lead.country,
                phone=lead.phone or lead.inquiry.phone,
                email=email.normalized if email else lead.inquiry.email,
                at=self.options.at,
                rep=self.options.rep,
                website_contacts=website.contacts if website else None,
            )
        except InvalidInputError as exc:
            notes.append(StageNote(stage="followup", message=str(exc)))
            return None


def _impersonations(
    email: EmailReport | None, website: WebsiteReport | None
) -> tuple[Impersonation, ...]:
    """The lead's domains that borrow a well-known name (brand + procurement words,
    Unicode look-alikes): each registered domain once, the email's first."""
    from leadcheck.net.domains import registered_domain
    from leadcheck.verify.impersonation import impersonation

    found = []
    seen: set[str] = set()
    if email is not None and email.valid_syntax and email.domain:
        item = impersonation(email.domain, "email")
        if item is not None:
            found.append(item)
        seen.add(registered_domain(email.domain))
    if website is not None and website.host and not website.inferred_from_email:
        domain = website.registered_domain or registered_domain(website.host)
        if domain not in seen:
            item = impersonation(domain, "website")
            if item is not None:
                found.append(item)
    return tuple(found)


def _own_domains(email: EmailReport | None, website: WebsiteReport | None) -> tuple[str, ...]:
    from leadcheck.net.domains import registered_domain

    own = []
    if email is not None and email.domain:
        own.append(registered_domain(email.domain))
    if website is not None and website.registered_domain:
        own.append(website.registered_domain)
    return tuple(dict.fromkeys(own))


def _unread_reason(website: WebsiteReport | None) -> str:
    """Why stage 2 has no page to read, in words."""
    if website is None:
        return "no website was given"
    if website.bot_check is not None:
        return f"the website is behind a {website.bot_check}"
    if website.page_kind is not None and website.page is not None:
        return f"the website is {website.page_kind.replace('_', ' ')}"
    if website.page is not None:
        return "the website's page has no text to read (built by JavaScript in the browser?)"
    if website.error:
        return f"the website could not be read ({website.error})"
    if website.status_code is not None:
        return f"the website answered HTTP {website.status_code} with no page"
    return "the website could not be read"


class WebsiteFit(Frozen):
    """``score --website``: the website's report and its fit (None: the page was not read)."""

    website: WebsiteReport
    fit: FitResult | None
    unread_reason: str | None = None


async def score_website(
    url: str,
    *,
    options: CheckOptions | None = None,
    company: str | None = None,
    message: str | None = None,
    deadline: Deadline | None = None,
) -> WebsiteFit:
    """Fetch ``url`` with stage 1's guarded fetcher and score its page.

    An unreadable page, or a parking, for-sale, default or suspended page, gives
    ``fit=None`` with the reason: an unread page is an unknown fit, not a poor one.
    """
    from leadcheck.fit.page import fit_input
    from leadcheck.fit.scoring import score_fit

    options = (options or CheckOptions()).model_copy(update={"followup": False})
    async with CheckSession(options) as session:
        website = await session.website(url, deadline=deadline)
        taxonomy = session._taxonomy
    from leadcheck.fit.page import has_words

    page = website.scorable_page
    if page is None or not has_words(page):
        return WebsiteFit(website=website, fit=None, unread_reason=_unread_reason(website))
    doc = fit_input(page, company=company, message=message)
    return WebsiteFit(website=website, fit=score_fit(doc, taxonomy))


async def check_lead(
    inquiry: Inquiry | Lead,
    options: CheckOptions | None = None,
    *,
    deadline: Deadline | None = None,
) -> LeadReport:
    """Check one lead with a session of its own."""
    if isinstance(inquiry, Inquiry):
        from leadcheck.lead import normalize_lead

        inquiry = normalize_lead(inquiry)
    async with CheckSession(options) as session:
        session.prepare(inquiry)
        return await session.check(inquiry, deadline=deadline)
