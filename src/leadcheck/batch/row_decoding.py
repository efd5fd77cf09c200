"""Decode a CSV file line by line, so one row in another encoding is not garbled.

Reps paste rows from several sources into one file: a GBK export gains rows saved as
UTF-8 or Windows-1252. The file's encoding (told from a sample, see
:func:`leadcheck.batch.readers.detect_encoding`) is not trusted for every line:

* an ASCII line is ASCII;
* a line that is valid UTF-8 is UTF-8 (text in another encoding practically never is);
* in a UTF-8 file, any other line is an error row: its bytes are broken;
* in a GB18030 or Windows-1252 file, the line is read in the file's encoding if the
  text it gives is plausible, else in the other one if that is plausible, else it
  is an error row ("cannot tell");
* in a file of any other encoding, the line is read in that encoding, and bytes it
  cannot decode make an error row.

Plausible GB18030 text: no two-byte character whose second byte is ASCII (which is
what Latin text with accents looks like: ``M\\xfcller``), and no single ideograph
between two ASCII letters (``Concei\\xe7\\xe3o``). Plausible Windows-1252 text: no
word made only of accented letters and no run of three non-ASCII characters (what
GBK looks like: ``ÉîÛÚ``).
An undecided line keeps its cells (decoded with replacement characters) and gets a
problem, so it becomes an error in its own output row; it is never silently garbled.
"""

from __future__ import annotations

import re

_GB = "gb18030"
_WESTERN = "cp1252"
_LETTER_RUN = re.compile(r"[^\W\d_]+")  # words: runs of letters
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]{3,}")


class LineDecoder:
    """Decodes the lines of one file; ``decode`` returns the text and any problem."""

    def __init__(self, encoding: str) -> None:
        self.encoding = encoding
        self._broken = f"broken text encoding: some bytes are not valid {encoding.upper()}"

    @staticmethod
    def plausible(raw: bytes, encoding: str) -> bool:
        """Whether ``raw`` reads as plausible text in GB18030 or Windows-1252."""
        return _plausible(raw, encoding) is not None

    def decode(self, raw: bytes) -> tuple[str, str | None]:
        if raw.isascii():
            return raw.decode("ascii"), None
        try:
            return raw.decode("utf-8"), None
        except UnicodeDecodeError:
            pass
        encoding = self.encoding
        if encoding == "utf-8":
            return raw.decode("utf-8", "replace"), self._broken
        if encoding in (_GB, _WESTERN):
            other = _WESTERN if encoding == _GB else _GB
            for candidate in (encoding, other):
                text = _plausible(raw, candidate)
                if text is not None:
                    return text, None
            return raw.decode(encoding, "replace"), (
                "cannot tell this row's text encoding (it is not UTF-8, and reads as "
                "neither GB18030 nor Windows-1252 text); save the file as 'CSV UTF-8'"
            )
        try:
            return raw.decode(encoding), None
        except UnicodeDecodeError:
            return raw.decode(encoding, "replace"), self._broken


def _plausible(raw: bytes, encoding: str) -> str | None:
    """The line decoded in ``encoding`` if that gives plausible text, else None."""
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError:
        return None
    if encoding == _GB:
        return text if _plausible_gb18030(raw, text) else None
    return text if _plausible_western(text) else None


def _plausible_gb18030(raw: bytes, text: str) -> bool:
    index, size = 0, len(raw)
    while index < size:
        byte = raw[index]
        if byte < 0x80:
            index += 1
            continue
        trail = raw[index + 1] if index + 1 < size else 0
        if 0x30 <= trail <= 0x39:  # a four-byte sequence (rare ideographs, other scripts)
            index += 4
            continue
        if trail < 0x80:  # an ASCII-looking second byte: Latin text with accents
            return False
        index += 2
    for position in range(1, len(text) - 1):
        char = text[position]
        if (
            "\u3400" <= char <= "\u9fff"
            and text[position - 1].isascii()
            and text[position - 1].isalpha()
            and text[position + 1].isascii()
            and text[position + 1].isalpha()
        ):
            return False
    return True


def _plausible_western(text: str) -> bool:
    if _NON_ASCII_RUN.search(text):
        return False
    for word in _LETTER_RUN.findall(text):
        if len(word) >= 2 and not any(char.isascii() for char in word):
            return False
    return True
