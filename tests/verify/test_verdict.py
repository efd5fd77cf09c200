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


# -- issue 10: the verdict a rep can act on ---------------------------------------------------
from datetime import date  # noqa: E402

from leadcheck.verify.domain_age import DomainAge, DomainAges  # noqa: E402
from leadcheck.verify.impersonation import impersonation  # noqa: E402
from leadcheck.verify.message import read_message  # noqa: E402
from leadcheck.verify.network import NetworkProblem  # noqa: E402
from leadcheck.verify.verdict import Evidence  # noqa: E402


def test_a_typo_of_a_big_provider_is_suspicious_even_when_a_list_holds_it() -> None:
    email = gmail(
        address="john@gmial.com",
        normalized="john@gmial.com",
        domain="gmial.com",
        free_provider=False,
        disposable=True,
        suggestion="john@gmail.com",
        mx_hosts=("mx.typo-catchall.example",),  # a squatter's catch-all receives it
    )
    verdict = judge(email, None)
    assert verdict.label == "suspicious"
    assert "email_typo" in codes(verdict)
    assert "email_disposable" not in codes(verdict)
    assert verdict.email_state is PartState.WEAK


def test_null_mx_with_no_website_is_fake() -> None:
    email = business_email(mx_status=MxStatus.NULL_MX, deliverable=False, mx_hosts=())
    website = site(
        inferred_from_email=True,
        reachable=False,
        status_code=None,
        error_kind=FetchErrorKind.NXDOMAIN,
        title=None,
        word_count=None,
    )
    verdict = judge(email, website)
    assert verdict.label == "fake"
    assert {"email_null_mx", "website_none_for_domain"} <= codes(verdict)


def test_null_mx_beside_a_real_site_stays_suspicious() -> None:
    email = business_email(mx_status=MxStatus.NULL_MX, deliverable=False, mx_hosts=())
    assert judge(email, site(inferred_from_email=True)).label == "suspicious"


def test_free_mail_naming_a_website_that_does_not_exist_is_fake() -> None:
    website = site(
        reachable=False,
        status_code=None,
        error_kind=FetchErrorKind.NXDOMAIN,
        email_domain_relation=Relation.DIFFERENT,
        title=None,
        word_count=None,
    )
    verdict = judge(gmail(), website)
    assert verdict.label == "fake"
    assert "website_not_found" in codes(verdict)


def test_domains_match_earns_nothing_when_neither_exists() -> None:
    email = business_email(mx_status=MxStatus.NXDOMAIN, deliverable=False, mx_hosts=())
    website = site(reachable=False, status_code=None, error_kind=FetchErrorKind.NXDOMAIN)
    verdict = judge(email, website)
    assert verdict.label == "fake"
    assert "domains_match" not in codes(verdict)


def evidence_for(domain: str, part: str = "email") -> Evidence:
    found = impersonation(domain, part)  # type: ignore[arg-type]
    assert found is not None
    return Evidence(impersonation=(found,))


def test_brand_impersonation_is_fake_by_itself() -> None:
    email = business_email(domain="siemens-procurement.com")
    website = site(registered_domain="siemens-procurement.com", host="siemens-procurement.com")
    verdict = judge(email, website, evidence_for("siemens-procurement.com"))
    assert verdict.label == "fake"
    assert verdict.score <= 25
    assert "email_brand_impersonation" in codes(verdict)


def test_a_unicode_look_alike_is_fake_by_itself() -> None:
    verdict = judge(business_email(), site(), evidence_for("xn--pple-43d.com", "website"))
    assert verdict.label == "fake"
    assert "website_confusable" in codes(verdict)


def test_a_cloned_site_is_fake_by_itself() -> None:
    website = site(clone_of="aquatech-wasser.com", clone_markers=("json-ld", "self"))
    verdict = judge(business_email(domain="aqua-tech-export.com"), website)
    assert verdict.label == "fake"
    assert "website_clone" in codes(verdict)


def test_a_mirror_of_the_email_domains_own_site_is_no_clone() -> None:
    website = site(clone_of="aquatech-wasser.com", email_domain_relation=Relation.GROUP)
    email = business_email(domain="aquatech-wasser.com")
    verdict = judge(email, website)
    assert "website_clone" not in codes(verdict)


def test_a_phishing_link_in_the_message_is_fake_by_itself() -> None:
    message = read_message("Sign in to view the PO: https://alibaba.com.po-view.top/login")
    verdict = judge(business_email(), site(), Evidence(message=message))
    assert verdict.label == "fake"
    assert "message_phishing_link" in codes(verdict)


