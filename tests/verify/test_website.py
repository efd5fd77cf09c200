"""The website check, one behaviour each, over the in-memory network (tests/fakes.py)."""

from __future__ import annotations

import asyncio

from hypothesis import given, settings
from hypothesis import strategies as st

from leadcheck.deadline import Deadline
from leadcheck.net.domains import Relation
from leadcheck.net.fetch_result import FetchErrorKind
from leadcheck.verify.website import WebsiteReport, check_website
from tests.fakes import FakeNet, FakePage, company_page


def check(net: FakeNet, website: str, *, email_domain: str | None = None, seconds: float = 5):
    async def run() -> WebsiteReport:
        return await check_website(
            website,
            resolver=net.resolver,
            fetcher=net.fetcher,
            deadline=Deadline.after(seconds),
            email_domain=email_domain,
            region="DE",
        )

    return asyncio.run(run())


def test_an_operating_site_is_read() -> None:
    net = FakeNet()
    net.site("aquatech.de", company_page("AquaTech GmbH", "UV-C water treatment systems"))
    report = check(net, "aquatech.de")
    assert report.reachable is True
    assert report.status_code == 200
    assert report.title == "AquaTech GmbH"
    assert report.page_kind is None
    assert report.page is not None
    assert "UV-C" in report.page.text


def test_bare_domain_falls_back_to_www() -> None:
    net = FakeNet()
    net.resolver.names.add("kwekerij-voorbeeld.nl")  # exists, but no address at the apex
    net.site("www.kwekerij-voorbeeld.nl", company_page("Kwekerij", "Planten en bloemen"))
    report = check(net, "kwekerij-voorbeeld.nl")
    assert report.host == "www.kwekerij-voorbeeld.nl"
    assert report.status_code == 200


def test_www_falls_back_to_the_bare_domain() -> None:
    net = FakeNet()
    net.site("acme-filter.pl", company_page("Acme Filter", "Filtry do wody"))
    report = check(net, "www.acme-filter.pl")  # www does not exist at all
    assert report.host == "acme-filter.pl"
    assert report.url == "https://acme-filter.pl/"
    assert report.status_code == 200


def test_a_dead_deep_link_falls_back_to_the_root() -> None:
    net = FakeNet()
    net.site("wasser-beispiel.de", company_page("Wasser GmbH", "Trinkwasseraufbereitung"))
    net.fetcher.add(
        "https://wasser-beispiel.de/de/kontakt?x=1",
        FakePage(body=b"<h1>Not found</h1>", status=404),
    )
    report = check(net, "wasser-beispiel.de/de/kontakt?x=1")
    assert report.status_code == 200
    assert report.final_url == "https://wasser-beispiel.de/"
    assert report.title == "Wasser GmbH"


def test_the_email_domain_relation_is_computed_in_the_check() -> None:
    net = FakeNet()
    net.site("shop.acme-gruppe.de", company_page("Acme", "Pumpen"))
    assert check(net, "shop.acme-gruppe.de", email_domain="acme-gruppe.de").matches_email_domain
    related = check(net, "shop.acme-gruppe.de", email_domain="acme-gruppe.com")
    assert related.email_domain_relation is Relation.RELATED
    lookalike = check(net, "shop.acme-gruppe.de", email_domain="acme-grupe.de")
    assert lookalike.email_domain_relation is Relation.LOOKALIKE


def test_nxdomain_is_a_fact_and_no_fetch_follows_a_missing_name() -> None:
    net = FakeNet()
    report = check(net, "no-such-company-zz.de")
    assert report.dns is not None
    assert report.dns.status == "nxdomain"
    assert report.reachable is False or report.error_kind is not None


def test_a_parked_page_is_recognised() -> None:
    net = FakeNet()
    parked = (
        b"<html><head><title>bellwater-pumps.com</title></head><body>"
        b"<p>This domain may be for sale!</p><p>Buy this domain</p></body></html>"
    )
    net.site("bellwater-pumps.com", parked)
    report = check(net, "bellwater-pumps.com")
    assert report.page_kind in ("for_sale", "parked")
    assert report.scorable_page is None


