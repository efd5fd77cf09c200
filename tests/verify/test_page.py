import pytest

from leadcheck.verify.page import decode_body
from leadcheck.verify.page import read_page as parse_page

HTML = """<!doctype html><html lang="de-DE"><head>
<meta charset="utf-8"><title>AquaTech Wasser GmbH – UV-Desinfektion</title>
<meta name="description" content="Wasseraufbereitung und UV-Anlagen seit 1998">
<meta name="generator" content="WordPress 6.5">
<script>var secret = "not text";</script><style>body{color:red}</style></head>
<body><h1>UV-Desinfektion für Trinkwasser</h1><h2>Kontakt</h2>
<p>Wir planen Anlagen für <b>Kommunen</b> und Industrie.</p>
<a href="mailto:info@aquatech-wasser.de">Mail</a><a href="https://wa.me/4930123456">WhatsApp</a>
<noscript>enable js</noscript></body></html>"""


def test_parse_page_extracts_the_parts() -> None:
    page = parse_page(HTML.encode(), "text/html; charset=utf-8")
    assert page.title == "AquaTech Wasser GmbH – UV-Desinfektion"
    assert page.description == "Wasseraufbereitung und UV-Anlagen seit 1998"
    assert page.language == "de-de"
    assert page.generator == "WordPress 6.5"
    assert page.headings == ("UV-Desinfektion für Trinkwasser", "Kontakt")
    assert "Kommunen" in page.text
    assert "secret" not in page.text
    assert "color:red" not in page.text
    assert "enable js" not in page.text
    assert "mailto:info@aquatech-wasser.de" in page.links


def test_hostile_title_is_inert() -> None:
    html = "<title>\x1b[31mRED\x1b]0;pwned\x07 [bold red]x[/bold red]</title><p>hi</p>"
    page = parse_page(html.encode(), "text/html")
    assert page.title is not None
    assert "\x1b" not in page.title
    assert "\x07" not in page.title
    # rich markup stays as literal text; the renderer shows it without parsing it
    assert "[bold red]x[/bold red]" in page.title


def test_decode_body_follows_charsets() -> None:
    gbk = "<meta charset='gb2312'><title>净水设备有限公司</title>".encode("gbk")
    assert "净水设备" in decode_body(gbk, "text/html")
    cp1251 = "<title>Очистка воды</title>".encode("cp1251")
    assert "Очистка" in decode_body(cp1251, "text/html; charset=windows-1251")
    assert decode_body(b"\xef\xbb\xbfhello", None) == "hello"


def test_meta_refresh_is_recorded() -> None:
    html = '<meta http-equiv="refresh" content="0; url=http://ww1.example.com/lander">'
    assert parse_page(html.encode(), "text/html").meta_refresh == "http://ww1.example.com/lander"


def test_plain_text_body() -> None:
    page = parse_page(b"just text\nhere", "text/plain")
    assert page.text == "just text\nhere"
    assert page.title is None


def test_what_a_page_says_it_is() -> None:
    from leadcheck.verify.page import read_page

    html = (
        '<html><head><link rel="Canonical" href="https://www.aqua.de/">'
        '<meta property="og:url" content="https://aqua.de/">'
        '<meta property="og:site_name" content="Aqua GmbH">'
        '<script type="application/ld+json">{"@context": "https://schema.org",'
        ' "@graph": [{"@type": "Organization", "url": "https://www.aqua.de/",'
        ' "email": "info@aqua.de", "address": {"streetAddress": "Weg 1"}}]}</script>'
        '<script type="application/ld+json">{not json</script>'
        "</head><body><p>Hallo</p></body></html>"
    )
    page = read_page(html)
    assert page.canonical == "https://www.aqua.de/"
    assert page.og_url == "https://aqua.de/"
    assert page.site_name == "Aqua GmbH"
    assert page.structured == ("https://www.aqua.de/", "info@aqua.de")
    assert "not json" not in page.text  # scripts are still not text


