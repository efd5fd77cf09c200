"""Folding a long text one distinct word at a time, for folds that work word by word.

A page repeats its words (menus, product grids, the same terms again and again), so
its distinct words are a fraction of it. A fold that normalises (NFKC or NFKD), changes
case, drops or maps characters and collapses blanks gives the same result on the text
as on each of its words, joined by single spaces: every step works on each character,
or on a letter and the marks that follow it, and no step joins anything across white
space (every white space character is a starter, decomposes to white space, and
composes with nothing). So the distinct words are joined by a separator no step
changes, folded in one call, and the text is put back together from them.

A page's text, once tidied, has single spaces and newlines between its words and no
other blank: :func:`collapse_blanks` and :func:`count_words` see that with three C
scans and then need no list of its words (``str.split()`` makes a string of each).

The fit matcher (:mod:`leadcheck.fit.normalize`) folds pages this way (a third faster
on 20 KB of page text). The page kinds' fold (NFKC, case, blanks) does not: it costs
less than splitting the page into words. ``tests/test_wordwise.py`` checks the
equality for both, on every code point at a word's edges and on arbitrary text.
"""

from __future__ import annotations

from collections.abc import Callable

# Texts at least this long are folded word by word: below it the splitting costs more.
MIN_CHARS = 2_000
SEPARATOR = "\x00"  # no fold changes it, and it is not white space


def fold_by_word(text: str, fold_whole: Callable[[str], str]) -> str:
    """``fold_whole(text)`` for a fold that collapses blanks and works word by word (see
    the module docstring), folding each distinct word of ``text`` once. Short texts, and
    those holding the separator, are folded whole."""
    if len(text) < MIN_CHARS or SEPARATOR in text:
        return fold_whole(text)
    return fold_words(text, fold_whole)


def fold_words(text: str, fold_whole: Callable[[str], str]) -> str:
    """:func:`fold_by_word` for any length of ``text`` (which must not hold the
    separator). A word that folds to nothing, such as a lone hyphen, is left out, as the
    whole text's blanks would collapse around it."""
    words = text.split()
    if not words:
        return ""
    distinct = list(dict.fromkeys(words))
    pieces = fold_whole(SEPARATOR.join(distinct)).split(SEPARATOR)
    folded = dict(zip(distinct, map(str.strip, pieces), strict=True))
    return " ".join(filter(None, map(folded.__getitem__, words)))


def _single_spaced(text: str) -> str:
    """``text`` with its newlines made spaces, if that is ``" ".join(text.split())``;
    else the empty string. It is when the only blanks are single spaces and newlines,
    each between two words: every white space character but the space is
    unprintable (``str.isprintable``), so a printable text splits at spaces alone."""
    flat = text.replace("\n", " ")
    if flat.isprintable() and "  " not in flat and flat[:1] != " " and flat[-1:] != " ":
        return flat
    return ""


def collapse_blanks(text: str) -> str:
    """``" ".join(text.split())``: each run of blanks one space, none at the ends."""
    return _single_spaced(text) or " ".join(text.split())


def count_words(text: str) -> int:
    """``len(text.split())``."""
    flat = _single_spaced(text)
    return flat.count(" ") + 1 if flat else len(text.split())
