"""Small in-memory stand-ins for the network, for fast unit tests of stage 1 and the pipeline.

:class:`FakeResolver` answers DNS questions from a dict; :class:`FakeFetcher`
answers GETs from a dict of pages. Both follow the protocols of
:mod:`leadcheck.net.interfaces`, so ``CheckSession(resolver=..., fetcher=...)``
and the stage-1 checks run on them unchanged, in milliseconds. What crosses a real
network is tested against the loopback world (``tests/world``), not here.

:class:`FakeNet` builds both from a description of companies::

    net = FakeNet()
    net.company("aquatech.de", html="<title>AquaTech</title>...", mx="mx.aquatech.de")
    session = CheckSession(resolver=net.resolver, fetcher=net.fetcher)
"""

from __future__ import annotations

import asyncio
from collections import Counter
from dataclasses import dataclass, field

from leadcheck.deadline import Deadline
from leadcheck.net.config import NetConfig
from leadcheck.net.dns import AddressLookup, DnsAnswer, DnsStatus
from leadcheck.net.fetch_result import FetchErrorKind, FetchResult, Hop


@dataclass
class FakeResolver:
    """DNS from a dict: ``records[(name, type)] = (record, ...)``.

    A name listed in ``names`` (or having any record) exists: a missing type is
    NODATA; any other name is NXDOMAIN. ``errors[(name, type)]`` makes that question
    fail (SERVFAIL-like); ``lost[(name, type)]`` makes the first n asks go unanswered;
    ``delays[name]`` holds every answer for that name back.

    Like the internet, the root zone and every top-level domain have an SOA record,
    and the known-good hosts of ``NetConfig`` have an address (the network-health
    probes ask for them); ``deny_all`` denies those too.
    """

    records: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    names: set[str] = field(default_factory=set)
    errors: dict[tuple[str, str], str] = field(default_factory=dict)
    lost: Counter[tuple[str, str]] = field(default_factory=Counter)  # first n asks get no answer
    delays: dict[str, float] = field(default_factory=dict)
    canonical: dict[str, str] = field(default_factory=dict)
    asked: Counter[tuple[str, str]] = field(default_factory=Counter)
    deny_all: bool = False  # a resolver that says NXDOMAIN to everything
    denied: set[str] = field(default_factory=set)  # names (landmarks too) said not to exist

    def add(self, name: str, rdtype: str, *records: str) -> None:
        key = (name.lower(), rdtype.upper())
        self.records[key] = self.records.get(key, ()) + records
        self.names.add(name.lower())

    def answered(self, name: str, rdtype: str) -> DnsAnswer | None:
        return None  # nothing is remembered: every question is asked (and counted)

    async def query(self, name: str, rdtype: str, *, deadline: Deadline | None = None) -> DnsAnswer:
        name, rdtype = name.lower().rstrip("."), rdtype.upper()
        self.asked[(name, rdtype)] += 1
        if self.lost[(name, rdtype)] > 0:  # a datagram lost: no answer, as after a timeout
            self.lost[(name, rdtype)] -= 1
            return DnsAnswer(name=name, rdtype=rdtype, status=DnsStatus.ERROR, error="DNS timeout")
        delay = self.delays.get(name, 0.0)
        if delay:
            left = deadline.remaining() if deadline is not None else delay
            if left < delay:
                await asyncio.sleep(left)
                return DnsAnswer(
                    name=name, rdtype=rdtype, status=DnsStatus.ERROR, error="DNS timeout"
                )
            await asyncio.sleep(delay)
        return self.answer(name, rdtype)

    def answer(self, name: str, rdtype: str) -> DnsAnswer:
        """The answer to one question, at once and uncounted (the fake fetcher's lookups:
        the real resolver caches what the site check already asked)."""
        name, rdtype = name.lower().rstrip("."), rdtype.upper()
        if self.deny_all or name in self.denied:
            return DnsAnswer(name=name, rdtype=rdtype, status=DnsStatus.NXDOMAIN)
        if (name, rdtype) in self.errors:
            return DnsAnswer(
                name=name, rdtype=rdtype, status=DnsStatus.ERROR, error=self.errors[(name, rdtype)]
            )
        landmark = _landmark(name, rdtype)
        if landmark is not None and (name, rdtype) not in self.records:
            return DnsAnswer(name=name, rdtype=rdtype, status=DnsStatus.OK, records=(landmark,))
        found = self.records.get((name, rdtype))
        canonical = self.canonical.get(name)
        if found:
            return DnsAnswer(
                name=name,
                rdtype=rdtype,
                status=DnsStatus.OK,
                records=found,
                canonical_name=canonical,
            )
        if name in self.names:
            return DnsAnswer(name=name, rdtype=rdtype, status=DnsStatus.NODATA)
        return DnsAnswer(name=name, rdtype=rdtype, status=DnsStatus.NXDOMAIN)

    async def addresses(self, host: str, *, deadline: Deadline | None = None) -> AddressLookup:
        a = await self.query(host, "A", deadline=deadline)
        if a.status is not DnsStatus.NODATA:
            return AddressLookup(host=host, a=a, addresses=a.records)
        aaaa = await self.query(host, "AAAA", deadline=deadline)
        return AddressLookup(host=host, a=a, aaaa=aaaa, addresses=aaaa.records)


