"""Bot walls (leadcheck.verify.bot_check) and data/bot_walls.toml."""

from __future__ import annotations

from pathlib import Path

import pytest

from leadcheck.errors import DataFileError
from leadcheck.verify.bot_check import detect_wall, load_walls


def wall(status: int, headers: tuple[tuple[str, str], ...] = (), title: str = "", text: str = "",
         html: str = "") -> str | None:  # fmt: skip
    found = detect_wall(status=status, headers=headers, title=title, text=text, markup=html)
    return found.describe() if found is not None else None


@pytest.mark.parametrize(
    ("status", "headers", "title", "text", "html", "expected"),
    [
        (403, (("cf-mitigated", "challenge"),), "", "", "", "Cloudflare bot check"),
        (403, (), "Just a moment...", "Enable JavaScript and cookies to continue", "",
         "Cloudflare bot check"),
        (503, (), "", "Checking your browser before accessing acme.de.", "",
         "Cloudflare bot check"),
        (403, (), "Attention Required! | Cloudflare", "Sorry, you have been blocked", "",
         "Cloudflare firewall block"),
        (202, (("x-amzn-waf-action", "challenge"),), "", "", "", "AWS WAF bot check"),
        (405, (("x-amzn-waf-action", "captcha"),), "", "", "", "AWS WAF bot check"),
        (200, (), "", "", '<script src="/_Incapsula_Resource?SWJIYLWA=1"></script>',
         "Imperva bot check"),
        (428, (), "", "", '<div id="sec-cp-challenge">', "Akamai bot check"),
        (405, (), "", "", '<img src="https://errors.aliyun.com/images/405.png">',
         "Alibaba Cloud WAF firewall block"),
    ],
)  # fmt: skip
def test_walls(
    status: int, headers: tuple[tuple[str, str], ...], title: str, text: str, html: str,
    expected: str,
) -> None:  # fmt: skip
    assert wall(status, headers, title, text, html) == expected


def test_fingerprints_alone_are_not_a_wall() -> None:
    # every page Cloudflare serves carries these, real ones included
    headers = (("server", "cloudflare"), ("cf-ray", "8d2f-FRA"), ("set-cookie", "__cf_bm=x"))
    assert wall(200, headers, "AquaTech GmbH", "Water treatment since 1998") is None
    assert wall(403, headers, "403 Forbidden", "Forbidden") is None


def test_a_marker_with_the_wrong_status_or_on_a_long_page_is_not_a_wall() -> None:
    assert wall(200, (), "Just a moment...", "short") is None  # a wall is a 403/503
    long_page = "Our blog: checking your browser before accessing a site explained. " * 100
    assert wall(503, (), "Blog", long_page) is None


def test_the_shipped_walls_load() -> None:
    assert len(load_walls()) >= 20


def test_a_bad_walls_file_names_the_problem(tmp_path: Path) -> None:
    path = tmp_path / "walls.toml"
    path.write_text(
        '[[wall]]\nid = "x"\nvendor = "X"\nkind = "challenge"\nfield = "header"\npattern = "y"\n',
        encoding="utf-8",
    )
    with pytest.raises(DataFileError) as caught:
        load_walls(path)
    assert "name" in str(caught.value)
