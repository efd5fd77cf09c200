"""The lean network paths give what the library paths gave, over every default scenario.

DNS: every name the world knows (and some it does not), every type the checks ask,
through the hand-built wire path and through dnspython's resolver, which the
:class:`~leadcheck.net.dns.Resolver` used before (``wire=False`` still does): the same
answers, errors included (SERVFAIL, REFUSED, truncation, timeouts).

HTTP: every site of the world, over HTTPS and HTTP, through the fetcher on asyncio
streams and through the httpx-based fetcher it replaced (kept in
``tests/net/httpx_fetcher.py`` as the reference): the same results (status, hops,
TLS validity and its reason, error kind and message, body).
"""

from __future__ import annotations

import asyncio
import os

import pytest

from leadcheck.deadline import Deadline
from leadcheck.net.config import NetConfig
from leadcheck.net.dns import DnsAnswer, Resolver
from leadcheck.net.fetch_result import FetchErrorKind, FetchResult
from leadcheck.net.http import Fetcher
from tests.net.httpx_fetcher import Fetcher as HttpxFetcher
from tests.world import World

TYPES = ("A", "AAAA", "MX", "TXT")
DEADLINE = 4.0  # tarpits and slow routes time out in both, well apart from the others


def dump(answer: DnsAnswer) -> dict[str, object]:
    return answer.model_dump()


async def ask_all(resolver: Resolver, questions: list[tuple[str, str]]) -> list[DnsAnswer]:
    slots = asyncio.Semaphore(48)  # a batch's pace: no answer late for want of CPU

    async def ask(name: str, rdtype: str) -> DnsAnswer:
        async with slots:
            return await resolver.query(name, rdtype)

    return await asyncio.gather(*(ask(name, rdtype) for name, rdtype in questions))


def test_dns_answers_are_dnspython_answers(world: World) -> None:
    names = {name.rstrip(".") for name in world.zone.names()}
    names |= {f"www.{name}" for name in list(names)[:200]}
    names |= {"no-such-name-at-all.test", "nothing.invalid", "bücher-nicht.de"}
    questions = sorted((name, rdtype) for name in names for rdtype in TYPES)

    async def both() -> tuple[list[DnsAnswer], list[DnsAnswer]]:
        wire = Resolver((world.nameserver,), query_timeout=3.0)
        reference = Resolver((world.nameserver,), query_timeout=3.0, wire=False)
        try:
            return await ask_all(wire, questions), await ask_all(reference, questions)
        finally:
            await wire.aclose()

    ours, theirs = asyncio.run(both())
    different = [
        (question, dump(a), dump(b))
        for question, a, b in zip(questions, ours, theirs, strict=True)
        if dump(a) != dump(b)
    ]
    assert not different, different[:5]
    assert {answer.status for answer in ours} >= {"ok", "nodata", "nxdomain", "error"}


def comparable(result: FetchResult) -> dict[str, object]:
    fields = result.model_dump(exclude={"elapsed_ms"})
    fields["body"] = result.body
    # the server's clock is no part of the answer: the two fetches are seconds apart
    fields["headers"] = tuple((name, value) for name, value in result.headers if name != "date")
    return fields


def test_fetches_are_the_httpx_fetches(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in world.env().items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    config = NetConfig(
        nameservers=(world.nameserver,),
        allow_private=True,
        port_map=world.port_map,
        timeout=DEADLINE,
    )
    urls = [f"{scheme}://{host}/" for host in world.sites.hosts() for scheme in ("https", "http")]

    async def fetch_all(fetcher: Fetcher | HttpxFetcher, urls: list[str]) -> list[FetchResult]:
        deadline = Deadline.after(DEADLINE)
        try:
            return await asyncio.gather(*(fetcher.fetch(url, deadline=deadline) for url in urls))
        finally:
            await fetcher.aclose()

    async def both(urls: list[str]) -> tuple[list[FetchResult], list[FetchResult]]:
        resolver = Resolver((world.nameserver,), query_timeout=min(5.0, DEADLINE))
        ours = await fetch_all(Fetcher(config, resolver), urls)
        theirs = await fetch_all(HttpxFetcher(config, resolver), urls)
        await resolver.aclose()
        return ours, theirs

    assert os.environ.get("SSL_CERT_FILE")
    ours, theirs = asyncio.run(both(urls))
    # Hundreds of fetches at once share two cores: one that timed out on one side only
    # (a ten-hop redirect chain, say) is fetched again on its own, by both.
    once = [
        url
        for url, a, b in zip(urls, ours, theirs, strict=True)
        if (a.error_kind == FetchErrorKind.TIMEOUT) != (b.error_kind == FetchErrorKind.TIMEOUT)
    ]
    for url in once:
        (a,), (b,) = asyncio.run(both([url]))
        ours[urls.index(url)], theirs[urls.index(url)] = a, b
    different = []
    timeouts = 0
    for url, a, b in zip(urls, ours, theirs, strict=True):
        if FetchErrorKind.TIMEOUT in (a.error_kind, b.error_kind):
            # built to stall (tarpits, silence, slow routes): both must give up
            assert a.error_kind == b.error_kind == FetchErrorKind.TIMEOUT, (url, a, b)
            timeouts += 1
            continue
        ours, theirs = comparable(a), comparable(b)
        if ours != theirs:
            keys = [key for key in ours if ours[key] != theirs.get(key)]
            different.append((url, {key: (ours[key], theirs.get(key)) for key in keys}))
    assert not different, different[:3]
    assert len(urls) - timeouts > 100  # most sites answer: the comparison says something


def test_a_page_far_larger_than_the_tls_buffer_arrives_whole(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """asyncio's TLS buffers are lowered to 64 KiB a connection (net/http.TLS_BUFFER):
    a 700 KB page over HTTPS still arrives byte for byte, in many reads."""
    import asyncio.sslproto

    from leadcheck.net.http import TLS_BUFFER

    for name, value in world.env().items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    rows = "".join(
        f"<tr><td>UV-C lamp {i}</td><td>{i * 7 % 1000} W</td></tr>" for i in range(16_000)
    )
    body = f"<html><title>Catalogue</title><table>{rows}</table></html>".encode()
    assert len(body) > 10 * TLS_BUFFER
    world.add_site("big-catalogue.de", {"/": body})
    config = NetConfig(nameservers=(world.nameserver,), allow_private=True, port_map=world.port_map)

    async def fetch() -> FetchResult:
        resolver = Resolver((world.nameserver,))
        fetcher = Fetcher(config, resolver)
        fetcher.open()
        try:
            return await fetcher.fetch("https://big-catalogue.de/", deadline=Deadline.after(10))
        finally:
            await fetcher.aclose()
            await resolver.aclose()

    result = asyncio.run(fetch())
    assert asyncio.sslproto.SSLProtocol.max_size <= TLS_BUFFER
    assert result.ok, result.error
    assert result.tls_valid
    assert result.body == body
