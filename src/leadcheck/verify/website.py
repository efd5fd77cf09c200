"""Stage 1, the website: DNS, HTTPS then HTTP, TLS, the page, and what it really is.

Two steps, so that a batch looks at each site once however many leads name it:

* :func:`probe_site` -- what the site *is*: DNS (with the ``www.`` fallback both
  ways), the fetch (HTTPS, then HTTP when HTTPS cannot be had; a deep link that
  fails falls back to the site's root), the page read by the one page reader, and
  its kind (parked, for sale, default, suspended, unfilled template, under
  construction, from ``data/page_signatures.toml``); a CDN's bot wall instead of the
  page (``data/bot_walls.toml``: the page is unread, not an error); a page that names
  another company's domain as its own (a clone). Everything under the lead's
  :class:`Deadline`.
* :func:`website_report` -- what it means *for this lead*: how the site relates to
  the lead's email domain (``group`` when the page lists addresses at the email's
  domain), and the contacts on it read for the lead's country.

:func:`check_website` does both, for a caller without a session.
"""

from __future__ import annotations

import time
from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

from pydantic import Field

from leadcheck.contacts import Contacts, emails_in, extract_contacts
from leadcheck.inquiry import WebsiteAddress
from leadcheck.models import Frozen
from leadcheck.net.addresses import parse_ip
from leadcheck.net.dns import DnsStatus
from leadcheck.net.domains import Relation, registered_domain, relation
from leadcheck.net.fetch_result import DEFINITE_FAILURES, FetchErrorKind, FetchResult, Hop
from leadcheck.net.urls import join_url, normalize_website, site_root, split_url, with_host
from leadcheck.verify.bot_check import BotWall
from leadcheck.verify.clone import Clone
from leadcheck.verify.page import PageContent, read_document
from leadcheck.verify.page_kinds import PageKind

if TYPE_CHECKING:
    from leadcheck.deadline import Deadline
    from leadcheck.net.interfaces import Fetcher, Resolver

# Page kinds that mean "no operating business here".
DEAD_PAGE_KINDS: frozenset[PageKind] = frozenset(
    {"parked", "for_sale", "hosting_default", "suspended", "template"}
)
# HTTP answers after which a deep link is retried at the site's root.
_ROOT_RETRY_STATUSES = frozenset({400, 404, 410})


class DnsFacts(Frozen):
    status: DnsStatus
    addresses: tuple[str, ...] = ()
    cname: str | None = None
    error: str | None = None


class SiteProbe(Frozen):
    """What one website is, whoever named it: the part of a check a run shares."""

    url: str
    host: str
    registered_domain: str
    dns: DnsFacts | None = None
    fetch: FetchResult
    page: PageContent | None = None
    page_kind: PageKind | None = None
    page_signatures: tuple[str, ...] = ()
    bot_wall: BotWall | None = None  # a CDN's challenge or block instead of the page
    clone: Clone | None = None  # the page names another company's domain as its own
    # the page's e-mail addresses (contacts.emails_in), found for the clone check and
    # kept for its contacts; None: not looked for
    page_emails: tuple[str, ...] | None = None
    elapsed_ms: int = 0

    def weight(self) -> int:
        """About how many characters the probe holds (for bounded caches)."""
        page = self.page
        headers = sum(len(key) + len(value) for key, value in self.fetch.headers)
        if page is None:
            return 1_000 + headers
        held = (*page.links, *page.image_alts, *page.structured)
        return 1_000 + headers + len(page.text) + sum(len(item) for item in held)


class WebsiteReport(Frozen):
    """Everything found about one website. ``None`` means "could not be determined"."""

    input: str
    url: str | None = None
    host: str | None = None
    registered_domain: str | None = None
    inferred_from_email: bool = False
    dns: DnsFacts | None = None
    final_url: str | None = None
    redirects: tuple[Hop, ...] = ()
    reachable: bool | None = None
    https: bool | None = None
    status_code: int | None = None
    tls_valid: bool | None = None
    tls_error: str | None = None
    title: str | None = None
    description: str | None = None
    language: str | None = None
    word_count: int | None = None
    parked: bool | None = None  # a dead page: parked, for sale, default or suspended
    page_kind: PageKind | None = None
    page_signatures: tuple[str, ...] = ()
    bot_check: str | None = None  # "Cloudflare bot check": a protected site, page unread
    clone_of: str | None = None  # the domain the page names as its own, when not this one
    clone_markers: tuple[str, ...] = ()  # what named it: self (canonical/og:url), json-ld...
    contacts: Contacts | None = None  # None: no page was read
    matches_email_domain: bool | None = None
    email_domain_relation: Relation | None = None
    refused: bool = False
    refused_address: str | None = None
    error_kind: FetchErrorKind | None = None
    error: str | None = None
    elapsed_ms: int = 0
    page: PageContent | None = Field(default=None, exclude=True, repr=False)

    @property
    def scorable_page(self) -> PageContent | None:
        """The page stage 2 may read: none for a parking, for-sale, default or
        suspended page, whose words (a parker's ad keywords: "reverse osmosis",
        "water filters") are not the lead's."""
        if self.page_kind in DEAD_PAGE_KINDS:
            return None
        return self.page


