"""Read a text file or a stream for scoring: bounded, and decoded whatever its charset."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from leadcheck.errors import InputFileError

MAX_TEXT_BYTES = 10 * 1024 * 1024


def read_text_file(path: Path, *, limit: int = MAX_TEXT_BYTES) -> str:
    """The text of ``path``; refuses files over ``limit`` bytes."""
    try:
        with path.open("rb") as stream:
            return read_text_stream(stream, name=str(path), limit=limit)
    except OSError as exc:
        raise InputFileError(f"{path}: cannot read the file ({exc.strerror or exc})") from exc


def read_text_stream(stream: BinaryIO, *, name: str = "stdin", limit: int = MAX_TEXT_BYTES) -> str:
    """The text of a binary stream, read up to ``limit`` bytes (more is an error)."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputFileError(
            f"{name}: larger than {limit // (1024 * 1024)} MB; "
            "give the page text only, or split the file"
        )
    return decode_text(data, name=name)


def decode_text(data: bytes, *, name: str = "input") -> str:
    """UTF-8 (with or without BOM); otherwise the charset charset-normalizer finds."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputFileError(f"{name}: not text in any encoding we recognise; save it as UTF-8")
    return str(best)
