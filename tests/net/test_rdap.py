"""RDAP (leadcheck.net.rdap): the bootstrap file, the routing, the answers' quirks."""

from __future__ import annotations

import asyncio
import json
from datetime import date
from pathlib import Path

import pytest

from leadcheck.deadline import Deadline
from leadcheck.errors import DataFileError
from leadcheck.net.rdap import (
    ACCEPT,
    load_bootstrap,
    lookup_registration,
    parse_bootstrap,
    rdap_url,
    refresh_bootstrap,
    registration_from_answer,
)
from tests.fakes import FakeFetcher, FakeNet, FakePage


def test_the_shipped_bootstrap_is_ianas_file() -> None:
    bootstrap = load_bootstrap()
    assert bootstrap.version == "1.0"
    assert bootstrap.publication.year >= 2026
    assert len(bootstrap.services) > 500


@pytest.mark.parametrize(
    ("domain", "url"),
    [
        ("acme.com", "https://rdap.verisign.com/com/v1/domain/acme.com"),
        ("acme.net", "https://rdap.verisign.com/net/v1/domain/acme.net"),
        ("acme.co.uk", "https://rdap.nominet.uk/uk/domain/acme.co.uk"),
        ("ACME.org.", "https://rdap.publicinterestregistry.org/rdap/domain/acme.org"),
        ("acme.de", None),  # DENIC is not in IANA's file: no date, never a guess
        ("acme.cn", None),
        ("acme.kg", None),  # an http-only service is not used
        ("acme.invalidtld", None),
        ("müller.com", None),  # give the A-label
    ],
)
def test_routing_by_the_longest_listed_suffix(domain: str, url: str | None) -> None:
    assert rdap_url(domain) == url


def answer(**fields: object) -> bytes:
    body: dict[str, object] = {"objectClassName": "domain", "ldhName": "acme.com"}
    body.update(fields)
    return json.dumps(body).encode()


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (answer(events=[{"eventAction": "registration", "eventDate": "2026-11-24T09:15:02Z"}]),
         date(2026, 11, 24)),
        # an offset and a fraction: the date in UTC
        (answer(events=[{"eventAction": "registration",
                         "eventDate": "2026-11-24T01:15:02.437+08:00"}]), date(2026, 11, 23)),
        # Verisign writes the name in upper case
        (answer(ldhName="ACME.COM",
                events=[{"eventAction": "Registration", "eventDate": "2001-02-03T00:00:00Z"}]),
         date(2001, 2, 3)),
        (answer(), None),  # no events (DENIC style)
        (answer(events=[{"eventAction": "last changed", "eventDate": "2025-01-01T00:00:00Z"}]),
         None),
        (answer(events=[{"eventAction": "registration", "eventDate": "soon"}]), None),
        (answer(events=[{"eventAction": "registration", "eventDate": "2999-01-01T00:00:00Z"}]),
         None),  # a date in the future cannot be right
        (answer(ldhName="other.com",
                events=[{"eventAction": "registration", "eventDate": "2001-01-01T00:00:00Z"}]),
         None),
        (b"<html><title>whois</title></html>", None),
        (b"[" * 100_000, None),  # nested beyond the parser's depth
        (b"{}" + b" " * 300_000, None),  # too large
    ],
)  # fmt: skip
def test_the_registration_event_or_nothing(body: bytes, expected: date | None) -> None:
    registered, problem = registration_from_answer(body, "acme.com")
    assert registered == expected
    assert (problem is None) is (expected is not None)


def lookup(net: FakeNet, domain: str) -> object:
    return asyncio.run(lookup_registration(domain, net.fetcher, deadline=Deadline.after(2)))


def test_a_lookup_asks_for_rdap_json_at_the_bootstrap_url() -> None:
    net = FakeNet()
    net.registered("acme.com", "2024-05-06")
    result = lookup(net, "acme.com")
    assert result.registered == date(2024, 5, 6)  # type: ignore[attr-defined]
    url = rdap_url("acme.com")
    assert net.fetcher.accepts[url] == ACCEPT  # type: ignore[index]


@pytest.mark.parametrize(("status", "words"), [(404, "does not know"), (429, "rate"), (500, "500")])
def test_registry_errors_give_no_date(status: int, words: str) -> None:
    net = FakeNet()
    net.registered("acme.com", "2024-05-06", status=status)
    result = lookup(net, "acme.com")
    assert result.registered is None  # type: ignore[attr-defined]
    assert words in result.error  # type: ignore[attr-defined]


def test_no_service_no_request() -> None:
    fetcher = FakeFetcher()
    result = asyncio.run(lookup_registration("acme.de", fetcher, deadline=Deadline.after(1)))
    assert result.registered is None
    assert not fetcher.fetched


def test_an_unanswered_lookup_gives_no_date() -> None:
    net = FakeNet()
    net.fetcher.add(rdap_url("slow.com") or "", FakePage(body=b"{}", delay=1.0))
    result = asyncio.run(
        lookup_registration("slow.com", net.fetcher, deadline=Deadline.after(0.05))
    )
    assert result.registered is None


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ({"version": "1.0", "publication": "2026-01-01T00:00:00Z", "services": []}, "services"),
        ({"version": "1.0", "publication": "yesterday", "services": [[["com"], ["https://x/"]]]},
         "publication"),
        ({"version": "1.0", "publication": "2026-01-01T00:00:00Z",
          "services": [[["com"], ["https://a/"]], [["com"], ["https://b/"]]]}, "twice"),
        ({"version": "1.0", "publication": "2026-01-01T00:00:00Z",
          "services": [[["COM"], ["https://a/"]]]}, "lower-case"),
        ({"version": "1.0", "publication": "2026-01-01T00:00:00Z",
          "services": [[["com"], ["ftp://a/"]]]}, "http"),
    ],
)  # fmt: skip
def test_a_bad_bootstrap_file_is_a_data_file_error(data: object, words: str) -> None:
    with pytest.raises(DataFileError) as caught:
        parse_bootstrap(json.dumps(data).encode(), "dns.json")
    assert "dns.json" in str(caught.value)
    assert words in str(caught.value)


def test_refresh_validates_before_it_replaces(tmp_path: Path) -> None:
    target = tmp_path / "rdap_dns.json"
    shipped = load_bootstrap()
    original = (Path(__file__).parents[2] / "data" / "rdap_dns.json").read_bytes()
    target.write_bytes(b'{"old": true}')
    with pytest.raises(DataFileError):
        refresh_bootstrap(b'{"version": "1.0"}', "new.json", target)
    assert target.read_bytes() == b'{"old": true}'  # untouched
    done = refresh_bootstrap(original, "dns.json", target)
    assert target.read_bytes() == original
    assert done.publication == shipped.publication
    assert done.previous_publication is None
    assert done.tlds > 1000
    assert not list(tmp_path.glob(".rdap-*"))  # no temporary file left
