"""Folding a long text a distinct word at a time gives what folding it whole gives: for
the fit matcher's fold (NFKD), and for the page kinds' (NFKC) should it ever fold so."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leadcheck import wordwise
from leadcheck.fit import normalize
from leadcheck.verify import page_kinds

FOLDS: dict[str, tuple[Callable[[str], str], Callable[[str], str]]] = {
    "fit": (normalize.fold, normalize._fold_whole),
    "page kinds": (lambda text: wordwise.fold_by_word(text, page_kinds.fold), page_kinds.fold),
}

# What folding touches, and what could join or split words: every kind of white space,
# combining marks after a blank, compatibility characters that decompose to a space and
# a mark, joiners, letters mapped by hand, Arabic, Hangul jamo and syllables.
TRICKY = (
    " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2007\u200a\u2028\u2029\u202f"
    "\u205f\u3000-_/'\u2019\u2013\u0301\u0308\u0327\u064b\u0640\u00a8\u00b4\u00b8"
    "\u02d8\u203e\ufe4d\u1100\u1161\u11a8\uac00aeiouAEIOUßẞéÉłŁæøœıİﬁＵＶ①²ةىیک٣"
)
WORDS = st.text(alphabet=st.sampled_from(TRICKY) | st.characters(codec="utf-8"), max_size=40)


@pytest.mark.parametrize("name", FOLDS)
@settings(max_examples=400, deadline=None)
@given(parts=st.lists(WORDS, max_size=30))
def test_folding_word_by_word_is_folding_whole(name: str, parts: list[str]) -> None:
    _, whole = FOLDS[name]
    text = "".join(parts).replace(wordwise.SEPARATOR, " ")
    assert wordwise.fold_words(text, whole) == whole(text)


@pytest.mark.parametrize("name", FOLDS)
@settings(max_examples=60, deadline=None)
@given(parts=st.lists(WORDS, min_size=1, max_size=10), repeat=st.integers(1, 200))
def test_a_long_text_folds_as_a_whole(name: str, parts: list[str], repeat: int) -> None:
    fold, whole = FOLDS[name]
    text = (" ".join(parts) * repeat).replace(wordwise.SEPARATOR, " ")
    text += " uv-lamp" * max(0, (wordwise.MIN_CHARS - len(text)) // 8 + 1)  # long enough
    assert len(text) >= wordwise.MIN_CHARS
    assert fold(text) == whole(text)


@pytest.mark.parametrize("name", FOLDS)
def test_a_long_blank_text_folds_to_nothing(name: str) -> None:
    fold, _ = FOLDS[name]
    assert fold(" \n\u3000" * 1000) == ""


@pytest.mark.world  # a few seconds: with the slow suite
@pytest.mark.parametrize("name", FOLDS)
def test_every_character_at_a_word_s_edges_folds_as_in_the_whole_text(name: str) -> None:
    # each code point before and after a blank, alone between blanks and after a mark,
    # many to a text (a difference in any of them shows in the text's folding)
    _, whole = FOLDS[name]
    points = [chr(cp) for cp in range(1, 0x110000) if not 0xD800 <= cp < 0xE000]
    for low in range(0, len(points), 8192):
        chunk = points[low : low + 8192]
        text = " ".join(f"a{ch} {ch}b \u0301{ch} {ch}\u0308 \u1100{ch}" for ch in chunk)
        assert wordwise.fold_words(text, whole) == whole(text), low


# Texts as a page's tidied text is (words, single spaces and newlines between them),
# and texts of any blanks at all.
SPACED = st.lists(
    st.text(alphabet=st.sampled_from(TRICKY) | st.characters(codec="utf-8"), min_size=1),
    max_size=30,
).map(lambda words: [word for word in (" ".join(w.split()) for w in words) if word])


@settings(max_examples=500, deadline=None)
@given(words=SPACED, joins=st.lists(st.sampled_from([" ", "\n"]), min_size=30, max_size=30))
def test_a_tidied_text_is_collapsed_and_counted_without_splitting(
    words: list[str], joins: list[str]
) -> None:
    text = "".join(word + join for word, join in zip(words, joins, strict=False)).rstrip()
    assert wordwise.collapse_blanks(text) == " ".join(text.split())
    assert wordwise.count_words(text) == len(text.split())
    if words and all(word.isprintable() for word in words):
        assert wordwise._single_spaced(text)  # the short way was taken


@settings(max_examples=500, deadline=None)
@given(parts=st.lists(WORDS, max_size=30))
def test_any_text_is_collapsed_and_counted_as_split_does(parts: list[str]) -> None:
    text = "".join(parts)
    assert wordwise.collapse_blanks(text) == " ".join(text.split())
    assert wordwise.count_words(text) == len(text.split())


def test_every_blank_but_the_single_space_and_newline_takes_the_long_way() -> None:
    for code in range(0x110000):
        char = chr(code)
        text = f"ab{char}cd"
        assert wordwise.collapse_blanks(text) == " ".join(text.split()), hex(code)
        assert wordwise.count_words(text) == len(text.split()), hex(code)
    for text in ("a  b", " a", "a ", "a\n\nb", "a \nb", "\n", " ", "", "a\n"):
        assert wordwise.collapse_blanks(text) == " ".join(text.split())
        assert wordwise.count_words(text) == len(text.split())
