"""A page kept frozen (memo.freeze) comes back as the page it was, its word count included."""

from __future__ import annotations

from leadcheck.memo import freeze, thaw
from leadcheck.verify.page import PageContent


def test_a_frozen_page_comes_back_the_same() -> None:
    page = PageContent(
        title="Acme – UV systems",
        description="UV disinfection",
        language="de",
        headings=("UV-C", "Über uns"),
        text="Wir bauen UV-Anlagen\nfür Trinkwasser \ud800 und Abwasser",
        image_alts=("UV lamp",),
        links=("/produkte", "mailto:info@acme.de"),
        meta_refresh=None,
        generator="WordPress",
        flattened=True,
    )
    again = thaw(freeze(page))
    for name in ("title", "description", "language", "headings", "text", "image_alts", "links"):
        assert getattr(again, name) == getattr(page, name), name
    assert (again.generator, again.flattened) == (page.generator, page.flattened)
    assert again.word_count == len(page.text.split()) == 8


def test_the_word_count_is_not_counted_again() -> None:
    page = PageContent(text="one two three")
    packed = freeze(page)
    again = thaw(packed)
    assert "word_count" in again.__dict__  # kept, not computed from the text again
    assert again.word_count == 3
    assert again == thaw(packed)
