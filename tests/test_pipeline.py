"""The three stages composed (leadcheck.pipeline), over the in-memory network."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest

from leadcheck.deadline import Deadline
from leadcheck.inquiry import Inquiry
from leadcheck.lead import normalize_lead
from leadcheck.pipeline import CheckOptions, CheckSession
from leadcheck.report import LeadReport
from tests.fakes import FakeNet, FakePage, company_page

AT = "2026-12-02T10:00:00+08:00"


def run(net: FakeNet, *inquiries: Inquiry, seconds: float = 5.0) -> list[LeadReport]:
    from datetime import datetime

    options = CheckOptions(at=datetime.fromisoformat(AT))

    async def check_all() -> list[LeadReport]:
        async with CheckSession(options, resolver=net.resolver, fetcher=net.fetcher) as session:
            return [
                await session.check(inquiry, deadline=Deadline.after(seconds))
                for inquiry in inquiries
            ]

    return asyncio.run(check_all())


def water_company(net: FakeNet) -> None:
    net.company(
        "aquatech-wasser.de",
        "AquaTech Wasser GmbH",
        "UV-C disinfection of drinking water in water treatment plants",
        email="li.wei@aquatech-wasser.de",
    )


def test_a_genuine_company_lead_through_all_three_stages() -> None:
    net = FakeNet()
    water_company(net)
    (report,) = run(
        net,
        Inquiry(
            email="li.wei@aquatech-wasser.de",
            website="aquatech-wasser.de",
            phone="+49 30 1234567",
            message="Need UV lamps 40W",
        ),
    )
    assert report.verdict.label == "genuine"
    assert report.website is not None
    assert report.website.matches_email_domain is True
    assert report.fit is not None
    assert report.fit.basis == "page"
    assert report.followup is not None
    assert report.followup.country == "DE"


def test_one_probe_per_site_per_run() -> None:
    net = FakeNet()
    water_company(net)
    run(
        net,
        Inquiry(email="a@aquatech-wasser.de", country="DE"),
        Inquiry(email="b@aquatech-wasser.de", country="AT"),
        Inquiry(website="https://aquatech-wasser.de/"),
    )
    assert net.fetcher.fetched["https://aquatech-wasser.de/"] == 1
    assert net.resolver.asked[("aquatech-wasser.de", "A")] == 1
    assert net.resolver.asked[("aquatech-wasser.de", "CNAME")] == 0  # the A answer has it
    assert net.resolver.asked[("aquatech-wasser.de", "AAAA")] == 0  # A answered


def test_a_site_found_under_its_other_name_is_held_once() -> None:
    """``https://www.…`` falls back to the bare domain: the run fetches one page and
    keeps one frozen copy of it, under the name it was found at; a later lead giving
    the ``www.`` name finds that copy."""
    from datetime import datetime

    net = FakeNet()
    water_company(net)
    websites = ("https://www.aquatech-wasser.de", "aquatech-wasser.de", "www.aquatech-wasser.de")

    async def check_all() -> tuple[list[LeadReport], list[str]]:
        options = CheckOptions(at=datetime.fromisoformat(AT))
        async with CheckSession(options, resolver=net.resolver, fetcher=net.fetcher) as session:
            reports = [
                await session.check(Inquiry(website=site), deadline=Deadline.after(5.0))
                for site in websites
            ]
            held = [url for url in ("https://www.aquatech-wasser.de/", "https://aquatech-wasser.de/")
                    if session._sites.holds(url)]  # fmt: skip
            return reports, held

    reports, held = asyncio.run(check_all())
    assert net.fetcher.fetched["https://aquatech-wasser.de/"] == 1
    assert held == ["https://aquatech-wasser.de/"]
    assert net.resolver.asked[("www.aquatech-wasser.de", "A")] == 1  # then known to point on
    finals = {report.website.final_url for report in reports if report.website is not None}
    assert finals == {"https://aquatech-wasser.de/"}
    assert [report.website.input for report in reports if report.website is not None] == list(
        websites
    )


def test_an_unread_website_has_no_fit_rather_than_tier_d() -> None:
    net = FakeNet()
    (report,) = run(net, Inquiry(website="nosuchsite-zz.de", company="Aqua GmbH"))
    assert report.fit is None
    assert any(note.stage == "fit" and "unknown" in note.message for note in report.notes)


def test_the_inquiry_alone_is_scored_and_marked_so() -> None:
    net = FakeNet()
    (report,) = run(
        net,
        Inquiry(
            website="nosuchsite-zz.de",
            message="We need UV sterilizer lamps for drinking water treatment, 200 sets",
        ),
    )
    assert report.fit is not None
    assert report.fit.basis == "inquiry"


def test_the_lead_is_normalised_once() -> None:
    lead = normalize_lead(
        Inquiry(email=" Li.Wei@Müller-Technik.de ", phone="030 1234567", country="Deutschland")
    )
    assert lead.country == "DE"
    assert lead.country_source == "given"
    assert lead.phone == "+49301234567"
    ascii_domain = "müller-technik.de".encode("idna").decode("ascii")
    assert lead.email is not None
    assert lead.email.domain == ascii_domain
    assert lead.website is not None
    assert lead.website.inferred_from_email
    assert lead.website.host == ascii_domain


def test_free_mail_does_not_infer_a_website() -> None:
    lead = normalize_lead(Inquiry(email="buyer@gmail.com", phone="+1 415 555 0100"))
    assert lead.website is None
    assert lead.country == "US"
    assert lead.country_source == "phone"


def test_one_deadline_for_the_whole_lead() -> None:
    net = FakeNet()
    net.resolver.names.add("slow-mail.de")
    net.resolver.delays["slow-mail.de"] = 0.25
    net.site("slow-mail.de", company_page("Slow", "Slow"), delay=2.0)
    started = time.monotonic()
    (report,) = run(net, Inquiry(email="li@slow-mail.de", website="slow-mail.de"), seconds=0.4)
    assert time.monotonic() - started < 0.4 + 0.3
    assert report.verdict.label == "unknown"


def test_a_redirect_to_another_page_is_followed() -> None:
    net = FakeNet()
    net.resolver.add("old-name.de", "A", "203.0.113.9")
    net.fetcher.add(
        "https://old-name.de/", FakePage(status=301, location="https://old-name.de/de/")
    )
    net.fetcher.add("https://old-name.de/de/", FakePage(body=company_page("Old Name", "Pumps")))
    (report,) = run(net, Inquiry(website="old-name.de"))
    assert report.website is not None
    assert report.website.final_url == "https://old-name.de/de/"
    assert len(report.website.redirects) == 1


def _thin_home(net: FakeNet) -> None:
    home = (
        b"<html lang='de'><head><title>Berger & Sohn GmbH</title></head><body>"
        b"<h1>Willkommen</h1><p>Seit 1987 Ihr Partner.</p>"
        b"<a href='/produkte/'>Produkte</a> <a href='/ueber-uns'>Ueber uns</a>"
        b"<a href='/impressum'>Impressum</a> <a href='https://other-site.de/produkte'>x</a>"
        b"</body></html>"
    )
    products = (
        b"<html lang='de'><head><title>Produkte</title></head><body>"
        b"<h1>UV-Entkeimungsanlagen</h1><p>Wir fertigen UV-C-Anlagen zur Entkeimung von "
        b"Trinkwasser und Prozesswasser fuer Wasserwerke und Kommunen.</p></body></html>"
    )
    net.site("berger-sohn.de", home)
    net.fetcher.add("https://berger-sohn.de/produkte/", FakePage(body=products))
    net.fetcher.add("https://berger-sohn.de/ueber-uns", FakePage(body=b"<p>Familienbetrieb</p>"))


def test_a_thin_home_page_sends_fit_to_the_products_page_once_per_site() -> None:
    net = FakeNet()
    _thin_home(net)
    first, second = run(
        net, Inquiry(website="berger-sohn.de"), Inquiry(website="berger-sohn.de", country="AT")
    )
    assert first.fit is not None
    assert first.fit.tier in ("A", "B")
    assert "https://berger-sohn.de/produkte/" in first.fit.pages_read
    assert second.fit is not None
    assert second.fit.tier == first.fit.tier
    assert net.fetcher.fetched["https://berger-sohn.de/produkte/"] == 1
    assert net.fetcher.fetched["https://berger-sohn.de/impressum"] == 0
    assert net.fetcher.fetched["https://other-site.de/produkte"] == 0


def test_a_sites_leads_that_name_the_same_terms_share_one_fit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import leadcheck.fit.scoring as scoring

    fresh = scoring.score_fit
    scored: list[str | None] = []

    def counting(doc: scoring.FitInput, *args: Any, **kwargs: Any) -> scoring.FitResult:
        scored.append(doc.message)
        return fresh(doc, *args, **kwargs)

    messages = (
        "Hello, we need 40 UV lamps for drinking water. FOB price?",
        "Dear supplier, please quote 300 UV lamps: drinking water, new line.",
        "Interested in your products",
        "Please send your catalogue",
        "We need UV lamps for a fish farm",
    )
    inquiries = [Inquiry(website="aquatech-wasser.de", message=message) for message in messages]
    alone = []
    for inquiry in inquiries:  # each in a session of its own: nothing shared
        net = FakeNet()
        water_company(net)
        alone.append(run(net, inquiry)[0].fit)
    monkeypatch.setattr(scoring, "score_fit", counting)
    net = FakeNet()
    water_company(net)
    together = [report.fit for report in run(net, *inquiries)]
    # one fit for the first two (the same terms), one for the two that name none, one
    # for the fish farm
    assert scored == [messages[0], messages[2], messages[4]]
    assert together == alone
    assert alone[0] != alone[4]


def test_leads_of_a_thin_site_are_scored_on_all_its_pages_read_as_one() -> None:
    """The session keeps the terms of a site's pages read for fit, not the pages: each
    lead's fit is still that of the merged pages and its own words, as if scored alone."""
    from leadcheck.fit.page import fit_input, merge_pages
    from leadcheck.fit.scoring import score_fit
    from leadcheck.verify.page import read_page

    net = FakeNet()
    _thin_home(net)
    about = b"<h1>Ueber uns</h1><p>Wir beliefern Krankenhaeuser und Kliniken in ganz Bayern.</p>"
    net.fetcher.add("https://berger-sohn.de/ueber-uns", FakePage(body=about))
    # messages that leave the home page below tier B: each lead reads the other pages
    messages = (
        None,
        "Hallo, Fischzucht hier",
        "Bitte Katalog senden",
        "UV printing machine",
        "Wir brauchen Lampen",
        "Hallo, Fischzucht hier",
    )
    reports = run(net, *(Inquiry(website="berger-sohn.de", message=m) for m in messages))
    home = net.fetcher.pages["https://berger-sohn.de/"].body
    products = net.fetcher.pages["https://berger-sohn.de/produkte/"].body
    merged = merge_pages(
        read_page(home, "text/html"),
        (read_page(products, "text/html"), read_page(about, "text/html")),
    )
    for message, report in zip(messages, reports, strict=True):
        alone = score_fit(fit_input(read_page(home, "text/html"), message=message))
        assert alone.tier in ("C", "D")
        expected = score_fit(fit_input(merged, company=None, message=message))
        assert report.fit is not None
        assert report.fit.model_copy(update={"pages_read": ()}) == expected
        assert report.fit.pages_read == (
            "https://berger-sohn.de/produkte/",
            "https://berger-sohn.de/ueber-uns",
        )
    assert len({report.fit for report in reports}) == 4  # two name no term at all
    assert net.fetcher.fetched["https://berger-sohn.de/produkte/"] == 1


