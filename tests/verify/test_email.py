"""The email check, one behaviour each, over the in-memory resolver (tests/fakes.py)."""

from __future__ import annotations

import asyncio
import time

from leadcheck.deadline import Deadline
from leadcheck.verify.email import EmailReport, MxStatus, check_email, check_syntax
from tests.fakes import FakeResolver


def check(resolver: FakeResolver, address: str, seconds: float = 5.0) -> EmailReport:
    return asyncio.run(check_email(address, resolver, deadline=Deadline.after(seconds)))


def test_a_company_mailbox() -> None:
    resolver = FakeResolver()
    resolver.add("aquatech.de", "MX", "10 mx01.aquatech.de", "20 mx02.aquatech.de")
    resolver.add("aquatech.de", "TXT", "v=spf1 mx -all")
    resolver.add("_dmarc.aquatech.de", "TXT", "v=DMARC1; p=reject")
    report = check(resolver, "Li.Wei@AquaTech.de")
    assert report.mx_status is MxStatus.OK
    assert report.mx_hosts == ("mx01.aquatech.de", "mx02.aquatech.de")
    assert report.deliverable is True
    assert (report.spf, report.dmarc) == (True, True)


def test_null_mx_accepts_no_mail() -> None:
    resolver = FakeResolver()
    resolver.add("no-mail-example.de", "MX", "0 .")
    report = check(resolver, "info@no-mail-example.de")
    assert report.mx_status is MxStatus.NULL_MX
    assert report.deliverable is False


def test_implicit_mx_from_the_address() -> None:
    resolver = FakeResolver()
    resolver.add("tiny-firm.de", "A", "203.0.113.7")
    report = check(resolver, "chef@tiny-firm.de")
    assert report.mx_status is MxStatus.IMPLICIT
    assert report.mx_hosts == ("tiny-firm.de",)


def test_nxdomain_is_a_fact() -> None:
    report = check(FakeResolver(), "buyer@no-such-domain-zz.com")
    assert report.mx_status is MxStatus.NXDOMAIN
    assert report.deliverable is False


def test_a_failed_lookup_is_unknown_not_bad() -> None:
    resolver = FakeResolver()
    resolver.errors[("flaky-dns.de", "MX")] = "the DNS server failed to answer (SERVFAIL)"
    report = check(resolver, "sales@flaky-dns.de")
    assert report.mx_status is MxStatus.UNKNOWN
    assert report.deliverable is None
    assert report.dns_errors


def test_both_dns_rounds_share_one_deadline() -> None:
    """MX is NODATA, so the address round follows: both together stay inside the deadline."""
    resolver = FakeResolver()
    resolver.names.add("slow-mail.de")
    resolver.delays["slow-mail.de"] = 0.3
    started = time.monotonic()
    report = check(resolver, "li@slow-mail.de", seconds=0.45)
    took = time.monotonic() - started
    assert took < 0.45 + 0.1
    assert report.mx_status is MxStatus.UNKNOWN  # the second round ran out of time


def test_syntax_is_parsed_once_into_parts() -> None:
    parsed = check_syntax("info@Müller-Technik.DE")
    assert parsed.valid
    assert parsed.domain == "müller-technik.de".encode("idna").decode("ascii")
    assert parsed.local_part == "info"
    bad = check_syntax("not an address")
    assert not bad.valid
    assert bad.error
