"""Choosing the products, services and about pages of a site from a page's links."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from leadcheck.fit.more_pages import pick_more_pages

BASE = "https://www.aqualux-example.de/"


def test_one_page_of_each_kind_first() -> None:
    links = [
        "/",
        "/kontakt",
        "/impressum",
        "/ueber-uns/",
        "/produkte/",
        "/produkte/uv-anlage-lq5",
        "/leistungen",
        "#top",
        "mailto:info@aqualux-example.de",
    ]
    picked = pick_more_pages(links, BASE, language="de", limit=3)
    assert picked == (
        "https://www.aqualux-example.de/produkte/",
        "https://www.aqualux-example.de/leistungen",
        "https://www.aqualux-example.de/ueber-uns/",
    )


def test_limit_and_then_the_next_best() -> None:
    links = ["/products/", "/products/uv-lamps", "/about-us", "/solutions"]
    assert len(pick_more_pages(links, BASE, limit=2)) == 2
    four = pick_more_pages(links, BASE, limit=10)
    assert four[:3] == (
        "https://www.aqualux-example.de/products/",
        "https://www.aqualux-example.de/solutions",
        "https://www.aqualux-example.de/about-us",
    )
    assert four[3] == "https://www.aqualux-example.de/products/uv-lamps"
    assert pick_more_pages(links, BASE, limit=0) == ()


def test_other_sites_files_and_the_page_itself_are_left_out() -> None:
    links = [
        "https://www.facebook.com/aqualux/about",
        "https://shop.other-example.com/products",
        "/downloads/produkte.pdf",
        "/img/products.jpg",
        "https://aqualux-example.de/",  # the page itself, without www
        "javascript:void(0)",
        "ftp://aqualux-example.de/products",
        "https://shop.aqualux-example.de/products",  # same site, another host: kept
    ]
    assert pick_more_pages(links, BASE) == ("https://shop.aqualux-example.de/products",)


def test_the_sites_language_only() -> None:
    links = ["/en/products", "/fr/produits", "/de/produkte", "/products?lang=es", "/cp/"]
    assert pick_more_pages(links, "https://example-water.com/de/", language="de-DE") == (
        "https://example-water.com/de/produkte",
    )
    # without a declared language every version is a candidate
    assert len(pick_more_pages(links, "https://example-water.com/", limit=5)) == 4


def test_scripts_other_than_latin() -> None:
    base = "http://www.qingyuan-example.cn/"
    links = ["/关于我们/", "/产品中心/list_1.html", "/news/", "/chanpin/", "/contact.html"]
    picked = pick_more_pages(links, base, language="zh-CN", limit=3)
    assert "http://www.qingyuan-example.cn/产品中心/list_1.html" in picked
    assert "http://www.qingyuan-example.cn/关于我们/" in picked
    assert all("news" not in url for url in picked)
    ru = pick_more_pages(["/o-kompanii", "/продукция/", "/услуги"], "https://akva-example.ru/")
    assert ru == (
        "https://akva-example.ru/продукция/",
        "https://akva-example.ru/услуги",
        "https://akva-example.ru/o-kompanii",
    )


def test_fragments_are_dropped_and_duplicates_merged() -> None:
    links = ["/products#top", "/products/", "/products", "https://www.aqualux-example.de/products"]
    assert pick_more_pages(links, BASE, limit=5) == ("https://www.aqualux-example.de/products",)


def test_a_bad_base_or_bad_links_give_nothing() -> None:
    assert pick_more_pages(["/products"], "not a url") == ()
    assert pick_more_pages(["/products"], "mailto:x@example.com") == ()
    assert pick_more_pages(["http://[::1/products", "http://example.com:99999/x"], BASE) == ()


@given(st.lists(st.text(max_size=80), max_size=30), st.integers(min_value=0, max_value=8))
def test_arbitrary_links_never_raise(links: list[str], limit: int) -> None:
    picked = pick_more_pages(links, BASE, language="de", limit=limit)
    assert len(picked) <= limit
    assert all(url.startswith(("http://", "https://")) for url in picked)
    assert len(set(picked)) == len(picked)