def test_a_home_page_that_says_enough_reads_no_other_page() -> None:
    net = FakeNet()
    water_company(net)
    (report,) = run(net, Inquiry(website="aquatech-wasser.de"))
    assert report.fit is not None
    assert report.fit.pages_read == ()
    assert sum(net.fetcher.fetched.values()) == 1


def test_other_pages_stay_inside_the_deadline() -> None:
    net = FakeNet()
    _thin_home(net)
    net.fetcher.add("https://berger-sohn.de/produkte/", FakePage(body=b"<h1>UV</h1>", delay=5.0))
    started = time.monotonic()
    (report,) = run(net, Inquiry(website="berger-sohn.de"), seconds=1.0)
    assert time.monotonic() - started < 1.0 + 0.3
    assert report.fit is not None  # the home page's own fit, not an error


def test_a_page_built_by_javascript_is_unread_for_fit() -> None:
    net = FakeNet()
    net.site(
        "spa-example.de",
        b"<html><head></head><body><div id='root'></div><script src='/app.js'></script></body>",
    )
    (report,) = run(net, Inquiry(website="spa-example.de"))
    assert report.fit is None
    assert any("JavaScript" in note.message for note in report.notes)


def test_contacts_of_a_site_never_read_are_unknown_not_empty() -> None:
    net = FakeNet()
    net.resolver.errors[("servfail-example.de", "A")] = "SERVFAIL"
    (report,) = run(net, Inquiry(website="servfail-example.de"))
    assert report.website is not None
    assert report.website.contacts is None


