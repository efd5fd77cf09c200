"""Find and load the business data shipped in ``data/``.

In a wheel the files live in ``leadcheck/data``; in a source checkout (or an
editable install) they live in the repository's top-level ``data/``. Every loader
validates what it reads and raises :class:`DataFileError` naming the file, the key
or line, and the problem.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from leadcheck.errors import DataFileError, MissingDataFileError

M = TypeVar("M", bound=BaseModel)

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def data_dir() -> Path:
    """The directory holding the shipped data files."""
    for candidate in (_PACKAGE_DIR / "data", _PACKAGE_DIR.parent.parent / "data"):
        if candidate.is_dir():
            return candidate
    raise DataFileError(_PACKAGE_DIR / "data", "the data directory is missing; reinstall leadcheck")


def data_path(name: str) -> Path:
    """Path of one shipped data file, e.g. ``data_path("taxonomy.toml")``."""
    return data_dir() / name


_TOML_LINE = re.compile(r"\(at line (\d+), column (\d+)\)")


def read_toml(path: Path) -> dict[str, Any]:
    """Parse a TOML file, turning I/O and syntax errors into DataFileError."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise MissingDataFileError(path, "cannot read the file (no such file)") from exc
    except OSError as exc:
        raise DataFileError(path, f"cannot read the file ({exc.strerror or exc})") from exc
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise DataFileError(path, "the file is not UTF-8 text") from exc
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = _TOML_LINE.search(message)
        location = f"line {match.group(1)}, column {match.group(2)}" if match else None
        problem = _TOML_LINE.sub("", message).strip() or "invalid TOML"
        raise DataFileError(path, f"invalid TOML: {problem}", location=location) from exc


def validate(model: type[M], data: Any, path: Path) -> M:
    """Validate parsed data against a pydantic model; the first problem names its key."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        location = ".".join(str(part) for part in first["loc"]) or None
        more = len(exc.errors()) - 1
        problem = first["msg"] + (f" (and {more} more problem(s))" if more else "")
        raise DataFileError(path, problem, location=location) from exc


def load_toml_model(model: type[M], path: Path) -> M:
    """Read a TOML file and validate it against ``model``."""
    return validate(model, read_toml(path), path)


def iter_list_file(path: Path) -> Iterator[tuple[int, str]]:
    """Lines of a plain list file: one entry a line, ``#`` starts a comment.

    Yields ``(line_number, entry)`` with surrounding blanks stripped; blank and
    comment-only lines are skipped.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise MissingDataFileError(path, "cannot read the file (no such file)") from exc
    except OSError as exc:
        raise DataFileError(path, f"cannot read the file ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise DataFileError(path, "the file is not UTF-8 text") from exc
    for number, line in enumerate(text.splitlines(), start=1):
        entry = line.split("#", 1)[0].strip()
        if entry:
            yield number, entry


_DOMAIN = re.compile(r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$")


def read_domain_list(path: Path) -> frozenset[str]:
    """A list file of domain names, lower-cased and checked one by one."""
    domains = set()
    for number, entry in iter_list_file(path):
        domain = entry.lower().rstrip(".")
        try:
            ascii_domain = domain.encode("idna").decode("ascii")
        except UnicodeError as exc:
            raise DataFileError(
                path, f"not a domain name: {entry!r}", location=f"line {number}"
            ) from exc
        if not _DOMAIN.match(ascii_domain):
            raise DataFileError(path, f"not a domain name: {entry!r}", location=f"line {number}")
        domains.add(ascii_domain)
    return frozenset(domains)