def test_a_sign_in_lure_needs_a_strangers_link() -> None:
    text = "Please log in to view the purchase order at https://po-docs-center.com/doc/4512"
    verdict = judge(business_email(), site(), Evidence(message=read_message(text)))
    assert verdict.label == "fake"
    assert "message_login_lure" in codes(verdict)
    # pointing at the platform, with only the lead's own site linked: a genuine request
    genuine = read_message(
        "Please log in to Alibaba to see our RFQ for 200 UV lamps. www.aquatech-wasser.de"
    )
    own = Evidence(message=genuine, own_domains=("aquatech-wasser.de",))
    assert judge(business_email(), site(), own).label == "genuine"


def test_an_html_attachment_posing_as_a_document_is_fake() -> None:
    message = read_message("Please find the attached RFQ_2291.pdf.html")
    assert judge(business_email(), site(), Evidence(message=message)).label == "fake"


def test_a_fee_request_costs_points_but_is_not_fake_by_itself() -> None:
    message = read_message("Please pay the vendor registration fee before we order")
    verdict = judge(business_email(), site(), Evidence(message=message))
    assert "message_fee_request" in codes(verdict)
    assert verdict.label in ("genuine", "suspicious")
    assert verdict.score < judge(business_email(), site()).score


def ages(days: int, *, website: bool = True) -> Evidence:
    registered = date(2026, 12, 1)
    age = DomainAge(registered=registered, age_days=days)
    return Evidence(domain_age=DomainAges(email=age, website=age if website else None))


def test_a_domain_registered_in_the_last_30_days_is_never_genuine() -> None:
    verdict = judge(business_email(), site(), ages(9))
    assert verdict.label == "suspicious"
    assert "website_domain_new" in codes(verdict)
    assert "email_domain_new" not in codes(verdict)  # one domain, said once


def test_a_domain_a_few_months_old_costs_a_little() -> None:
    verdict = judge(business_email(), site(), ages(120))
    assert verdict.label == "genuine"
    assert "website_domain_recent" in codes(verdict)
    old = judge(business_email(), site(), ages(4000))
    assert sum(r.points for r in old.reasons) - sum(r.points for r in verdict.reasons) == 5


def protected(**changes: Any) -> WebsiteReport:
    fields: dict[str, Any] = {
        "status_code": 403,
        "title": None,
        "word_count": None,
        "bot_check": "Cloudflare bot check",
    }
    fields.update(changes)
    return site(**fields)


def test_a_company_behind_a_bot_check_is_not_an_http_error() -> None:
    verdict = judge(business_email(), protected())
    assert verdict.label == "genuine"
    assert "website_bot_check" in codes(verdict)
    assert "website_http_error" not in codes(verdict)
    assert next(r for r in verdict.reasons if r.code == "website_bot_check").points == 0


def test_a_bot_check_without_a_valid_certificate_ties_nothing() -> None:
    verdict = judge(business_email(), protected(tls_valid=False))
    assert verdict.label == "suspicious"


def test_a_group_site_listing_the_emails_domain_is_related() -> None:
    website = site(
        email_domain_relation=Relation.GROUP,
        contacts=Contacts(emails=("export@aquatech-group.com",)),
    )
    verdict = judge(business_email(domain="aquatech-group.com"), website)
    assert verdict.label == "genuine"
    assert "domains_group" in codes(verdict)
    assert "domains_differ" not in codes(verdict)


def test_a_broken_network_makes_unknown_with_one_reason() -> None:
    problem = NetworkProblem(
        code="network_dns_broken",
        message="Your DNS says every domain is missing — check the network (root).",
        parts=("email", "website"),
    )
    email = business_email(mx_status=MxStatus.UNKNOWN, deliverable=None)
    verdict = judge(email, site(), Evidence(network=problem))
    assert verdict.label == "unknown"
    assert verdict.score == 50
    assert [r.code for r in verdict.reasons] == ["network_dns_broken"]


def test_offline_evidence_of_fraud_outweighs_a_broken_network() -> None:
    problem = NetworkProblem(code="network_unreachable", message="x", parts=("website",))
    found = evidence_for("aramco-tenders.net")
    evidence = Evidence(network=problem, impersonation=found.impersonation)
    verdict = judge(business_email(domain="aramco-tenders.net"), site(), evidence)
    assert verdict.label == "fake"


def test_free_mail_naming_an_unfilled_template_site_is_fake() -> None:
    website = site(page_kind="template", parked=True, email_domain_relation=Relation.DIFFERENT)
    verdict = judge(gmail(), website)
    assert verdict.label == "fake"
    assert "website_template" in codes(verdict)