def test_domain_ages_come_from_the_registries_once_per_domain() -> None:
    net = FakeNet()
    net.company("fresh-uv-buyer.com", "Fresh UV", "Water treatment", email="li@fresh-uv-buyer.com")
    net.registered("fresh-uv-buyer.com", "2026-11-23")  # nine days before AT
    reports = run(
        net,
        Inquiry(email="li@fresh-uv-buyer.com", website="fresh-uv-buyer.com"),
        Inquiry(email="wang@fresh-uv-buyer.com"),
    )
    age = reports[0].domain_age
    assert age.email is not None
    assert age.website is not None
    assert age.email.registered is not None
    assert age.email.registered.isoformat() == "2026-11-23"
    assert age.email.age_days == 9
    assert age.website.age_days == 9
    assert reports[0].verdict.label == "suspicious"
    assert "website_domain_new" in {r.code for r in reports[0].verdict.reasons}
    from leadcheck.net.rdap import rdap_url

    assert net.fetcher.fetched[rdap_url("fresh-uv-buyer.com") or ""] == 1


def test_no_rdap_service_or_free_mail_gives_null_ages() -> None:
    net = FakeNet()
    water_company(net)  # .de: no RDAP service in IANA's file
    net.mail_domain("gmail.com", mx="gmail-smtp-in.l.google.com")
    first, second = run(
        net,
        Inquiry(email="li.wei@aquatech-wasser.de"),
        Inquiry(email="buyer@gmail.com"),
    )
    assert first.domain_age.model_dump() == {
        "email": {"registered": None, "age_days": None},
        "website": {"registered": None, "age_days": None},
    }
    assert second.domain_age.model_dump() == {
        "email": {"registered": None, "age_days": None},
        "website": None,
    }
    assert not any("rdap" in url for url in net.fetcher.fetched)


