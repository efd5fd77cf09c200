"""A lead's own words as fit sees them: the terms in its company name and message.

A batch keys its memo of fits by the page and ``lead_words``; that is right only if
a fit reads nothing else of those words. These tests hold the claim to account.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leadcheck.fit.scoring import FitInput, lead_words, score_fit
from tests.fit.conftest import page

PAGES = (
    "en_uv_distributor.html",
    "de_wasseraufbereitung.html",
    "en_nail_salon.html",
    "es_moda.html",
)

# Words that are taxonomy terms or change how terms count (a false friend, a claim,
# a mask), in several languages, and words that are none.
TERMS = (
    "UV sterilizer",
    "UV sterilizers",
    "UV-C lamp",
    "water treatment",
    "drinking water",
    "aquaculture",
    "fish farm",
    "disinfection",
    "hospital",
    "kitchen exhaust",
    "UV printing",
    "nail lamp",
    "gel nail polish",
    "we manufacture",
    "Wasseraufbereitung",
    "Entkeimung",
    "depuradora",
    "紫外线杀菌灯",
    "uv",
)
FILLER = (
    "we",
    "need",
    "please",
    "quote",
    "price",
    "for",
    "our",
    "project",
    "Dear supplier,",
    "FOB?",
    "40",
    "200 m3/h",
    "sofas",
    "hello",
    ".",
    "\n",
)
WORDS = st.lists(st.sampled_from(TERMS + FILLER), max_size=14).map(" ".join)
ANY_TEXT = st.one_of(WORDS, st.text(max_size=120), st.none())


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(PAGES), ANY_TEXT, ANY_TEXT)
def test_a_fit_from_known_lead_words_is_the_fit(
    name: str, company: str | None, message: str | None
) -> None:
    doc = page(name, **{k: v for k, v in (("company", company), ("message", message)) if v})
    words = lead_words(doc.company, doc.message)
    assert score_fit(doc, words=words) == score_fit(doc)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(PAGES), WORDS, WORDS, WORDS)
def test_messages_with_the_same_terms_have_the_same_fit(
    name: str, company: str, one: str, other: str
) -> None:
    # Drawn from a few dozen words, two messages often name the same terms in the
    # same order while differing in everything else.
    if lead_words(company, one) != lead_words(company, other):
        return
    first = score_fit(page(name, company=company, message=one))
    second = score_fit(page(name, company=company, message=other))
    assert first == second


def test_wording_around_the_same_terms_does_not_count() -> None:
    forty = "Hello, we need 40 UV sterilizers for our water treatment project. FOB price?"
    more = "Dear supplier, please quote 200 UV sterilizers: water treatment, new line."
    assert lead_words("Ostwasser GmbH", forty) == lead_words("Ostwasser GmbH", more)
    assert lead_words(None, "Interested in your products") == ()
    assert lead_words(None, "Please send your catalogue") == ()


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("We need UV sterilizers", "We need UV sterilizers for water treatment"),  # a term more
        ("We need UV sterilizers", "We need UV sterilizers, UV sterilizers"),  # counted twice
        ("UV lamp for water treatment", "UV lamp for gel nail polish"),  # a false friend
    ],
)
def test_other_terms_are_other_words(one: str, other: str) -> None:
    assert lead_words(None, one) != lead_words(None, other)


def test_the_company_name_and_the_message_are_told_apart() -> None:
    # the same term weighs differently in the company name (3) and the message (2)
    as_company = lead_words("Aquaculture Supply Ltd", None)
    as_message = lead_words(None, "Aquaculture Supply Ltd")
    assert as_company != as_message
    alone = FitInput(company="Aquaculture Supply Ltd")
    assert score_fit(alone, words=as_company) == score_fit(alone)
    assert score_fit(alone, words=as_company) != score_fit(
        FitInput(message="Aquaculture Supply Ltd")
    )


# A page's own terms (page_words): with the lead's, all that a fit reads. A batch
# keeps them for a site's other pages read for fit instead of the pages themselves.

PAGE_TEXT = st.lists(st.sampled_from(TERMS + FILLER), max_size=30).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(PAGE_TEXT, PAGE_TEXT, st.lists(PAGE_TEXT, max_size=4), PAGE_TEXT, ANY_TEXT, ANY_TEXT)
def test_a_pages_terms_are_its_own_and_read_alike_from_the_cache_or_not(
    title: str,
    body: str,
    headings: list[str],
    description: str,
    company: str | None,
    message: str | None,
) -> None:
    from leadcheck.fit.matcher import compile_taxonomy
    from leadcheck.fit.scoring import page_words, score_words
    from leadcheck.fit.taxonomy import load_taxonomy

    bare = FitInput(title=title, description=description, headings=tuple(headings), body=body)
    lead = bare.model_copy(update={"company": company, "message": message})
    fresh = page_words(bare, cached=False)
    assert page_words(lead, cached=False) == fresh  # the lead's words are not the page's
    compile_taxonomy(load_taxonomy()).clear_cache()
    assert page_words(bare) == fresh  # matched now...
    assert page_words(lead) == fresh  # ...and from the cache
    assert {field for field, *_ in fresh} <= {"title", "description", "headings", "body"}
    words = lead_words(company, message)
    assert score_words(fresh, words) == score_fit(lead)


def test_a_pages_terms_are_counted_per_field() -> None:
    from leadcheck.fit.scoring import page_words

    doc = FitInput(
        title="UV sterilizers",
        headings=("Water treatment", "UV sterilizers"),
        body="We manufacture UV sterilizers. UV sterilizers for fish farm ponds.",
    )
    fields: dict[str, list[tuple[int, int]]] = {}
    for field_name, _, count, claimed in page_words(doc, cached=False):
        fields.setdefault(field_name, []).append((count, claimed))
    assert set(fields) == {"title", "headings", "body"}
    # the body's sterilizers: twice, once in the claim's sentence
    assert (2, 1) in fields["body"]


@settings(max_examples=150, deadline=None)
@given(PAGE_TEXT, PAGE_TEXT, st.lists(PAGE_TEXT, max_size=3), ANY_TEXT, ANY_TEXT)
def test_terms_are_found_in_the_order_of_the_fields(
    title: str, body: str, headings: list[str], company: str | None, message: str | None
) -> None:
    """The scorer adds up evidence in the order terms were first found: title,
    description, company name, message, body, headings, as a page and a lead's words
    are read together. (Floating-point sums depend on that order.)"""
    from leadcheck.fit.matcher import compile_taxonomy, occurrences
    from leadcheck.fit.normalize import fold
    from leadcheck.fit.scoring import _found, page_words
    from leadcheck.fit.taxonomy import load_taxonomy

    compiled = compile_taxonomy(load_taxonomy())
    fields = (
        ("title", title),
        ("company", company),
        ("message", message),
        ("body", body),
        ("headings", " | ".join(fold(h) for h in headings)),
    )
    expected: dict[int, list[tuple[str, int, int]]] = {}
    for name, value in fields:
        if value:
            for term, count, claimed in occurrences(compiled.count_zones(fold(value))):
                expected.setdefault(term, []).append((name, count, claimed))
    doc = FitInput(title=title, headings=tuple(headings), body=body)
    found = _found(page_words(doc, cached=False), lead_words(company, message))
    got = {
        term: [(name, *pair) for name, pair in by_field.items()] for term, by_field in found.items()
    }
    assert list(got.items()) == list(expected.items())
