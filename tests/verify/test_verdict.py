"""The verdict logic on hand-built findings (the end-to-end cases live in test_verify_world)."""

from pathlib import Path
from typing import Any

import pytest

from leadcheck.contacts import Contacts
from leadcheck.net.domains import Relation
from leadcheck.net.fetch_result import FetchErrorKind
from leadcheck.verify.email import EmailReport, MxStatus
from leadcheck.verify.verdict import REASON_CODES, PartState, judge
from leadcheck.verify.website import WebsiteReport


def business_email(**changes: Any) -> EmailReport:
    fields: dict[str, Any] = {
        "address": "li.wei@aquatech-wasser.de",
        "valid_syntax": True,
        "normalized": "li.wei@aquatech-wasser.de",
        "local_part": "li.wei",
        "domain": "aquatech-wasser.de",
        "mx_hosts": ("mx.aquatech-wasser.de",),
        "mx_status": MxStatus.OK,
        "deliverable": True,
        "spf": True,
        "dmarc": True,
    }
    fields.update(changes)
    return EmailReport(**fields)


def gmail(**changes: Any) -> EmailReport:
    fields: dict[str, Any] = {
        "address": "buyer123@gmail.com",
        "normalized": "buyer123@gmail.com",
        "local_part": "buyer123",
        "domain": "gmail.com",
        "free_provider": True,
    }
    fields.update(changes)
    return business_email(**fields)


def site(**changes: Any) -> WebsiteReport:
    fields: dict[str, Any] = {
        "input": "aquatech-wasser.de",
        "url": "https://aquatech-wasser.de/",
        "host": "aquatech-wasser.de",
        "registered_domain": "aquatech-wasser.de",
        "final_url": "https://aquatech-wasser.de/",
        "reachable": True,
        "https": True,
        "status_code": 200,
        "tls_valid": True,
        "title": "AquaTech Wasser",
        "word_count": 400,
        "parked": False,
        "email_domain_relation": Relation.SAME,
        "matches_email_domain": True,
    }
    fields.update(changes)
    return WebsiteReport(**fields)


def codes(verdict: Any) -> set[str]:
    return {reason.code for reason in verdict.reasons}


def test_company_email_and_matching_site_is_genuine() -> None:
    verdict = judge(business_email(), site())
    assert verdict.label == "genuine"
    assert verdict.score >= 85
    assert {"email_mail_server", "website_operating", "domains_match"} <= codes(verdict)


def test_fake_email_and_parked_site_is_fake() -> None:
    verdict = judge(
        business_email(mx_status=MxStatus.NXDOMAIN, deliverable=False, mx_hosts=()),
        site(page_kind="parked", parked=True),
    )
    assert verdict.label == "fake"
    assert verdict.score <= 25
    assert {"email_domain_not_found", "website_parked"} <= codes(verdict)


def test_disposable_email_without_website_is_fake() -> None:
    verdict = judge(gmail(disposable=True, free_provider=False, domain="mailinator.com"), None)
    assert verdict.label == "fake"


def test_disposable_email_with_real_site_is_suspicious() -> None:
    email = gmail(disposable=True, free_provider=False, domain="mailinator.com")
    verdict = judge(email, site(email_domain_relation=Relation.DIFFERENT))
    assert verdict.label == "suspicious"


def test_free_mail_with_unrelated_site_is_suspicious() -> None:
    verdict = judge(gmail(), site(email_domain_relation=Relation.DIFFERENT))
    assert verdict.label == "suspicious"
    assert "email_not_tied" in codes(verdict)


def test_free_mail_listed_on_the_site_is_genuine() -> None:
    contacts = Contacts(emails=("buyer123@gmail.com",))
    verdict = judge(gmail(), site(email_domain_relation=Relation.DIFFERENT, contacts=contacts))
    assert verdict.label == "genuine"
    assert "email_on_website" in codes(verdict)


@pytest.mark.parametrize("kind", ["parked", "for_sale"])
def test_mail_on_a_parked_or_for_sale_domain_is_fake(kind: str) -> None:
    # the parking provider's catch-all MX receives mail: that is no company's mailbox
    verdict = judge(business_email(spf=False, dmarc=False), site(page_kind=kind, parked=True))
    assert verdict.label == "fake"
    assert "email_on_dead_domain" in codes(verdict)
    assert verdict.email_state is PartState.BAD