def parse_website(raw: str) -> WebsiteAddress:
    """A typed website as a URL and host; ``url`` None when it is not a web address.
    (Read once per spelling: the leads of one company give the same one.)"""
    if len(raw) <= _REMEMBERED_CHARS:
        return _parse_website(raw)
    return _parse_website.__wrapped__(raw)


_REMEMBERED_CHARS = 2_000  # a longer cell is no website; it is read, not remembered


@lru_cache(maxsize=1_024)  # a company's inquiries come close together; 800 bytes each
def _parse_website(raw: str) -> WebsiteAddress:
    text = raw.strip()
    normalized = normalize_website(text)
    if normalized is None:
        return WebsiteAddress(raw=text, error=f"not a website address: {text[:200]!r}")
    url, host = normalized
    return WebsiteAddress(raw=text, url=url, host=host)


async def check_website(
    address: WebsiteAddress | str,
    *,
    resolver: Resolver,
    fetcher: Fetcher,
    deadline: Deadline,
    email_domain: str | None = None,
    region: str | None = None,
) -> WebsiteReport:
    """Check one website within ``deadline``; never raises for the network."""
    if isinstance(address, str):
        address = parse_website(address)
    probe = None
    if address.url is not None and address.host is not None:
        probe = await probe_site(
            address.url, address.host, resolver=resolver, fetcher=fetcher, deadline=deadline
        )
    contacts = site_contacts(probe, region)
    return website_report(probe, address, email_domain=email_domain, contacts=contacts)


def site_contacts(probe: SiteProbe | None, region: str | None) -> Contacts | None:
    """The contacts on a probed site's page, phone numbers read for ``region`` (None
    when no page was read: "could not tell", not "none")."""
    if probe is None or probe.page is None:
        return None
    page = probe.page
    return extract_contacts(page.text, page.links, region=region, emails=probe.page_emails)


def website_report(
    probe: SiteProbe | None,
    address: WebsiteAddress,
    *,
    email_domain: str | None,
    contacts: Contacts | None,
) -> WebsiteReport:
    """The report of one website for one lead: the shared probe plus the lead's facts."""
    if probe is None:
        return WebsiteReport(
            input=address.raw,
            inferred_from_email=address.inferred_from_email,
            reachable=False,
            error_kind=FetchErrorKind.BAD_URL,
            error=address.error or f"not a website address: {address.raw!r}",
        )
    fetch, page, kind = probe.fetch, probe.page, probe.page_kind
    email_relation = relation(email_domain, probe.host) if email_domain else None
    if (
        email_relation is Relation.DIFFERENT
        and email_domain
        and _lists_domain(contacts, email_domain)
    ):
        email_relation = Relation.GROUP
    return WebsiteReport(
        input=address.raw,
        url=probe.url,
        host=probe.host,
        registered_domain=probe.registered_domain,
        inferred_from_email=address.inferred_from_email,
        dns=probe.dns,
        final_url=fetch.final_url,
        redirects=fetch.hops,
        reachable=_reachable(fetch),
        https=_https_state(fetch),
        status_code=fetch.status_code,
        tls_valid=fetch.tls_valid,
        tls_error=fetch.tls_error,
        title=page.title if page else None,
        description=page.description if page else None,
        language=page.language if page else None,
        word_count=page.word_count if page else None,
        parked=(kind in DEAD_PAGE_KINDS) if page is not None else None,
        page_kind=kind,
        page_signatures=probe.page_signatures,
        bot_check=probe.bot_wall.describe() if probe.bot_wall is not None else None,
        clone_of=probe.clone.of if probe.clone is not None else None,
        clone_markers=probe.clone.markers if probe.clone is not None else (),
        contacts=contacts,
        matches_email_domain=(email_relation is Relation.SAME) if email_relation else None,
        email_domain_relation=email_relation,
        refused=fetch.error_kind is FetchErrorKind.REFUSED_ADDRESS,
        refused_address=fetch.refused_address,
        error_kind=fetch.error_kind,
        error=fetch.error,
        elapsed_ms=probe.elapsed_ms,
        page=page,
    )


