"""Inflections a term's whole words miss, from a Snowball stemmer.

A term is written once in its natural form (``agua potable``); pages write it
inflected (``aguas potables``, ``Umkehrosmoseanlagen``). For the languages the
taxonomy names in ``[morphology]``, each whole-word term of a segment gets one more
key: its last word cut to the Snowball stem of that word, open at the end
(``agua potabl*``). Only the last word (a key is a literal string: an open end is
the one place it can vary), only where the stem is a prefix of the folded word and
at least ``min_stem`` letters long, at most ``max_cut`` letters shorter than the word,
and only for segments (a negative group's
``seguros``, insurance, must not become ``segur*`` and match ``seguridad``).

The stemmers are the Snowball project's, from the ``PyStemmer`` package (C, a
millisecond for the whole taxonomy), imported when a taxonomy is first compiled,
never at import time; they run over the terms, never over page text, so matching
stays one automaton pass.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from leadcheck.fit.normalize import is_unspaced
from leadcheck.fit.terms import Key

# Taxonomy language codes -> Snowball algorithm names.
SNOWBALL: dict[str, str] = {
    "ar": "arabic",
    "ca": "catalan",
    "cs": "czech",
    "da": "danish",
    "de": "german",
    "el": "greek",
    "en": "english",
    "es": "spanish",
    "fi": "finnish",
    "fr": "french",
    "hi": "hindi",
    "hu": "hungarian",
    "id": "indonesian",
    "it": "italian",
    "nl": "dutch",
    "no": "norwegian",
    "pl": "polish",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sv": "swedish",
    "tr": "turkish",
}


@cache
def _stemmer(language: str) -> Any:
    import Stemmer  # PyStemmer

    return Stemmer.Stemmer(SNOWBALL[language])


def stem_keys(
    keys: tuple[Key, ...], language: str, min_stem: int, max_cut: int = 3
) -> tuple[Key, ...]:
    """The extra keys that let the last word of ``keys`` inflect, in ``language``.

    A stem may cut at most ``max_cut`` letters: inflections are short endings
    (``-s``, ``-en``, ``-ой``), while a longer cut is derivation (Italian
    ``depurazione`` -> ``depur``), whose stem matches other words and other
    languages (Spanish ``depuradora``)."""
    if language not in SNOWBALL:
        return ()
    extra: list[Key] = []
    for key in keys:
        if not key.bounded_end:
            continue  # already open: a stem or a CJK term
        head, _, last = key.text.rpartition(" ")
        if not last or is_unspaced(last[-1]) or not last.isalpha():
            continue
        stem = _stemmer(language).stemWord(last)
        cut = len(last) - len(stem)
        if len(stem) < min_stem or not 0 < cut <= max_cut or not last.startswith(stem):
            continue
        text = f"{head} {stem}" if head else stem
        candidate = Key(text, key.bounded_start, bounded_end=False)
        if candidate not in keys and candidate not in extra:
            extra.append(candidate)
    return tuple(extra)
