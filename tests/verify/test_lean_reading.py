"""The faster page reading gives what the plain code gave, on every page we have.

Each shortcut taken for speed (str methods instead of regular expressions, only the
lines that can hold a match searched, a regex run only where its literal text is,
phone-number verdicts remembered) is compared here with the straightforward code it
replaced, kept below as the reference: on the pages of the test world's scenarios
and on text built to hit the edge cases.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leadcheck import contacts, textsafe
from leadcheck.verify import clone, message, page_kinds
from leadcheck.verify import page as page_module
from leadcheck.verify.page import read_document
from tests.world import Page, World
from tests.world.scenarios import install_default_scenarios

# Compared over every page of the world's scenarios: an end-to-end run.
pytestmark = pytest.mark.world

# -- the reference implementations (the code before the shortcuts) ----------------------


def ref_strip_controls(text: str) -> str:
    text = textsafe._ESCAPE_SEQUENCE.sub("", text)
    text = textsafe._CONTROL.sub("", text)
    text = textsafe._NONCHARACTER.sub("", text)
    text = textsafe._LINE_SEPARATORS.sub(" ", text)
    return textsafe._INVISIBLE.sub("", text)


def ref_clean_line(text: str, limit: int = 300) -> str | None:
    text = ref_strip_controls(unicodedata.normalize("NFC", text))
    text = textsafe._SPACES.sub(" ", text.replace("\n", " ").replace("\r", " ")).strip()
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text or None


def ref_tidy(text: str) -> str:
    text = ref_strip_controls(text.replace("\r\n", "\n"))
    text = page_module._BLANKS.sub(" ", text)
    lines = (line.strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)[: page_module.MAX_TEXT_CHARS]


_REF_BLANKS = re.compile(r"\s+")


def ref_fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return _REF_BLANKS.sub(" ", text).strip()


@cache
def ref_signatures() -> list[tuple[page_kinds.Signature, re.Pattern[str] | None]]:
    signatures = page_kinds.load_signatures().signatures
    return [
        (signature, re.compile(signature.pattern, re.MULTILINE) if signature.regex else None)
        for signature in signatures
    ]


def ref_hits(title: str, text: str, html: str, urls: list[str]) -> set[int]:
    """Every signature that matches, each searched on its own, the fields folded fully."""
    fields = {
        "title": ref_fold(title),
        "text": ref_fold(text),
        # the markup is lower-cased only: its patterns are ASCII (page_kinds.fold_markup)
        "html": _REF_BLANKS.sub(" ", html[: page_kinds.MAX_HTML_CHARS].lower()).strip(),
        "url": "\n".join(ref_fold(url) for url in urls if url),
    }
    found = set()
    for index, (signature, compiled) in enumerate(ref_signatures()):
        haystack = fields[signature.field]
        if compiled is not None:
            if compiled.search(haystack):
                found.add(index)
        elif ref_fold(signature.pattern) in haystack:
            found.add(index)
    return found


def ref_phones(text: str, region: str | None, max_tries: int = 65_535) -> list[str]:
    found: list[str] = []
    matcher = phonenumbers.PhoneNumberMatcher(
        text[:100_000],
        (region or "").upper() or None,
        leniency=phonenumbers.Leniency.VALID,
        max_tries=max_tries,
    )
    for match in matcher:
        found.append(phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164))
        if len(found) >= contacts.MAX_PER_KIND:
            break
    return found


def ref_emails(text: str) -> list[str]:
    return [match.group(1).lower() for match in contacts._EMAIL.finditer(text)]


# -- the pages ---------------------------------------------------------------------------


@cache
def world_pages() -> list[bytes]:
    world = World()  # declared, never started: only its pages are read
    install_default_scenarios(world)
    bodies = []
    for host in world.sites.hosts():
        site = world.sites.get(host)
        assert site is not None
        bodies.extend(
            route.body_bytes() for route in site.routes.values() if isinstance(route, Page)
        )
    return [body for body in bodies if body]


def test_there_are_pages_to_compare() -> None:
    assert len(world_pages()) > 150


def test_the_world_s_pages_are_read_and_classified_as_before() -> None:
    for body in world_pages():
        document = read_document(body, "text/html; charset=utf-8")
        page = document.content
        urls = ["https://example.test/"]
        classification = page_kinds.classify_page(
            title=page.title, text=page.text, html=document.markup, urls=urls
        )
        expected = ref_hits(page.title or "", page.text, document.markup, urls)
        signatures = page_kinds.load_signatures().signatures
        assert set(classification.matched) == {signatures[i].id for i in expected}


def test_a_page_fetched_as_utf_8_is_read_as_its_text_would_be() -> None:
    # the fetched bytes go to the parser as they are when they are UTF-8 throughout:
    # the same page as the decoded text gives, for every page of the world
    for body in world_pages():
        for content_type in ("text/html; charset=utf-8", "text/html", None):
            from_bytes = read_document(body, content_type)
            text = page_module.decode_body(body, content_type)
            assert from_bytes == read_document(text, content_type)


def test_the_world_s_pages_give_the_same_contacts() -> None:
    for body in world_pages():
        text = read_document(body, "text/html; charset=utf-8").content.text
        for region in ("DE", "US", None):
            assert contacts._phones_in_text(text, region) == ref_phones(text, region)
        emails = [e for e in ref_emails(text) if not e.endswith(contacts._FILE_SUFFIXES)]
        found = contacts.extract_contacts(text, region="DE").emails
        assert found == tuple(dict.fromkeys(emails))[: contacts.MAX_PER_KIND]
        assert contacts.emails_in(text) == found


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["info@acme.de", "a.b@x-y.com", "@", "x@", "@y.de", " ", "\n", ".", "-", "é",
             "logo@2x.png", "sales@acme.de\n", "q"]
        ),
        max_size=20,
    ).map("".join)
)  # fmt: skip
def test_emails_found_as_before(text: str) -> None:
    emails = [e for e in ref_emails(text) if not e.endswith(contacts._FILE_SUFFIXES)]
    assert contacts.emails_in(text) == tuple(dict.fromkeys(emails))[: contacts.MAX_PER_KIND]


# -- text built for the edge cases -------------------------------------------------------

# every kind of character the shortcuts tell apart
TRICKY = (
    (
        "aZ09 .,-@+/:()[]'\"=\\t\\n\\r\\x0b\\x0c\\x1b[31m\\x1b]8;;x\\x07\\x9b\\x85\\x00\\x7f"
        "\\u00a0\\u3000\\u2002\\u2028\\u2029\\u200b\\u202e\\u2066\\u061c\\ufeff\\ufdd0\\ufffe"
        "\\ud800éüß中文русский٣٤ℌ①ｆｕｌｌ"
    )
    .encode()
    .decode("unicode_escape")
)
TEXT = st.text(alphabet=st.sampled_from(TRICKY), max_size=80)


@settings(max_examples=600, deadline=None)
@given(TEXT)
def test_controls_stripped_as_before(text: str) -> None:
    assert textsafe.strip_controls(text) == ref_strip_controls(text)
    assert textsafe.clean_line(text, limit=30) == ref_clean_line(text, limit=30)


@settings(max_examples=400, deadline=None)
@given(st.lists(TEXT, max_size=8).map("\n".join))
def test_page_text_tidied_as_before(text: str) -> None:
    assert page_module._tidy(text) == ref_tidy(text)


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_folded_as_before(text: str) -> None:
    assert page_kinds.fold(text) == ref_fold(text)


SIGNATURE_WORDS = sorted(
    {
        word
        for signature in page_kinds.load_signatures().signatures
        for word in re.findall(r"[^\W\d_]+|\d+|[./:\"<>!@-]", signature.pattern.lower())
    }
)
PAGE_TEXT = st.lists(
    st.one_of(st.sampled_from(SIGNATURE_WORDS), st.sampled_from([" ", "  ", "\n", "\t", "\u00a0"])),
    max_size=60,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(PAGE_TEXT, PAGE_TEXT, PAGE_TEXT)
def test_signatures_found_as_before(title: str, text: str, html: str) -> None:
    signatures = page_kinds.load_signatures()
    result = page_kinds.classify_page(title=title, text=text, html=html, urls=[text])
    expected = {signatures.signatures[i].id for i in ref_hits(title, text, html, [text])}
    assert set(result.matched) == expected


@pytest.mark.parametrize(
    "signature",
    [s for s in page_kinds.load_signatures().signatures if s.regex],
    ids=lambda s: s.id,
)
def test_a_regex_s_literals_are_in_every_match(signature: page_kinds.Signature) -> None:
    compiled = re.compile(signature.pattern, re.MULTILINE)
    literals = page_kinds.required_literals(compiled)
    blank_free = page_kinds.cannot_match_blank(compiled)

    @settings(max_examples=60, deadline=None)
    @given(st.from_regex(compiled))
    def check(found: str) -> None:
        match = compiled.search(found)
        assert match is not None
        if literals is not None:
            assert any(literal in match.group() for literal in literals), (match, literals)
        if blank_free:
            assert not any(ch.isspace() for ch in match.group())

    check()


TAGS = st.sampled_from(
    ["<div>", "</div>", "<p>", "<span>", "</span>", "<br>", "<img src=x>", "<div/>", "<svg>",
     "</svg>", "<path d=1/>", "<!-- c -->", "<li>", "</x>", "text ", "<math/>", "<b>", "</b>"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(TAGS, min_size=0, max_size=900).map("".join))
def test_the_depth_bound_is_a_bound(html: str) -> None:
    depth = top = 0
    for _match, step in page_module._depth_steps(html):
        depth = max(0, depth + step)
        top = max(top, depth)
    assert page_module._depth_bound(html) >= top


def test_self_closing_divs_are_flattened_too() -> None:
    document = read_document("<html><body>" + "<div/>" * 2000 + "deep text")
    assert document.content.flattened
    assert "deep text" in document.content.text


PHONE_TEXT = st.lists(
    st.sampled_from(
        ["+49 30 1234567", "030 1234567", "(212) 555-0188", "+1 415 555 0100", "1996", "2026",
         "ISO 9001", "40 W", "12:30", "2026-01-05", "Tel.", "ext. 12", "+86 571 8765 4321",
         " ", "\n", "abc", "0711/2589340", "·", "€", "%"]
    ),
    max_size=30,
).map("".join)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(PHONE_TEXT, st.sampled_from(["DE", "US", "CN", None]))
def test_phone_numbers_found_as_before(text: str, region: str | None) -> None:
    assert contacts._phones_in_text(text, region) == ref_phones(text, region)


REPEATED_LINES = st.lists(
    st.sampled_from(
        ["Tel. +49 30 1234567", "1996 2026 ISO 9001", "40 W 12:30", "0711/2589340 ext. 12",
         "Fax (212) 555-0188", "2026-01-05 · 3 pcs", "+86 571 8765 4321", "abc 12"]
    ),
    max_size=40,
).map("\n".join)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(REPEATED_LINES, st.sampled_from(["DE", "US", None]), st.integers(1, 40))
def test_phone_numbers_found_as_before_when_the_tries_run_out(
    text: str, region: str | None, tries: int
) -> None:
    """A line read once and taken as known again spends its tries again: the matcher runs
    out where one matcher over the whole text would."""
    saved = contacts._MAX_TRIES
    contacts._MAX_TRIES = tries
    try:
        assert contacts._phones_in_text(text, region) == ref_phones(text, region, tries)
    finally:
        contacts._MAX_TRIES = saved


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="a@1٣ \n\r\u2028\x85", max_size=60))
def test_lines_with_a_digit_or_an_at_found_as_before(text: str) -> None:
    assert contacts._lines_with_digit(text) == contacts._LINE_WITH_DIGIT.findall(text)
    assert contacts._lines_with_at(text) == contacts._LINE_WITH_AT.findall(text)


COPYRIGHT_TEXT = st.lists(
    st.sampled_from(
        ["© 2026 acme.de", "(C) ACME", "Copyright", "all rights reserved", "版权所有", "menu",
         "\n", "\r\n", "\r", "\u2028", "\x0c", " ", "acme.de", "©©"]
    ),
    max_size=25,
).map("".join)  # fmt: skip


_CLASSES = tuple(re.compile(pattern) for pattern in (r"\w", r"\d", r"\s"))


def test_markup_lowered_as_ascii_matches_as_lowered_in_full() -> None:
    # every code point, in texts of many: where lower_ascii leaves a character that
    # str.lower() changes, both are outside ASCII and alike to every class a pattern
    # of ASCII characters can use; every other character is the same in both
    points = [chr(cp) for cp in range(1, 0x110000) if not 0xD800 <= cp < 0xE000]
    for low in range(0, len(points), 50_000):
        text = "Sedo<A HREF=x>" + "".join(points[low : low + 50_000])
        fast, full = page_kinds.lower_ascii(text), text.lower()
        if "\u0130" in text or "\u212a" in text:
            assert fast == full
            text = text.replace("\u0130", "").replace("\u212a", "")
            fast, full = page_kinds.lower_ascii(text), text.lower()
        assert fast.startswith("sedo<a href=x>")
        assert len(fast) == len(full)
        for mine, theirs in zip(fast, full, strict=True):
            if mine != theirs:
                assert not mine.isascii()
                assert not theirs.isascii()
                assert all(bool(c.match(mine)) == bool(c.match(theirs)) for c in _CLASSES)


@pytest.mark.parametrize("kelvin", [True, False], ids=["lowered in full", "ASCII lowered"])
def test_copyright_folding_compares_every_character_as_ignorecase_does(kelvin: bool) -> None:
    every = "".join(map(chr, range(0x110000)))
    if not kelvin:  # without the Kelvin sign the text's ASCII letters alone are lowered
        every = every.replace("\u212a", "k")
    folded = clone._fold_for_copyright(every)
    assert len(folded) == len(every)  # one character each: positions carry over
    wanted = sorted(set("©(c)copyright版权所有all rights reserved"))
    either = re.compile("[" + re.escape("".join(wanted)) + "]", re.IGNORECASE)
    candidates = {m.start() for m in either.finditer(every)}
    candidates |= {i for i, char in enumerate(folded) if char in wanted}
    for code in candidates:
        char = every[code]
        for letter in wanted:
            same = re.fullmatch(re.escape(letter), char, re.IGNORECASE) is not None
            assert (folded[code] == letter) is same, (hex(code), letter)


TRICKY_COPYRIGHT = st.lists(
    st.sampled_from(
        ["COPYRİGHT", "copyrıght", "all rightſ reſerved", "ALL RIGHTS RESERVED", "(c)", "İİ",
         "ǅ", "ẞ", "\u0130x", "K", "\n", " ", "acme.de", "ʼn", "ﬀ", "Ω", "©"]
    ),
    max_size=20,
).map("".join)  # fmt: skip


@pytest.mark.parametrize(
    "texts", [COPYRIGHT_TEXT, TRICKY_COPYRIGHT], ids=["line breaks", "letters that fold"]
)
def test_copyright_lines_found_as_before(texts: st.SearchStrategy[str]) -> None:
    @settings(max_examples=300, deadline=None)
    @given(texts)
    def check(text: str) -> None:
        expected = [line for line in text.splitlines() if clone._COPYRIGHT.search(line)]
        assert clone._copyright_lines(text) == expected

    check()


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["login", "sign in", " ", "to view the document", "invoice.pdf.exe", "http://bit.ly/q",
             "https://docs.google.com/x", "pay the fee", "verify your account", "Bitte", "\n",
             "UV lamps", "quotation"]
        ),
        max_size=12,
    ).map("".join)
)  # fmt: skip
def test_a_message_read_again_is_read_the_same(text: str) -> None:
    lures = message._compiled()
    assert message.read_message(text) == message._read_message(text[:20_000], lures)
    assert message.read_message(text) == message._read_message(text[:20_000], lures)


def test_no_valid_number_is_shorter_than_the_digits_skipped() -> None:
    shortest = min(
        min(metadata.general_desc.possible_length)
        for metadata in [
            *(
                phonenumbers.PhoneMetadata.metadata_for_region(r)
                for r in phonenumbers.SUPPORTED_REGIONS
            ),
            *(
                phonenumbers.PhoneMetadata.metadata_for_nongeo_region(code)
                for code in phonenumbers.COUNTRY_CODES_FOR_NON_GEO_REGIONS
            ),
        ]
    )
    assert shortest >= contacts.MIN_NATIONAL_DIGITS