def _lists_domain(contacts: Contacts | None, email_domain: str) -> bool:
    """Whether the page lists an address at the (company) email domain's registered domain."""
    from leadcheck.verify import maillists

    if contacts is None:
        return False
    if maillists.is_free_provider(email_domain) or maillists.is_disposable(email_domain):
        return False
    wanted = registered_domain(email_domain)
    return any(
        registered_domain(address.rsplit("@", 1)[-1]) == wanted for address in contacts.emails
    )


async def probe_site(
    url: str, host: str, *, resolver: Resolver, fetcher: Fetcher, deadline: Deadline
) -> SiteProbe:
    """DNS, fetch, page and page kind of one site, all within ``deadline``."""
    started = time.monotonic()
    dns, host, url = await resolve_site(host, url, resolver, deadline)
    return await read_site(url, host, dns, fetcher=fetcher, deadline=deadline, started=started)


async def read_site(
    url: str,
    host: str,
    dns: DnsFacts | None,
    *,
    fetcher: Fetcher,
    deadline: Deadline,
    started: float | None = None,
) -> SiteProbe:
    """The part of :func:`probe_site` after DNS: fetch, page and page kind of ``url``
    (``host``, ``dns``: what :func:`resolve_site` gave)."""
    from leadcheck.verify import page_kinds

    started = time.monotonic() if started is None else started
    domain = registered_domain(host) if parse_ip(host) is None else host

    fetch = await _fetch_https_then_http(url, fetcher, deadline)
    if fetch.status_code in _ROOT_RETRY_STATUSES:
        fetch = await _retry_at_root(url, fetch, fetcher, deadline)
    page: PageContent | None = None
    kind: PageKind | None = None
    matched: tuple[str, ...] = ()
    markup = ""
    if fetch.ok and fetch.body and not deadline.expired:
        document = read_document(fetch.body, fetch.content_type, deadline=deadline)
        page, markup = document.content, document.markup
        refresh = _meta_refresh_target(page, fetch)
        if refresh is not None and not deadline.expired:
            followed = await fetcher.fetch(refresh, deadline=deadline)
            if followed.ok:
                fetch = followed.model_copy(update={"hops": (*fetch.hops, *followed.hops)})
                if followed.body and not deadline.expired:
                    document = read_document(
                        followed.body, followed.content_type, deadline=deadline
                    )
                    page, markup = document.content, document.markup
        urls = [fetch.url, *(hop.url for hop in fetch.hops), fetch.final_url or ""]
        if page.meta_refresh:
            urls.append(page.meta_refresh)
        classification = page_kinds.classify_page(
            title=page.title, text=page.text, html=markup, urls=urls
        )
        kind, matched = classification.kind, classification.evidence
    elif fetch.ok and fetch.body:
        fetch = fetch.model_copy(
            update={
                "error_kind": FetchErrorKind.TIMEOUT,
                "error": "the page came too late to be read within the time limit",
            }
        )
    wall, clone, emails = _wall_or_clone(fetch, page, markup, host)
    if wall is not None:  # the CDN's page, not the site's: unread
        page, kind, matched = None, None, ()
    if kind in DEAD_PAGE_KINDS:  # a parking or template page copies nobody's site
        clone = None
    return SiteProbe(
        url=url,
        host=host,
        registered_domain=domain,
        dns=dns,
        fetch=fetch.model_copy(update={"body": b""}),
        page=page,
        page_kind=kind,
        page_signatures=matched,
        bot_wall=wall,
        clone=clone,
        page_emails=emails,
        elapsed_ms=int((time.monotonic() - started) * 1000),
    )


def _wall_or_clone(
    fetch: FetchResult, page: PageContent | None, markup: str, host: str
) -> tuple[BotWall | None, Clone | None, tuple[str, ...] | None]:
    """A bot wall instead of the page, or else the domain a copied page names; and the
    page's e-mail addresses, when they were looked for."""
    from leadcheck.verify import maillists
    from leadcheck.verify.bot_check import detect_wall
    from leadcheck.verify.clone import find_clone

    if fetch.status_code is None:
        return None, None, None
    wall = detect_wall(
        status=fetch.status_code,
        headers=fetch.headers,
        title=page.title if page is not None else None,
        text=page.text if page is not None else "",
        markup=markup,
    )
    if wall is not None or page is None:
        return wall, None, None
    parts = split_url(fetch.final_url or "")
    served = (parts.hostname if parts is not None else None) or host
    emails = emails_in(page.text, page.links)
    return None, find_clone(page, served, emails, maillists.load_free_providers()), emails