def test_brand_impersonation_and_lures_in_the_report() -> None:
    net = FakeNet()
    net.company("philips-sourcing.com", "Philips Sourcing", "Procurement", email="x@y.z")
    (report,) = run(
        net,
        Inquiry(
            email="anna@philips-sourcing.com",
            message="Log in to view the purchase order: https://po-view.web.app/login",
        ),
    )
    assert report.verdict.label == "fake"
    codes = {r.code for r in report.verdict.reasons}
    assert {"email_brand_impersonation", "message_phishing_link"} <= codes
    assert report.impersonation[0].brand == "Philips"
    assert report.message is not None
    assert [link.domain for link in report.message.links] == ["web.app"]


def test_a_session_holding_a_share_of_the_domains_has_that_share_of_the_caches() -> None:
    """A batch worker of four checks a quarter of the domains: its caches are bounded to
    a quarter, so that four workers hold what one process would."""
    from leadcheck.batch.run import BatchOptions, open_session
    from leadcheck.batch.workers import can_fork
    from leadcheck.net.dns import DNS_MEMO
    from leadcheck.pipeline import WEBSITE_MEMO, WEBSITE_MEMO_BYTES

    whole = CheckSession(CheckOptions())
    quarter = CheckSession(CheckOptions(cache_share=4))
    assert whole._sites._limit == WEBSITE_MEMO
    assert whole._sites._max_weight == WEBSITE_MEMO_BYTES
    assert quarter._sites._limit == WEBSITE_MEMO // 4
    assert quarter._sites._max_weight == WEBSITE_MEMO_BYTES // 4
    assert quarter._registrations._limit * 4 <= whole._registrations._limit

    async def dns_bound(session: CheckSession) -> int:
        async with session:
            return session._resolver._cache._limit  # type: ignore[union-attr]

    assert asyncio.run(dns_bound(CheckSession(CheckOptions(cache_share=4)))) == DNS_MEMO // 4
    share = open_session(BatchOptions(output=None, workers=4)).options.cache_share
    assert share == (4 if can_fork() else 1)
    assert open_session(BatchOptions(output=None)).options.cache_share == 1


def test_a_pages_addresses_are_looked_for_once_for_clone_check_and_contacts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The clone check reads the page's e-mail addresses; the contacts (once per
    country the site's leads come from) take them from the probe instead of searching
    the page again, and still list them."""
    from leadcheck import contacts

    searched: list[int] = []
    lines_with_at = contacts._lines_with_at

    def counted(text: str) -> list[str]:
        searched.append(len(text))
        return lines_with_at(text)

    monkeypatch.setattr(contacts, "_lines_with_at", counted)
    net = FakeNet()
    water_company(net)
    first, second = run(
        net,
        Inquiry(email="a@aquatech-wasser.de", country="DE"),
        Inquiry(email="b@aquatech-wasser.de", country="AT"),
    )
    assert len(searched) == 1
    for report in (first, second):
        assert report.website is not None
        assert report.website.contacts is not None
        assert "li.wei@aquatech-wasser.de" in report.website.contacts.emails
