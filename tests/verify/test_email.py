"""The email check, one behaviour each, over the in-memory resolver (tests/fakes.py)."""

from __future__ import annotations

import asyncio
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from leadcheck.deadline import Deadline
from leadcheck.inquiry import EmailAddress
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


def _whole(address: str) -> EmailAddress:
    """check_syntax with email-validator asked about the whole address, always."""
    from leadcheck.verify import email as email_module

    saved = email_module._plain_address
    email_module._plain_address = lambda _address: None
    try:
        return check_syntax(address)
    finally:
        email_module._plain_address = saved


_ATEXT = "abcxyzABCXYZ0189!#$%&'*+/=?^_`{|}~-"
_LOCALS = st.text(alphabet=_ATEXT + ".", min_size=0, max_size=70) | st.sampled_from(
    ["Info", "POSTMASTER", "sales", "li.wei", "a" * 64, "a" * 65, ".x", "x.", "x..y", ""]
)
_DOMAINS = st.sampled_from(
    [
        "gmail.com",
        "GMAIL.COM",
        "firm-wasser.de",
        "firm-wasser.de.",
        "xn--mller-kva.de",
        "müller.de",
        "MÜLLER.de",
        "例え.jp",
        "localhost",
        "host.local",
        "site.test",
        "example.invalid",
        "a-.de",
        "-a.de",
        "a_b.de",
        "123.45",
        "[192.0.2.1]",
        "x" * 63 + ".de",
        "x" * 64 + ".de",
        ".".join(["y" * 60] * 4) + ".de",
        "de",
        "",
        "a..b.de",
        "xn--.de",
        "ﬁrma.de",
        ".".join(["æçüõœ"] * 13) + ".de",  # 145 bytes in UTF-8, 210 in IDNA ASCII
    ]
) | st.text(alphabet="abz09-.", max_size=20)


@settings(max_examples=1500, deadline=None)
@given(local=_LOCALS, domain=_DOMAINS)
def test_a_plain_address_is_read_as_email_validator_reads_it_whole(local: str, domain: str) -> None:
    """The short way (a plain local part, the domain's verdict remembered) gives what
    email-validator gives for the whole address: valid or not, every field."""
    address = f"{local}@{domain}"
    assert check_syntax(address) == _whole(address)
    assert check_syntax(address) == _whole(address)  # the domain's verdict remembered


def test_the_short_way_is_taken_for_plain_addresses() -> None:
    from leadcheck.verify import email as email_module

    for address in ("li.wei@firm-wasser.de", "Info@MÜLLER.de", "x+tag@gmail.com"):
        assert email_module._plain_address(address) is not None, address
    # short enough in UTF-8, too long once the domain is written in IDNA ASCII
    too_long = "a" * 64 + "@" + ".".join(["æçüõœ"] * 13) + ".de"
    assert not _whole(too_long).valid
    assert check_syntax(too_long) == _whole(too_long)
    for address in ('"a b"@firm.de', "li@[192.0.2.1]", "é@firm.de", "a..b@firm.de"):
        assert email_module._plain_address(address) is None, address