async def resolve_site(
    host: str, url: str, resolver: Resolver, deadline: Deadline
) -> tuple[DnsFacts | None, str, str]:
    """DNS facts for the host, and the host and URL to fetch. A name that does not
    resolve falls back to its ``www.`` form, and a ``www.`` name to the bare domain."""
    if parse_ip(host) is not None:
        return None, host, url
    lookup = await resolver.addresses(host, deadline=deadline)
    if lookup.status in (DnsStatus.NXDOMAIN, DnsStatus.NODATA):
        other = host[4:] if host.startswith("www.") else "www." + host
        if "." in other and not deadline.expired:
            other_lookup = await resolver.addresses(other, deadline=deadline)
            if other_lookup.status is DnsStatus.OK:
                url = with_host(url, other)
                host, lookup = other, other_lookup
    facts = DnsFacts(
        status=lookup.status,
        addresses=lookup.addresses,
        cname=lookup.canonical_name,
        error=lookup.error,
    )
    return facts, host, url


async def _fetch_https_then_http(url: str, fetcher: Fetcher, deadline: Deadline) -> FetchResult:
    """HTTPS first; plain HTTP when HTTPS cannot be had at all."""
    parts = urlsplit(url)
    https_url = urlunsplit(("https", parts.netloc, parts.path, parts.query, ""))
    http_url = urlunsplit(("http", parts.netloc, parts.path, parts.query, ""))
    # Leave HTTP a share of the time when HTTPS hangs.
    https_deadline = deadline if deadline.remaining() < 2 else deadline.share(0.6)
    first = await fetcher.fetch(https_url, deadline=https_deadline)
    retry_kinds = {
        FetchErrorKind.CONNECT,
        FetchErrorKind.TLS,
        FetchErrorKind.TIMEOUT,
        FetchErrorKind.PROTOCOL,
    }
    if first.ok or first.error_kind not in retry_kinds or deadline.expired:
        return first
    second = await fetcher.fetch(http_url, deadline=deadline)
    if second.ok:
        return second.model_copy(update={"tls_valid": None, "tls_error": first.tls_error})
    # Neither worked: report the more telling failure (a definite one over a timeout).
    if first.error_kind is FetchErrorKind.TIMEOUT and second.error_kind in DEFINITE_FAILURES:
        return second
    return first if first.error_kind is not FetchErrorKind.CONNECT else second


async def _retry_at_root(
    url: str, fetch: FetchResult, fetcher: Fetcher, deadline: Deadline
) -> FetchResult:
    """A deep link that is gone (``/de/kontakt?x=1`` answering 404) is retried at the
    site's root; the root's answer is the site's, the deep link's is kept otherwise."""
    root = site_root(fetch.final_url or url)
    if root in (url, fetch.final_url) or deadline.expired:
        return fetch
    again = await _fetch_https_then_http(root, fetcher, deadline)
    return again if again.ok and (again.status_code or 0) < 400 else fetch


def _meta_refresh_target(page: PageContent, fetch: FetchResult) -> str | None:
    """Follow a meta refresh once, on a near-empty page (parkers love them)."""
    if not page.meta_refresh or page.word_count > 60 or not fetch.final_url:
        return None
    target = join_url(fetch.final_url, page.meta_refresh)
    parts = split_url(target) if target else None
    if parts is None or parts.scheme not in ("http", "https") or target == fetch.final_url:
        return None
    return target


def _reachable(fetch: FetchResult) -> bool | None:
    if fetch.status_code is not None:
        return True
    if fetch.error_kind in DEFINITE_FAILURES or fetch.error_kind is FetchErrorKind.BAD_URL:
        return False
    return None


def _https_state(fetch: FetchResult) -> bool | None:
    if fetch.final_url:
        return fetch.final_url.startswith("https://")
    return None


__all__ = [
    "DEAD_PAGE_KINDS",
    "DnsFacts",
    "SiteProbe",
    "WebsiteReport",
    "check_website",
    "parse_website",
    "probe_site",
    "read_site",
    "resolve_site",
    "site_contacts",
    "website_report",
]
