"""Malformed URLs from strangers never crash a check."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from leadcheck.cli import main
from leadcheck.contacts import extract_contacts
from leadcheck.followup import country_from_domain
from leadcheck.net.urls import join_url, split_url
from leadcheck.net.urls import normalize_website as normalize_url
from tests.world import Page, Redirect

BAD = ["http://[::1", "https://a.com:99999/", "http://[not-an-ip]/", "//[", "http://a.com:-1"]

# URL-ish text: the characters that matter to urlsplit, in any order
URLISH = st.text(alphabet="htps:/[]@.%#?=1a:-x ", max_size=40)


@pytest.mark.parametrize("text", BAD)
def test_split_url_refuses_malformed(text: str) -> None:
    assert split_url(text) is None
    assert normalize_url(text) is None


@given(URLISH, URLISH)
def test_parsers_never_raise(base: str, text: str) -> None:
    split_url(text)
    join_url(base, text)
    normalize_url(text)
    country_from_domain(text)
    extract_contacts(text, [text, "//" + text, base + text])


def test_contacts_skip_malformed_links() -> None:
    found = extract_contacts("", ["http://[::1", "https://www.linkedin.com/company/acme"])
    assert [profile.network for profile in found.social] == ["linkedin"]


@pytest.mark.parametrize("website", ["http://[::1", "javascript:alert(1)", "ftp://acme.de/"])
def test_verify_refuses_a_website_that_is_not_a_web_address(
    website: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["verify", "--website", website, "--json", "--nameserver", "127.0.0.1:9"])
    assert code == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "not a website address" in captured.err
    assert "Traceback" not in captured.err


def test_a_lead_with_a_malformed_website_is_judged_on_it() -> None:
    import asyncio

    from leadcheck.inquiry import Inquiry
    from leadcheck.pipeline import CheckSession
    from tests.fakes import FakeNet

    net = FakeNet()

    async def check() -> object:
        async with CheckSession(resolver=net.resolver, fetcher=net.fetcher) as session:
            return await session.check(Inquiry(website="http://[::1"))

    report = asyncio.run(check())
    codes = {reason.code for reason in report.verdict.reasons}  # type: ignore[attr-defined]
    assert "website_invalid" in codes


@pytest.mark.parametrize(
    "routes",
    [
        {"/": Redirect("http://[::1/admin")},
        {"/": Redirect("https://{https_origin}:99999/")},
        {"/": Page('<meta http-equiv="refresh" content="0; url=http://[bad">')},
    ],
    ids=["redirect_bad_ipv6", "redirect_bad_port", "meta_refresh_bad_ipv6"],
)
def test_verify_survives_malformed_redirects(
    routes: dict[str, object],
    fresh_world: object,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    world = fresh_world
    world.add_site("weird-redirect.de", routes)  # type: ignore[attr-defined]
    for name, value in world.env().items():  # type: ignore[attr-defined]
        monkeypatch.setenv(name, value)
    args = world.cli_args()  # type: ignore[attr-defined]
    code = main(["verify", "--website", "weird-redirect.de", "--json", "--timeout", "5", *args])
    assert code == 0
    report = json.loads(capsys.readouterr().out)
    assert report["verdict"]["label"] != "genuine"
