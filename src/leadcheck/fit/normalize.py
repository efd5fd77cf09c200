"""Fold text so that taxonomy terms and page text compare equal.

Both sides go through :func:`fold`, so whatever it does is symmetric: a term written
``"Tratamiento de aguas"`` in the taxonomy matches ``TRATAMIENTO DE AGUAS``,
``tratamiento de aguas`` and ``tratamiento-de-aguas`` on a page.

What folding does, in order:

1. compatibility decomposition (NFKD: full-width ``ＵＶ`` → ``UV``, ligatures split,
   accented letters split into letter + mark);
2. case folding (``str.casefold``: ``ß`` → ``ss``);
3. diacritics dropped (Latin, Cyrillic, Greek, Hebrew and Arabic combining marks:
   ``águas`` → ``aguas``, ``nước`` → ``nuoc``, ``ё`` → ``е``, Arabic harakat and
   hamza seats: ``أ`` → ``ا``), while the vowel signs of Indic and Thai scripts stay;
4. letters that do not decompose mapped by hand (``ł`` → ``l``, ``đ`` → ``d``,
   ``ø`` → ``o``, ``æ`` → ``ae``, ``ı`` → ``i``, Arabic ``ة`` → ``ه``, ``ى`` → ``ي``,
   Persian ``ی``/``ک`` → ``ي``/``ك``, Arabic-Indic digits; the tatweel is removed);
5. hyphens, apostrophes, underscores and slashes become spaces, and every run of
   white space becomes one space: ``UV-C`` → ``uv c``, ``l'eau`` → ``l eau``.

Other punctuation stays, so a phrase never matches across a comma or a full stop.
Text stays decomposed (NFKD): folded text is for matching, not for display.

Every step is a C-speed string operation (no per-character regular expression over
the Unicode database), which is what keeps scoring fast; word boundaries are checked
by the matcher on the few places where a term was found (:func:`is_word_char`).
"""

from __future__ import annotations

import re
import unicodedata

from leadcheck.wordwise import fold_by_word

# Combining marks that are diacritics (not vowel signs of Indic or Thai scripts,
# which are letters in all but name and are kept), and the Arabic tatweel.
_DIACRITICS = re.compile(
    "["
    "\u0300-\u036f"  # combining diacritical marks (Latin, Greek, Cyrillic, Vietnamese)
    "\u0483-\u0489"  # Cyrillic
    "\u0591-\u05c7"  # Hebrew points
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"  # Arabic harakat, hamza, Quranic marks
    "\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"  # extended and supplementary
    "\u0640"  # Arabic tatweel
    "]+"
)

_LETTERS: tuple[tuple[str, str], ...] = (
    ("ł", "l"),
    ("đ", "d"),
    ("ð", "d"),
    ("ø", "o"),
    ("æ", "ae"),
    ("œ", "oe"),
    ("ı", "i"),
    ("þ", "th"),
    ("ħ", "h"),
    ("ŀ", "l"),
    ("ة", "ه"),
    ("ى", "ي"),
    ("ی", "ي"),
    ("ک", "ك"),
    *((chr(0x0660 + digit), str(digit)) for digit in range(10)),
)
_JOINERS = (
    "-",
    "\u2010",
    "\u2011",
    "\u2012",
    "\u2013",
    "\u2014",
    "'",
    "\u2019",
    "\u02bc",
    "_",
    "/",
)

# Scripts written without spaces between words: matched without word boundaries.
UNSPACED = (
    "\u2e80-\u2fdf"  # CJK radicals, Kangxi radicals
    "\u3005-\u3007\u3021-\u3029\u3038-\u303c"  # ideographic marks and numbers
    "\u3040-\u30ff"  # hiragana, katakana
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # CJK ideographs and compatibility
    "\u1100-\u11ff\u3130-\u318f\uac00-\ud7af"  # Hangul: particles attach to words
    "\u0e00-\u0e7f\u0e80-\u0eff"  # Thai, Lao
    "\u1000-\u109f\u1780-\u17ff"  # Myanmar, Khmer
    "\U00020000-\U0003134f"  # CJK extensions B..G
)
_UNSPACED_CHAR = re.compile(f"[{UNSPACED}]")


def fold(text: str) -> str:
    """The folded form of ``text``: see the module docstring. A long text is folded a
    distinct word at a time (:mod:`leadcheck.wordwise`): the same result, sooner."""
    return fold_by_word(text, _fold_whole)


def _fold_whole(text: str) -> str:
    """The folding of the module docstring, on the text as one string."""
    text = unicodedata.normalize("NFKD", text).casefold()
    if not text.isascii():
        text = _DIACRITICS.sub("", text)
        for char, replacement in _LETTERS:
            if char in text:
                text = text.replace(char, replacement)
    for char in _JOINERS:
        if char in text:
            text = text.replace(char, " ")
    return " ".join(text.split())


def is_unspaced(char: str) -> bool:
    """Whether ``char`` belongs to a script written without spaces (CJK, kana, Thai...)."""
    return bool(_UNSPACED_CHAR.match(char))


def is_word_char(char: str) -> bool:
    """Whether ``char`` continues a word of a spaced script (so no boundary is there).

    Letters, digits and combining marks do; punctuation, spaces and the characters of
    unspaced scripts do not (``UV杀菌灯`` has a boundary after ``UV``).
    """
    if char.isalnum():
        return not (ord(char) >= 0x0E00 and is_unspaced(char))
    return unicodedata.category(char).startswith("M")
