"""Stage 1, the website: DNS, HTTPS then HTTP, TLS, the page, and what it really is.

A page is judged on what it says: parked, for-sale, hosting-default, suspended and
under-construction pages are recognised from ``data/page_signatures.toml``. The
page text is kept for industry-fit scoring, and the contacts on it for follow-up.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

from pydantic import Field

from leadcheck.contacts import Contacts, extract_contacts
from leadcheck.domains import Relation, registered_domain, relation
from leadcheck.models import Frozen
from leadcheck.net.addresses import parse_ip
from leadcheck.net.dns import DnsStatus, Resolver
from leadcheck.net.http import DEFINITE_FAILURES, Fetcher, FetchErrorKind, FetchResult, Hop
from leadcheck.page import PageContent, decode_body, parse_html
from leadcheck.urls import join_url, split_url

if TYPE_CHECKING:
    pass

# Page kinds that mean "no operating business here".
DEAD_PAGE_KINDS = frozenset({"parked", "for_sale", "hosting_default", "suspended"})


class DnsFacts(Frozen):
    status: DnsStatus
    addresses: tuple[str, ...] = ()
    cname: str | None = None
    error: str | None = None


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
    parked: bool | None = None
    page_kind: str | None = None
    page_signatures: tuple[str, ...] = ()
    contacts: Contacts = Contacts()
    matches_email_domain: bool | None = None
    email_domain_relation: Relation | None = None
    refused: bool = False
    refused_address: str | None = None
    error_kind: FetchErrorKind | None = None
    error: str | None = None
    elapsed_ms: int = 0
    page: PageContent | None = Field(default=None, exclude=True, repr=False)


def normalize_url(raw: str) -> tuple[str, str] | None:
    """``(url, host)`` from what a lead typed: ``acme.com``, ``www.acme.com``, a URL."""
    text = raw.strip().strip("<>\"'")
    if not text or len(text) > 2000 or any(ch.isspace() for ch in text):
        return None
    if "://" not in text:
        text = "https://" + text.lstrip("/")
    parts = split_url(text)
    if parts is None or parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname.rstrip(".").lower()
    if parse_ip(host) is None:
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            return None
        if "." not in host or not all(label for label in host.split(".")):
            return None
    netloc = host if parts.port is None else f"{host}:{parts.port}"
    if ":" in host:  # IPv6 literal
        netloc = f"[{host}]" if parts.port is None else f"[{host}]:{parts.port}"
    path = parts.path or "/"
    return urlunsplit((parts.scheme.lower(), netloc, path, parts.query, "")), host


async def check_website(
    raw: str,
    *,
    resolver: Resolver,
    fetcher: Fetcher,
    deadline: float,
    email_domain: str | None = None,
    inferred_from_email: bool = False,
    region: str | None = None,
) -> WebsiteReport:
    """Check one website, within ``deadline`` (event-loop time); never raises for the network."""
    from leadcheck import page_signatures

    loop = asyncio.get_running_loop()
    started = loop.time()
    normalized = normalize_url(raw)
    if normalized is None:
        return WebsiteReport(
            input=raw,
            inferred_from_email=inferred_from_email,
            reachable=False,
            error_kind=FetchErrorKind.BAD_URL,
            error=f"not a website address: {raw!r}",
        )
    url, host = normalized
    dns, host, url = await _resolve(host, url, resolver, deadline - loop.time())
    domain = registered_domain(host) if parse_ip(host) is None else host

    fetch = await _fetch_https_then_http(url, fetcher, deadline)
    page: PageContent | None = None
    kind: str | None = None
    matched: tuple[str, ...] = ()
    if fetch.ok and fetch.body:
        page, html = _parse(fetch)
        refresh = _meta_refresh_target(page, fetch)
        if refresh is not None and loop.time() < deadline:
            followed = await fetcher.fetch(refresh, deadline=deadline)
            if followed.ok:
                fetch = followed.model_copy(update={"hops": (*fetch.hops, *followed.hops)})
                if followed.body:
                    page, html = _parse(followed)
        urls = [fetch.url, *(hop.url for hop in fetch.hops), fetch.final_url or ""]
        if page.meta_refresh:
            urls.append(page.meta_refresh)
        classification = page_signatures.classify_page(
            title=page.title, text=page.text, html=html, urls=urls
        )
        kind, matched = classification.kind, classification.evidence

    email_relation = relation(email_domain, host) if email_domain else None
    return WebsiteReport(
        input=raw,
        url=url,
        host=host,
        registered_domain=domain,
        inferred_from_email=inferred_from_email,
        dns=dns,
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
        page_signatures=matched,
        contacts=extract_contacts(page.text, page.links, region=region) if page else Contacts(),
        matches_email_domain=(email_relation is Relation.SAME) if email_relation else None,
        email_domain_relation=email_relation,
        refused=fetch.error_kind is FetchErrorKind.REFUSED_ADDRESS,
        refused_address=fetch.refused_address,
        error_kind=fetch.error_kind,
        error=fetch.error,
        elapsed_ms=int((loop.time() - started) * 1000),
        page=page,
    )


async def _resolve(
    host: str, url: str, resolver: Resolver, remaining: float
) -> tuple[DnsFacts | None, str, str]:
    """DNS facts for the host; a bare domain that does not resolve falls back to www."""
    if parse_ip(host) is not None:
        return None, host, url
    timeout = max(0.1, remaining)
    lookup, cname = await asyncio.gather(
        resolver.addresses(host, timeout=timeout), resolver.query(host, "CNAME", timeout=timeout)
    )
    if lookup.status in (DnsStatus.NXDOMAIN, DnsStatus.NODATA) and not host.startswith("www."):
        www = "www." + host
        www_lookup = await resolver.addresses(www, timeout=timeout)
        if www_lookup.status is DnsStatus.OK:
            parts = urlsplit(url)
            netloc = parts.netloc.replace(host, www, 1)
            url = urlunsplit((parts.scheme, netloc, parts.path, parts.query, ""))
            host, lookup = www, www_lookup
            cname = await resolver.query(host, "CNAME", timeout=timeout)
    facts = DnsFacts(
        status=lookup.status,
        addresses=lookup.addresses,
        cname=cname.records[0] if cname.status is DnsStatus.OK and cname.records else None,
        error=lookup.error,
    )
    return facts, host, url


async def _fetch_https_then_http(url: str, fetcher: Fetcher, deadline: float) -> FetchResult:
    """HTTPS first; plain HTTP when HTTPS cannot be had at all."""
    loop = asyncio.get_running_loop()
    parts = urlsplit(url)
    https_url = urlunsplit(("https", parts.netloc, parts.path, parts.query, ""))
    http_url = urlunsplit(("http", parts.netloc, parts.path, parts.query, ""))
    remaining = deadline - loop.time()
    # Leave HTTP a share of the time when HTTPS hangs.
    https_deadline = deadline if remaining < 2 else loop.time() + remaining * 0.6
    first = await fetcher.fetch(https_url, deadline=https_deadline)
    retry_kinds = {
        FetchErrorKind.CONNECT,
        FetchErrorKind.TLS,
        FetchErrorKind.TIMEOUT,
        FetchErrorKind.PROTOCOL,
    }
    if first.ok or first.error_kind not in retry_kinds or loop.time() >= deadline:
        return first
    second = await fetcher.fetch(http_url, deadline=deadline)
    if second.ok:
        return second.model_copy(update={"tls_valid": None, "tls_error": first.tls_error})
    # Neither worked: report the more telling failure (a definite one over a timeout).
    if first.error_kind is FetchErrorKind.TIMEOUT and second.error_kind in DEFINITE_FAILURES:
        return second
    return first if first.error_kind is not FetchErrorKind.CONNECT else second


def _parse(fetch: FetchResult) -> tuple[PageContent, str]:
    html = decode_body(fetch.body, fetch.content_type)
    content_type = (fetch.content_type or "").lower()
    if content_type and "html" not in content_type and "<html" not in html[:2000].lower():
        return PageContent(text=html[:300_000]), ""
    return parse_html(html), html


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
