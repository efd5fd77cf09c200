"""The term syntax of the taxonomy, turned into automaton keys.

A term is written once, in its natural form, and may carry three marks:

``water treatment``
    whole words only: each word of the term must be a whole word of the text.
``depurador*``
    a trailing ``*`` lets the last word continue (a stem): ``depuradora``,
    ``depuradoras``, ``depuradores``.
``*wasseraufbereit*``
    a leading ``*`` lets the first word start inside a longer word (a compound):
    ``Trinkwasseraufbereitungsanlage``.
``lámpara(s) germicida(s)``
    letters in parentheses are an optional ending: this term stands for four
    spellings. At most four optional endings per term.

Terms in scripts written without spaces (Chinese, Japanese, Thai) never need
boundaries: ``紫外线消毒`` matches inside ``紫外线消毒器``.

A term becomes one or more :class:`Key` objects: its folded spelling, and whether a
word boundary is needed before it and after it.
"""

from __future__ import annotations

import itertools
import re
from typing import NamedTuple

from leadcheck.fit.normalize import fold, is_unspaced, is_word_char

MAX_OPTIONAL_ENDINGS = 4
_OPTIONAL = re.compile(r"(?<=[^\W\d_])\(([^\W\d_]{1,8})\)")


class TermSyntaxError(ValueError):
    """A taxonomy term that cannot be used; the message says why."""


class Key(NamedTuple):
    """One spelling of a term as the automaton sees it."""

    text: str  # folded
    bounded_start: bool  # a word boundary must come before it
    bounded_end: bool  # a word boundary must come after it


def term_keys(raw: str) -> tuple[Key, ...]:
    """The keys of one term, in a stable order, without duplicates."""
    text = raw.strip()
    if not text.strip("*").strip():
        raise TermSyntaxError("the term is empty")
    open_start = text.startswith("*")
    open_end = text.endswith("*")
    body = text[1 if open_start else 0 : len(text) - 1 if open_end else len(text)].strip()
    if "*" in body:
        raise TermSyntaxError(
            "'*' may only start a term (to match inside a compound) or end it (a stem)"
        )
    keys: list[Key] = []
    for spelling in _expand_optional(body):
        folded = fold(spelling)
        if not folded:
            raise TermSyntaxError("nothing is left once punctuation is removed")
        if not all(char == " " or is_word_char(char) or is_unspaced(char) for char in folded):
            raise TermSyntaxError(
                "a term may hold letters, digits, spaces, hyphens and apostrophes only"
            )
        _check_length(folded, open_start or open_end)
        key = Key(
            folded,
            bounded_start=not open_start and not is_unspaced(folded[0]),
            bounded_end=not open_end and not is_unspaced(folded[-1]),
        )
        if key not in keys:
            keys.append(key)
    return tuple(keys)


def _expand_optional(body: str) -> list[str]:
    parts = _OPTIONAL.split(body)  # text, ending, text, ending, ..., text
    endings = parts[1::2]
    if len(endings) > MAX_OPTIONAL_ENDINGS:
        raise TermSyntaxError(f"more than {MAX_OPTIONAL_ENDINGS} optional endings '(...)'")
    if any(bracket in part for part in parts[0::2] for bracket in "()"):
        raise TermSyntaxError(
            "parentheses may only hold an optional ending of up to 8 letters, "
            "right after a letter, like 'lámpara(s)'"
        )
    spellings = []
    for choice in itertools.product((False, True), repeat=len(endings)):
        pieces = [parts[0]]
        for use, ending, rest in zip(choice, endings, parts[2::2], strict=True):
            pieces.append(ending if use else "")
            pieces.append(rest)
        spellings.append("".join(pieces))
    return spellings


def _check_length(folded: str, is_open: bool) -> None:
    letters = folded.replace(" ", "")
    if all(is_unspaced(char) for char in letters):
        if len(letters) < 2:
            raise TermSyntaxError(
                "a single CJK character matches inside too many words; write a longer term"
            )
    elif is_open and len(letters) < 3:
        raise TermSyntaxError("a stem or compound part needs at least 3 letters")