KNOWN_GOOD_HOSTS = NetConfig().known_good_hosts


def _landmark(name: str, rdtype: str) -> str | None:
    """The records every internet has: SOA at the root and the TLDs, the known-good hosts."""
    if rdtype == "SOA" and "." not in name:
        zone = name or "."
        return f"a.nic.{zone} hostmaster.nic.{zone} 1 1800 900 604800 86400"
    if rdtype == "A" and name in KNOWN_GOOD_HOSTS:
        return "192.0.2.80"
    return None


_LANDMARK_PAGES = frozenset(f"https://{host}/" for host in KNOWN_GOOD_HOSTS)


@dataclass(frozen=True)
class FakePage:
    """One answer of the fake web: a page, a redirect or a failure."""

    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    location: str | None = None
    error: FetchErrorKind | None = None
    delay: float = 0.0
    tls_valid: bool | None = True
    headers: tuple[tuple[str, str], ...] = ()


@dataclass
class FakeFetcher:
    """GETs from a dict ``pages[url]``; an unknown URL cannot connect, except the home
    pages of the known-good hosts (the network-health probe's), which answer 200.
    With a ``resolver`` (FakeNet gives it its own), each host is looked up first, as the
    real fetcher does: no such name, no address or a failed lookup is the fetch's error.
    ``accepts`` records the Accept header asked for each URL."""

    pages: dict[str, FakePage] = field(default_factory=dict)
    resolver: FakeResolver | None = None
    fetched: Counter[str] = field(default_factory=Counter)
    accepts: dict[str, str | None] = field(default_factory=dict)
    refuse_all: bool = False  # a network that refuses every connection
    max_redirects: int = 5

    def add(self, url: str, page: FakePage) -> None:
        self.pages[url] = page

    async def fetch(
        self, url: str, *, deadline: Deadline, accept: str | None = None
    ) -> FetchResult:
        hops: list[Hop] = []
        current = url
        self.accepts[url] = accept
        for _ in range(self.max_redirects + 1):
            failed = await self._resolve(url, current, hops, deadline)
            if failed is not None:
                return failed
            self.fetched[current] += 1
            page = self.pages.get(current)
            if page is None and current in _LANDMARK_PAGES:
                page = FakePage(body=b"<title>known good</title>")
            if self.refuse_all or page is None:
                return FetchResult(
                    url=url,
                    hops=tuple(hops),
                    error_kind=FetchErrorKind.CONNECT,
                    error=f"cannot connect: {current} refused the connection",
                )
            if page.delay:
                if deadline.remaining() < page.delay:
                    await asyncio.sleep(deadline.remaining())
                    return FetchResult(
                        url=url,
                        hops=tuple(hops),
                        error_kind=FetchErrorKind.TIMEOUT,
                        error="no complete answer within the time limit",
                    )
                await asyncio.sleep(page.delay)
            if page.error is not None:
                return FetchResult(
                    url=url, hops=tuple(hops), error_kind=page.error, error=f"{page.error} error"
                )
            if page.location is not None:
                hops.append(Hop(url=current, status_code=page.status, location=page.location))
                current = page.location
                continue
            https = current.startswith("https://")
            return FetchResult(
                url=url,
                final_url=current,
                status_code=page.status,
                hops=tuple(hops),
                content_type=page.content_type,
                headers=tuple((key.lower(), value) for key, value in page.headers),
                body=page.body,
                body_bytes=len(page.body),
                tls_valid=page.tls_valid if https else None,
            )
        return FetchResult(
            url=url,
            hops=tuple(hops),
            error_kind=FetchErrorKind.TOO_MANY_REDIRECTS,
            error="too many redirects",
        )

    async def _resolve(
        self, url: str, current: str, hops: list[Hop], deadline: Deadline
    ) -> FetchResult | None:
        if self.resolver is None:
            return None
        from urllib.parse import urlsplit

        host = urlsplit(current).hostname or ""
        a = self.resolver.answer(host, "A")
        aaaa = self.resolver.answer(host, "AAAA") if a.status is DnsStatus.NODATA else None
        lookup = AddressLookup(
            host=host, a=a, aaaa=aaaa, addresses=a.records or (aaaa.records if aaaa else ())
        )
        kind = {
            DnsStatus.NXDOMAIN: FetchErrorKind.NXDOMAIN,
            DnsStatus.NODATA: FetchErrorKind.NO_ADDRESS,
            DnsStatus.ERROR: FetchErrorKind.DNS_ERROR,
        }.get(lookup.status)
        if kind is None:
            return None
        return FetchResult(url=url, hops=tuple(hops), error_kind=kind, error=f"{host}: {kind}")

    async def aclose(self) -> None:
        return None


