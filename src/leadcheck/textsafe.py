"""Make text from strangers safe to show and to store.

Web pages, inquiries and spreadsheet cells are untrusted. Before any of it reaches a
terminal it loses control characters (ANSI escape sequences included) and the
bidirectional overrides used to disguise text; the renderer also escapes rich
markup. Before it reaches a CSV or XLSX cell it loses its power to run as a formula.
"""

from __future__ import annotations

import re
import unicodedata

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
# Bidi embeddings/overrides/isolates and zero-width characters that hide text.
_INVISIBLE = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0\u3000]+")


def strip_controls(text: str) -> str:
    """Remove escape sequences, control characters and invisible formatting marks."""
    text = _ESCAPE_SEQUENCE.sub("", text)
    text = _CONTROL.sub("", text)
    return _INVISIBLE.sub("", text)


def clean_line(text: str | None, *, limit: int = 300) -> str | None:
    """One line of display text: controls removed, blanks collapsed, length bounded."""
    if text is None:
        return None
    text = strip_controls(unicodedata.normalize("NFC", text))
    text = _SPACES.sub(" ", text.replace("\n", " ").replace("\r", " ")).strip()
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text or None


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def neutralize_formula(value: str) -> str:
    """A spreadsheet cell that cannot run as a formula (OWASP CSV injection advice).

    A cell starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return (or their
    full-width forms, which some spreadsheets also honour) is prefixed with a single
    quote, which spreadsheets show as text and do not evaluate.
    """
    if value and value.startswith(_FORMULA_START):
        return "'" + value
    return value
