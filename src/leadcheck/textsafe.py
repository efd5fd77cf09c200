"""Make text from strangers safe to show and to store.

Web pages, inquiries and spreadsheet cells are untrusted. Before any of it reaches a
terminal it loses control characters (ANSI escape sequences included), the
bidirectional overrides used to disguise text and the characters XML cannot hold;
the renderer also escapes rich markup. Before it reaches a CSV or XLSX cell it loses
its power to run as a formula. JSON keeps the text but escapes, as ``\\uXXXX``,
every character a terminal could act on (:func:`json_dumps`).
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

# CSI / OSC / other escape sequences, then any remaining C0/C1 control character
# except tab and newline.
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI ... final byte
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC ... BEL or ST
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC strings
    r"|\x1b.?"  # any other escape
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Bidi marks, embeddings, overrides and isolates (the Arabic letter mark included) and
# zero-width characters that hide text.
_INVISIBLE = re.compile(r"[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
# What XML 1.0 cannot hold (lone surrogates, U+FFFE, U+FFFF) and the other Unicode
# noncharacters, which are never text: an XLSX holding one does not open.
_PLANE_ENDS = "".join(chr(plane << 16 | end) for plane in range(1, 17) for end in (0xFFFE, 0xFFFF))
_NONCHARACTER = re.compile("[\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff" + _PLANE_ENDS + "]")
_LINE_SEPARATORS = re.compile("[\u2028\u2029]")
_SPACES = re.compile(r"[ \t\u00a0\u3000]+")
# Anything strip_controls removes or replaces starts with one of these (ESC and the
# 8-bit CSI are control characters too); str.isprintable() is False for each of them.
_SUSPECT = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e"
    "\u2060-\u2064\u2066-\u2069\ufeff\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff" + _PLANE_ENDS + "]"
)


def _harmless(text: str) -> bool:
    """True when ``text`` holds nothing :func:`strip_controls` would change (checked in C:
    most page text and every plain link passes without a regular expression)."""
    if text.isascii():
        if text.isprintable():
            return True
    elif text.replace("\n", " ").replace("\t", " ").isprintable():
        return True
    return _SUSPECT.search(text) is None


def strip_controls(text: str) -> str:
    """Remove escape sequences, control characters, invisible formatting marks and
    noncharacters; Unicode line and paragraph separators become spaces."""
    if _harmless(text):
        return text
    text = _ESCAPE_SEQUENCE.sub("", text)
    text = _CONTROL.sub("", text)
    text = _NONCHARACTER.sub("", text)
    text = _LINE_SEPARATORS.sub(" ", text)
    return _INVISIBLE.sub("", text)


# Left raw by json.dumps(ensure_ascii=False) and acted on, or used to disguise text, by
# terminals and viewers: DEL and C1 controls, bidi marks/overrides/isolates, zero-width
# characters, line/paragraph separators, lone surrogates (which cannot even be encoded)
# and noncharacters.
_JSON_UNSAFE = re.compile(
    "[\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069"
    "\ud800-\udfff\ufdd0-\ufdef\ufeff\ufffe\uffff]"
)


def json_dumps(data: Any, *, indent: int | None = None) -> str:
    """JSON text (UTF-8 friendly, ``ensure_ascii=False``) safe to print and to store:
    the characters a terminal could act on are written as ``\\uXXXX`` escapes, so the
    decoded value is unchanged."""
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def clean_line(text: str | None, *, limit: int = 300) -> str | None:
    """One line of display text: controls removed, blanks collapsed, length bounded."""
    if text is None:
        return None
    if text.isascii() and text.isprintable():
        # the only blank printable ASCII has is the space: split() collapses the runs
        text = " ".join(text.split())
    else:
        text = strip_controls(unicodedata.normalize("NFC", text))
        text = _SPACES.sub(" ", text.replace("\n", " ").replace("\r", " ")).strip()
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text or None


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
# Blanks a spreadsheet may skip before reading a formula: every Unicode space and line
# break (\\s: the ideographic space and NBSP included) and the zero-width characters.
_LEADING_BLANKS = re.compile(r"[\s\u180e\u200b-\u200f\u2060-\u2064\ufeff]+")


def looks_like_formula(value: str) -> bool:
    """Whether a spreadsheet could read ``value`` as a formula (see :func:`neutralize_formula`)."""
    return bool(value) and value.startswith(_FORMULA_START)


def neutralize_formula(value: str) -> str:
    """A spreadsheet cell that cannot run as a formula (OWASP CSV injection advice).

    A cell starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return (or their
    full-width forms, which some spreadsheets also honour), also behind any blanks
    (spaces, ideographic spaces, newlines...), is prefixed with a single quote, which
    spreadsheets show as text and do not evaluate.
    """
    if not value:
        return value
    if value.startswith(_FORMULA_START):
        return "'" + value
    blanks = _LEADING_BLANKS.match(value)
    if blanks is not None and value[blanks.end() :].startswith(_FORMULA_START):
        return "'" + value
    return value


def restore_formula(value: str) -> str:
    """The cell :func:`neutralize_formula` was given, when ``value`` is what it made (a
    leading ``'`` before a formula start); any other value as it is. For reading back a
    file leadcheck wrote."""
    if value.startswith("'") and neutralize_formula(value[1:]) == value:
        return value[1:]
    return value
