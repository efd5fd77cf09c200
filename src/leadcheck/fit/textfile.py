"""Read a saved page or a stream for scoring: bounded; decoding is the page reader's."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from leadcheck.errors import InputFileError, MissingFileError

MAX_TEXT_BYTES = 10 * 1024 * 1024


def read_bytes_file(path: Path, *, limit: int = MAX_TEXT_BYTES) -> bytes:
    """The bytes of ``path``; refuses files over ``limit`` bytes."""
    try:
        with path.open("rb") as stream:
            return read_bytes_stream(stream, name=str(path), limit=limit)
    except FileNotFoundError as exc:
        raise MissingFileError(f"{path}: cannot read the file (no such file)") from exc
    except OSError as exc:
        raise InputFileError(f"{path}: cannot read the file ({exc.strerror or exc})") from exc


def read_bytes_stream(
    stream: BinaryIO, *, name: str = "stdin", limit: int = MAX_TEXT_BYTES
) -> bytes:
    """A binary stream read up to ``limit`` bytes (more is an error)."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputFileError(
            f"{name}: larger than {limit // (1024 * 1024)} MB; "
            "give the page text only, or split the file"
        )
    return data
