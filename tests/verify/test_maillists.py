from __future__ import annotations

from pathlib import Path

import pytest

from leadcheck.datafiles import data_path, read_domain_list
from leadcheck.errors import DataFileError
from leadcheck.verify import maillists

# --- free-mail providers -----------------------------------------------------------------


def test_the_freemail_list_is_large_and_regional() -> None:
    domains = maillists.load_free_providers()
    assert len(domains) >= 250
    for domain in ("qq.com", "163.com", "mail.ru", "yandex.ru", "naver.com", "web.de"):
        assert domain in domains
    for domain in ("rediffmail.com", "libero.it", "wp.pl", "seznam.cz", "uol.com.br"):
        assert domain in domains


@pytest.mark.parametrize(
    "domain",
    ["gmail.com", "GMAIL.COM", "gmail.com.", "yahoo.co.in", "hotmail.co.uk", "foxmail.com"],
)
def test_free_providers_are_recognised(domain: str) -> None:
    assert maillists.is_free_provider(domain)


@pytest.mark.parametrize("domain", ["acme-uv.com", "mail.qq.com", "exmail.qq.com", ""])
def test_company_domains_are_not_free_mail(domain: str) -> None:
    assert not maillists.is_free_provider(domain)


def test_no_freemail_domain_is_called_disposable() -> None:
    # Re-run after upgrading disposable-email-domains: a provider that lands in the
    # package's blocklist must be added to data/disposable_allow.txt.
    wrongly = sorted(d for d in maillists.load_free_providers() if maillists.is_disposable(d))
    assert wrongly == []


# --- disposable services -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("domain", "expected"),
    [
        ("mailinator.com", True),
        ("x.mailinator.com", True),  # parent domains count
        ("Deep.Sub.Mailinator.COM.", True),
        ("yopmail.com", True),
        ("temp-mail.io", True),  # from disposable_extra.txt
        ("a.spamgourmet.com", True),
        ("21cn.com", False),  # listed by the package, allowed by us
        ("gmail.com", False),
        ("acme-uv.com", False),
        ("com", False),
    ],
)
def test_is_disposable(domain: str, expected: bool) -> None:
    assert maillists.is_disposable(domain) is expected


def test_the_extra_list_only_holds_what_the_packages_miss() -> None:
    extra = read_domain_list(data_path(maillists.DISPOSABLE_EXTRA_FILE))
    assert sorted(extra & maillists.upstream_disposable()) == []


def test_allow_list_wins_over_block_list(tmp_path: Path) -> None:
    extra = tmp_path / "extra.txt"
    extra.write_text("throwaway.example\n", encoding="utf-8")
    allow = tmp_path / "allow.txt"
    allow.write_text("keep.throwaway.example\n", encoding="utf-8")
    lists = maillists.load_disposable(extra, allow)
    assert "throwaway.example" in lists.blocked
    assert "keep.throwaway.example" in lists.allowed


# --- role accounts -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "local",
    [
        "info",
        "INFO",
        "sales",
        "Sales+alibaba",
        "no-reply",
        "no_reply",
        "no.reply",
        "customer.service",
        "sales.de",
        "uk.sales",
        "info2",
        "sales01",
        "export-dept",
        "sales.manager",
        "purchasing",
        "einkauf",
        "büro",
        "buero",
        "ventas",
        "achats",
        "acquisti",
        "vendas",
        "zakupy",
        "satis",
        "xiaoshou",
        "kefu",
        "hr",
    ],
)
def test_role_accounts(local: str) -> None:
    assert maillists.is_role_account(local)


@pytest.mark.parametrize(
    "local", ["john", "john.sales", "mark.smith", "li.wei", "jan.kowalski", "", "+sales"]
)
def test_personal_addresses(local: str) -> None:
    assert not maillists.is_role_account(local)


# --- typo suggestions --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typo", "meant"),
    [
        ("gmial.com", "gmail.com"),
        ("gmai.com", "gmail.com"),
        ("hotmal.com", "hotmail.com"),
        ("yahooo.com", "yahoo.com"),
        ("outlok.com", "outlook.com"),
        ("gmail.con", "gmail.com"),
        ("gmail.co", "gmail.com"),
        ("GMAIL.CMO", "gmail.com"),
        ("qq.con", "qq.com"),
        ("163.cm", "163.com"),
        ("hotmail.co", "hotmail.com"),
        ("yahoo.co.ik", "yahoo.co.uk"),
        ("rediffmial.com", "rediffmail.com"),
        ("gmаil.com", "gmail.com"),  # Cyrillic "а": a homograph
        ("xn--gmil-63d.com", "gmail.com"),
        ("acme.con", "acme.com"),  # issue 11: a TLD that does not exist is repaired
    ],
)
def test_suggest_domain(typo: str, meant: str) -> None:
    assert maillists.suggest_domain(typo) == meant


