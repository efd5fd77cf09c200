"""A broken network is not a fake lead (leadcheck.verify.network through the pipeline)."""

from __future__ import annotations

import asyncio
from datetime import datetime

import pytest

from leadcheck.deadline import Deadline
from leadcheck.inquiry import Inquiry
from leadcheck.pipeline import CheckOptions, CheckSession
from leadcheck.report import LeadReport
from leadcheck.verify.network import DNS_DENIED
from tests.fakes import FakeNet, company_page


def check(net: FakeNet, inquiry: Inquiry, seconds: float = 3.0) -> LeadReport:
    options = CheckOptions(at=datetime.fromisoformat("2026-12-02T10:00:00+08:00"))

    async def go() -> LeadReport:
        async with CheckSession(options, resolver=net.resolver, fetcher=net.fetcher) as session:
            return await session.check(inquiry, deadline=Deadline.after(seconds))

    return asyncio.run(go())


def codes(report: LeadReport) -> set[str]:
    return {reason.code for reason in report.verdict.reasons}


def gmail_net() -> FakeNet:
    net = FakeNet()
    net.mail_domain("gmail.com", mx="gmail-smtp-in.l.google.com")
    return net


def test_a_resolver_that_denies_everything_makes_unknown_not_fake() -> None:
    net = gmail_net()
    net.resolver.deny_all = True
    report = check(net, Inquiry(email="buyer@gmail.com"))
    assert report.verdict.label == "unknown"
    assert report.verdict.score == 50
    assert "network_dns_broken" in codes(report)
    assert "email_domain_not_found" not in codes(report)
    assert report.network is not None
    assert report.network.message.startswith(DNS_DENIED)
    assert report.network.parts == ("email",)
    assert report.email is not None
    assert report.email.mx_status == "unknown"  # what the liar said is taken back
    assert report.email.deliverable is None
    assert any(note.stage == "network" for note in report.notes)


def test_a_company_lead_on_a_lying_resolver() -> None:
    net = FakeNet()
    net.company("aquatech-wasser.de", "AquaTech", "UV water treatment")
    net.resolver.deny_all = True
    report = check(net, Inquiry(email="li@aquatech-wasser.de", website="aquatech-wasser.de"))
    assert report.verdict.label == "unknown"
    assert report.network is not None
    assert set(report.network.parts) == {"email", "website"}
    assert "domains_match" not in codes(report)


def test_on_an_honest_network_a_missing_domain_is_still_fake() -> None:
    net = FakeNet()
    report = check(
        net, Inquiry(email="info@no-such-company-zz.de", website="no-such-company-zz.de")
    )
    assert report.network is None
    assert report.verdict.label == "fake"
    assert "domains_match" not in codes(report)  # neither domain exists: nothing matches


def test_a_resolver_that_answers_nothing_is_a_network_problem() -> None:
    net = FakeNet()
    for name in ("", "acme-zz.de", "_dmarc.acme-zz.de"):
        for rdtype in ("SOA", "MX", "TXT", "A"):
            net.resolver.errors[(name, rdtype)] = "SERVFAIL"
    report = check(net, Inquiry(email="li@acme-zz.de"))
    assert report.verdict.label == "unknown"
    assert report.network is not None
    assert "answers nothing" in report.network.message


def test_one_domains_own_dns_failure_is_not_the_network() -> None:
    net = FakeNet()
    net.resolver.errors[("acme-zz.de", "MX")] = "SERVFAIL"
    net.resolver.names.add("acme-zz.de")
    report = check(net, Inquiry(email="li@acme-zz.de"))
    assert report.network is None
    assert "email_dns_unknown" in codes(report)


def test_a_network_that_refuses_every_connection_makes_unknown() -> None:
    net = FakeNet()
    net.site("aquatech-wasser.de", company_page("AquaTech", "UV water treatment"))
    net.fetcher.refuse_all = True
    report = check(net, Inquiry(website="aquatech-wasser.de"))
    assert report.verdict.label == "unknown"
    assert "network_unreachable" in codes(report)
    assert "website_unreachable" not in codes(report)
    assert report.website is not None
    assert report.website.reachable is None


def test_a_site_that_refuses_while_the_network_works_is_blamed() -> None:
    net = FakeNet()
    net.resolver.add("dead-server-zz.de", "A", "203.0.113.7")  # nothing answers there
    report = check(net, Inquiry(website="dead-server-zz.de"))
    assert report.network is None
    assert "website_unreachable" in codes(report)
    assert report.verdict.label == "fake"


def test_check_network_judges_the_resolver_before_a_lead_too_short_to_wait(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Nothing answers in time. A lead with 0.3 s left starts no probe of its own (under
    # MIN_PROBE_TIME) and cannot wait for one: only the verdict the batch asked for
    # before its first lead (CheckSession.check_network) tells it the network is broken.
    import leadcheck.net.health

    monkeypatch.setattr(leadcheck.net.health, "PROBE_TIMEOUT", 0.4)
    options = CheckOptions(at=datetime.fromisoformat("2026-12-02T10:00:00+08:00"))

    def run(first: bool) -> LeadReport:
        net = FakeNet()
        net.resolver.delays.update({"": 10.0, "firm-zz.de": 10.0})

        async def go() -> LeadReport:
            async with CheckSession(options, resolver=net.resolver, fetcher=net.fetcher) as session:
                if first:
                    await session.check_network()
                inquiry = Inquiry(email="buyer@firm-zz.de")
                return await session.check(inquiry, deadline=Deadline.after(0.3))

        return asyncio.run(go())

    judged, unjudged = run(first=True), run(first=False)
    assert judged.network is not None
    assert judged.network.code == "network_dns_broken"
    assert judged.verdict.label == "unknown"
    assert unjudged.network is None  # its own answers stand: unknown, and would be stored
    assert unjudged.verdict.label == "unknown"