def test_the_deadline_bounds_a_slow_site() -> None:
    net = FakeNet()
    net.site("slow-example.de", company_page("Slow", "Slow"), delay=5.0)
    report = check(net, "slow-example.de", seconds=0.2)
    assert report.error_kind is FetchErrorKind.TIMEOUT
    assert report.reachable is None


def test_not_a_web_address() -> None:
    report = check(FakeNet(), "javascript:alert(1)")
    assert report.error_kind is FetchErrorKind.BAD_URL
    assert report.url is None


def test_one_page_reader_serves_every_route() -> None:
    """The same HTML read by the website check and by score_page gives the same fit."""
    from leadcheck.fit import fit_input, score_fit, score_page

    body = (
        b"<html><head><title>Acme GmbH</title></head><body><h1>Welcome</h1><p>Our products</p>"
        b"<img src=a.jpg alt='UV sterilizer for drinking water treatment'>"
        b"<img src=b.jpg alt='UV lamps for aquaculture and fish farms'></body></html>"
    )
    net = FakeNet()
    net.site("acme-alt-text.de", body)
    report = check(net, "acme-alt-text.de")
    assert report.page is not None
    fetched = score_fit(fit_input(report.page))
    saved = score_page(body)
    assert (fetched.tier, fetched.score) == (saved.tier, saved.score)
    assert saved.tier != "D"  # the products named only in alt texts count


def test_a_bot_wall_is_a_protected_site_not_its_page() -> None:
    net = FakeNet()
    net.site(
        "protected-aqua.de",
        b"<html><head><title>Just a moment...</title></head><body>Enable JavaScript</body></html>",
        status=403,
        headers=(("cf-mitigated", "challenge"), ("server", "cloudflare")),
    )
    report = check(net, "protected-aqua.de")
    assert report.bot_check == "Cloudflare bot check"
    assert report.page is None
    assert report.title is None
    assert report.scorable_page is None


def test_a_page_that_names_another_domain_as_its_own_is_a_clone() -> None:
    html = (
        '<html><head><title>AquaTech</title><link rel="canonical" '
        'href="https://www.aquatech-wasser.de/"></head><body><p>UV</p></body></html>'
    )
    net = FakeNet()
    net.site("www.aquatech-waser.de", html.encode())
    report = check(net, "www.aquatech-waser.de")
    assert report.clone_of == "aquatech-wasser.de"
    assert report.clone_markers == ("self",)


def test_a_site_listing_addresses_at_the_emails_domain_is_the_same_group() -> None:
    net = FakeNet()
    page = company_page("Aqua Werke", "Water", email="export@aqua-group.com")
    net.site("aqua-werke.de", page)
    report = check(net, "aqua-werke.de", email_domain="aqua-group.com")
    assert report.email_domain_relation is Relation.GROUP
    # a free-mail domain is nobody's group
    gmail_page = company_page("Aqua Werke", "Water", email="aquawerke@gmail.com")
    net.site("aqua-werke2.de", gmail_page)
    other = check(net, "aqua-werke2.de", email_domain="gmail.com")
    assert other.email_domain_relation is Relation.DIFFERENT


@settings(max_examples=300, deadline=None)
@given(
    raw=st.sampled_from(["acme.de", " https://WWW.Acme.de/x ", "münchen.de", "ftp://a.de", ""])
    | st.text(max_size=40)
)
def test_a_website_read_once_per_spelling_is_read_as_afresh(raw: str) -> None:
    from leadcheck.verify import website

    assert website.parse_website(raw) == website._parse_website.__wrapped__(raw)
    assert website.parse_website(raw) is website.parse_website(raw)  # remembered


def test_a_long_cell_is_read_but_not_remembered() -> None:
    from leadcheck.verify import website

    website._parse_website.cache_clear()
    long_cell = "acme.de/" + "x" * 5_000
    assert website.parse_website(long_cell) == website._parse_website.__wrapped__(long_cell)
    assert website._parse_website.cache_info().currsize == 0