def test_mail_beside_a_default_page_is_only_suspicious() -> None:
    # a new company's server can show nginx's welcome page while its mail works
    verdict = judge(business_email(), site(page_kind="hosting_default", parked=True))
    assert verdict.label == "suspicious"
    assert "email_on_dead_domain" not in codes(verdict)


@pytest.mark.parametrize(
    "changes",
    [
        {"page_kind": "under_construction"},
        {"status_code": 500},
        {"error_kind": FetchErrorKind.TIMEOUT, "reachable": None, "status_code": None},
        {"refused": True, "refused_address": "10.0.0.5", "reachable": None, "status_code": None},
    ],
    ids=["under_construction", "http_500", "timeout", "private_address"],
)
def test_matching_domain_with_no_operating_site_is_not_genuine(changes: dict[str, Any]) -> None:
    verdict = judge(business_email(), site(**changes))
    assert verdict.label == "suspicious"
    assert "domains_match" in codes(verdict)


def test_idn_address_listed_in_ascii_form_counts_as_listed() -> None:
    email = business_email(
        address="info@müller-wasser.de",
        normalized="info@müller-wasser.de",
        local_part="info",
        domain="xn--mller-wasser-dlb.de",
    )
    page = site(
        host="xn--mller-wasser-dlb.de",
        registered_domain="xn--mller-wasser-dlb.de",
        contacts=Contacts(emails=("info@xn--mller-wasser-dlb.de",)),
    )
    assert "email_on_website" in codes(judge(email, page))


def test_lookalike_domains_are_never_genuine() -> None:
    verdict = judge(business_email(), site(email_domain_relation=Relation.LOOKALIKE))
    assert verdict.label == "suspicious"
    assert verdict.score <= 40
    assert "domains_lookalike" in codes(verdict)


def test_everything_unknown_is_unknown() -> None:
    email = business_email(
        mx_status=MxStatus.UNKNOWN,
        deliverable=None,
        mx_hosts=(),
        spf=None,
        dmarc=None,
        dns_errors=("DNS timeout after 5 s",),
    )
    website = site(
        reachable=None,
        status_code=None,
        error_kind=FetchErrorKind.TIMEOUT,
        error="timeout",
        title=None,
        word_count=None,
        https=None,
        tls_valid=None,
    )
    verdict = judge(email, website)
    assert verdict.label == "unknown"
    assert verdict.email_state is PartState.UNKNOWN
    assert verdict.website_state is PartState.UNKNOWN
    assert "checks_unknown" in codes(verdict)


def test_dns_failure_alone_never_makes_fake() -> None:
    email = business_email(mx_status=MxStatus.UNKNOWN, deliverable=None, spf=None, dmarc=None)
    verdict = judge(email, None)
    assert verdict.label == "unknown"


def test_invalid_syntax_is_fake_offline() -> None:
    verdict = judge(EmailReport(address="not-an-email", valid_syntax=False, syntax_error="x"), None)
    assert verdict.label == "fake"


@pytest.mark.parametrize(
    ("kind", "code"),
    [
        ("for_sale", "website_for_sale"),
        ("hosting_default", "website_default_page"),
        ("suspended", "website_suspended"),
    ],
)
def test_dead_pages_with_free_mail(kind: str, code: str) -> None:
    verdict = judge(
        gmail(), site(page_kind=kind, parked=True, email_domain_relation=Relation.DIFFERENT)
    )
    assert verdict.label == "suspicious"
    assert code in codes(verdict)


def test_private_address_is_reported_not_judged_fake() -> None:
    website = site(
        refused=True,
        refused_address="10.0.0.5",
        reachable=None,
        status_code=None,
        error_kind=FetchErrorKind.REFUSED_ADDRESS,
    )
    verdict = judge(None, website)
    assert verdict.label == "unknown" or verdict.label == "suspicious"
    assert "website_private_address" in codes(verdict)


def test_the_documented_reason_table_is_the_code_table() -> None:
    """docs/reason-codes.md lists every code with the points and meaning of REASONS."""
    import re

    from leadcheck.verify.verdict import REASONS

    doc = (Path(__file__).parents[2] / "docs" / "reason-codes.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `(\w+)` \| (-?\d+) \| (.+?) \|$", doc, re.M)
    documented = {code: (int(points), meaning) for code, points, meaning in rows}
    table = {code: (spec.points, spec.meaning) for code, spec in REASONS.items()}
    assert documented == table
    assert set(REASON_CODES) == set(REASONS)