@pytest.mark.parametrize(
    "domain",
    [
        "gmail.com",  # a target
        "gmx.de",  # a target
        "gmx.at",  # free-mail, though close to gmx.de
        "outlook.de",  # free-mail, though close to outlook.com
        "acme.xyzzy",  # a TLD that does not exist, but no slip of a common one
        "acme.cm",  # .cm is real; only corrected next to a target label
        "life.com",  # short labels get no edits: life.com is not live.com
        "fred.fr",
        "uvlamp.cn",
        "mail.gmial.com",
        "localhost",
        "",
    ],
)
def test_no_suggestion(domain: str) -> None:
    assert maillists.suggest_domain(domain) is None


def test_targets_keep_file_order() -> None:
    targets = maillists.load_typo_targets()
    assert targets[0] == "gmail.com"
    assert len(targets) == len(set(targets)) >= 50


# --- malformed files -----------------------------------------------------------------------


def test_a_bad_domain_line_is_reported_with_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "freemail.txt"
    path.write_text("# header\ngmail.com\nnot a domain\n", encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        maillists.load_free_providers(path)
    assert str(path) in str(caught.value)
    assert caught.value.location == "line 3"


def test_a_bad_typo_target_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "targets.txt"
    path.write_text("gmail.com\nbad_domain!\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="line 2"):
        maillists.load_typo_targets(path)


def test_a_role_word_listed_twice_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "roles.txt"
    path.write_text("info\nsales\nsales  # again\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="already listed at line 2") as caught:
        maillists.load_role_accounts(path)
    assert caught.value.location == "line 3"


@pytest.mark.parametrize("entry", ["Sales", "no-reply", "sales+x", "info@x"])
def test_a_malformed_role_word_is_refused(tmp_path: Path, entry: str) -> None:
    path = tmp_path / "roles.txt"
    path.write_text(f"info\n{entry}\n", encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        maillists.load_role_accounts(path)
    assert caught.value.location == "line 2"
    assert str(path) in str(caught.value)


def test_an_empty_role_list_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "roles.txt"
    path.write_text("# nothing\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="empty"):
        maillists.load_role_accounts(path)


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ('[typos]\ncon = "com"\n"Bad TLD" = "com"\n', "not a lower-case TLD"),
        ('[typos]\ncom = "com"\n', "maps to itself"),
        ("[typos]\ncon = 3\n", "string"),
        ("[other]\n", "typos"),
    ],
)
def test_a_malformed_tld_map_names_the_key(tmp_path: Path, body: str, problem: str) -> None:
    path = tmp_path / "tld_typos.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        maillists.load_tld_typos(path)
    assert problem in str(caught.value)
    assert caught.value.location is not None
    assert caught.value.location.startswith("typos")


def test_a_tld_map_with_broken_toml_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "tld_typos.toml"
    path.write_text('[typos]\ncon = "com"\ncmo = \n', encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        maillists.load_tld_typos(path)
    assert caught.value.location is not None
    assert caught.value.location.startswith("line 3")


def test_loaders_read_each_file_once() -> None:
    assert maillists.load_free_providers() is maillists.load_free_providers()
    assert maillists.load_role_accounts() is maillists.load_role_accounts()
    assert maillists.load_disposable() is maillists.load_disposable()


def test_the_typo_rules_run_once_per_domain_and_dns_answer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from leadcheck.verify import mail_typos

    calls: list[tuple[str, bool | None]] = []
    rules = mail_typos.suggest

    def counted(domain: str, resolves: bool | None) -> str | None:
        calls.append((domain, resolves))
        return rules(domain, resolves)

    monkeypatch.setattr(mail_typos, "suggest", counted)
    maillists._suggestion.cache_clear()
    try:
        for _ in range(3):
            assert maillists.suggest_domain("GMIAL.com", resolves=False) == "gmail.com"
            assert maillists.suggest_domain("gmial.com", resolves=True) == "gmail.com"
        assert calls == [("gmial.com", False), ("gmial.com", True)]
    finally:
        maillists._suggestion.cache_clear()  # nothing counted stays behind