def company_page(name: str, about: str, *, email: str | None = None, words: int = 80) -> bytes:
    """A plain, real-looking company home page."""
    filler = " ".join(
        ["We", "build", "and", "service", "equipment", "for", "industrial", "customers"] * 12
    )
    contact = f'<p>Contact: <a href="mailto:{email}">{email}</a></p>' if email else ""
    html = (
        f"<!doctype html><html lang='en'><head><title>{name}</title>"
        f"<meta name='description' content='{about}'></head><body>"
        f"<h1>{name}</h1><p>{about}</p><p>{' '.join(filler.split()[:words])}</p>"
        f"{contact}<footer>© 2026 {name}</footer></body></html>"
    )
    return html.encode("utf-8")


@dataclass
class FakeNet:
    """A resolver and a fetcher describing the same little world."""

    resolver: FakeResolver = field(default_factory=FakeResolver)
    fetcher: FakeFetcher = field(default_factory=FakeFetcher)

    def __post_init__(self) -> None:
        if self.fetcher.resolver is None:
            self.fetcher.resolver = self.resolver

    def mail_domain(self, domain: str, *, mx: str | None = None, spf: bool = True) -> None:
        """A domain that receives mail (MX to ``mx``, default ``mx.<domain>``)."""
        self.resolver.add(domain, "MX", f"10 {mx or 'mx.' + domain}")
        if spf:
            self.resolver.add(domain, "TXT", "v=spf1 mx -all")

    def site(
        self, host: str, body: bytes, *, address: str = "203.0.113.10", **page: object
    ) -> None:
        """A host with an address that serves ``body`` at ``https://host/``."""
        self.resolver.add(host, "A", address)
        self.fetcher.add(f"https://{host}/", FakePage(body=body, **page))  # type: ignore[arg-type]

    def company(self, domain: str, name: str, about: str, *, email: str | None = None) -> None:
        """A company with mail on its domain and a home page on it."""
        self.mail_domain(domain)
        self.site(domain, company_page(name, about, email=email))

    def registered(self, domain: str, day: str | None, *, status: int = 200) -> None:
        """The registry's RDAP answer for ``domain`` (``day`` as ``YYYY-MM-DD``; None: an
        answer without a registration event), at the URL of the shipped bootstrap."""
        import json

        from leadcheck.net.rdap import rdap_url

        url = rdap_url(domain)
        assert url is not None, f"no RDAP service for {domain}"
        from urllib.parse import urlsplit

        server = urlsplit(url).hostname or ""
        if (server, "A") not in self.resolver.records:
            self.resolver.add(server, "A", "192.0.2.43")
        events = [{"eventAction": "last changed", "eventDate": "2026-01-01T00:00:00Z"}]
        if day is not None:
            events.append({"eventAction": "registration", "eventDate": f"{day}T10:00:00Z"})
        body = {"objectClassName": "domain", "ldhName": domain, "events": events}
        self.fetcher.add(
            url,
            FakePage(
                body=json.dumps(body).encode(),
                status=status,
                content_type="application/rdap+json",
            ),
        )