def test_structured_data_is_bounded() -> None:
    from leadcheck.verify.page import MAX_STRUCTURED, read_page

    items = ",".join(f'{{"url": "https://x{i}.de/"}}' for i in range(500))
    deep = '{"a": ' * 5000 + "1" + "}" * 5000
    html = (
        f'<html><head><script type="application/ld+json">[{items}]</script>'
        f'<script type="application/ld+json">{deep}</script></head><body>x</body></html>'
    )
    page = read_page(html)
    assert len(page.structured) <= MAX_STRUCTURED


def test_links_are_bounded_counting_their_repeats() -> None:
    from leadcheck.verify.page import MAX_LINKS

    menu = '<a href="/a">A</a>' * (MAX_LINKS - 1)
    html = f'<html><body>{menu}<a href=" /b ">B</a><a href="/c">C</a></body></html>'
    # the bound counts every link read, so /c (the 2,001st) is not taken
    assert parse_page(html, "text/html").links == ("/a", "/b")


def test_repeated_headings_are_kept_once_in_order() -> None:
    grid = "".join(f"<h3>UV lamp {i % 3}</h3><h2> </h2>" for i in range(300))
    page = parse_page(f"<html><body><h1>Catalogue</h1>{grid}</body></html>", "text/html")
    assert page.headings == ("Catalogue", "UV lamp 0", "UV lamp 1", "UV lamp 2")


def test_bytes_and_their_text_read_the_same() -> None:
    from leadcheck.verify.page import MAX_MARKUP_CHARS, read_document

    page = "<html><head><title>Ozon &amp; UV</title></head><body><h1>Ultraviolett</h1>"
    bodies = [
        (page + "<p>Wasseraufbereitung für Fischzucht</p></body></html>").encode(),
        b"\xef\xbb\xbf" + page.encode() + b"<p>BOM first</p>",  # utf-8-sig: decoded text
        (page + "<p>Caf\xe9</p>").encode("cp1252"),  # not UTF-8: the text path
        page.encode() + b"<p>broken \xff\xfe bytes</p>",  # replaced characters
        page.encode() + b"<div>" * 3000 + b"deep",  # flattened before parsing
        page.encode() + b"<p>" + b"x" * MAX_MARKUP_CHARS + b"</p>",  # cut at the bound
    ]
    for body in bodies:
        for content_type in ("text/html; charset=utf-8", "text/html", None):
            text = decode_body(body, content_type)
            assert read_document(body, content_type) == read_document(text, content_type)


def test_only_a_whole_utf_8_body_goes_to_the_parser_as_bytes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from leadcheck.verify import page

    given: list[bool] = []
    parse = page.parse_html

    def spy(html: str, *, utf8: bytes | None = None) -> page.PageContent:
        given.append(utf8 is not None)
        return parse(html, utf8=utf8)

    monkeypatch.setattr(page, "parse_html", spy)
    head = "<html><head><title>UV</title></head><body>"
    cases = [
        ((head + "<p>für Fischzucht</p>").encode(), True),
        ((head + "<p>Caf\xe9</p>").encode("cp1252"), False),
        (b"\xef\xbb\xbf" + head.encode(), False),
        (head.encode() + b"<div>" * 3000, False),
    ]
    for body, as_bytes in cases:
        given.clear()
        page.read_document(body, "text/html")
        assert given == [as_bytes], body[-40:]


def test_nested_headings_are_not_all_remembered() -> None:
    import tracemalloc

    from leadcheck.verify.page import bound_markup, parse_html

    # each of 190 nested headings holds the 200,000 characters inside it
    html = "<html><body>" + "<h3><b>" * 190 + "a" * 200_000 + "</b>z</h3>" * 190
    markup = bound_markup(html)[0]
    tracemalloc.start()
    try:
        page = parse_html(markup)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(page.headings) == 1  # the 190 cleaned ones are cut alike at 200 characters
    assert peak < 15_000_000  # remembering each heading's text held 38 MB
