"""Which input column holds which field: headers matched against ``data/column_aliases.toml``.

Reps' exports name their columns in English or Chinese, in Alibaba.com's or
Made-in-China.com's words or their own. A header and an alias match when they are
equal once NFKC-folded, case-folded and stripped of all but letters and digits; a
header ending with a long enough alias matches too ("Buyer E-mail"). ``--map
field=Header`` overrides one field; ``--map field=`` leaves it out.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import cache, cached_property
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, field_validator

from leadcheck.datafiles import data_path, load_toml_model
from leadcheck.errors import BadOptionError, DataFileError
from leadcheck.models import Frozen

ALIASES_FILE = "column_aliases.toml"

# The fields read into the lead; the others are recognised and passed through.
LEAD_FIELDS = ("company", "contact", "email", "website", "phone", "mobile", "whatsapp",
               "country", "message", "subject")  # fmt: skip
HOW_MANY_HEADER_ROWS = 10  # a title block above the header is skipped, up to this many rows
MAX_HEADER_CHARS = 1_000  # a longer cell names no field (and is not worth normalising)

MatchKind = Literal["exact", "suffix", "option"]


class _FieldAliases(BaseModel):
    aliases: list[str] = Field(min_length=1)

    @field_validator("aliases")
    @classmethod
    def _not_blank(cls, value: list[str]) -> list[str]:
        for alias in value:
            if not normalize_header(alias):
                raise ValueError(f"alias {alias!r} has no letters or digits")
        return value


class _AliasesFile(BaseModel):
    fields: dict[str, _FieldAliases]


class Aliases(Frozen):
    """Normalised alias → field, from the aliases file."""

    by_alias: dict[str, str]
    fields: tuple[str, ...]  # in file order

    @cached_property
    def suffixes(self) -> tuple[tuple[int, dict[str, str]], ...]:
        """The aliases that may match as a suffix, by length, longest first: a header is
        then matched with one dictionary look-up per length, not a scan of every alias."""
        by_length: dict[int, dict[str, str]] = {}
        for alias, field in self.by_alias.items():
            if _long_enough(alias):
                by_length.setdefault(len(alias), {})[alias] = field
        return tuple(sorted(by_length.items(), reverse=True))

    def field_for(self, header: str) -> tuple[str, MatchKind] | None:
        """The field a header names, and how it matched; None if it names none."""
        if len(header) > MAX_HEADER_CHARS:
            return None
        key = normalize_header(header)
        if not key:
            return None
        field = self.by_alias.get(key)
        if field is not None:
            return field, "exact"
        for length, aliases in self.suffixes:  # the longest alias that ends the header
            if length <= len(key):
                field = aliases.get(key[-length:])
                if field is not None:
                    return field, "suffix"
        return None


def normalize_header(text: str) -> str:
    """NFKC-folded, case-folded, letters and digits only: the form headers are matched in."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in folded if ch.isalnum())


def _long_enough(alias: str) -> bool:
    """An alias may match as a suffix if it is specific: 5+ letters, or 2+ CJK characters."""
    if any(ord(ch) > 0x2E80 for ch in alias):
        return len(alias) >= 2
    return len(alias) >= 5


def load_aliases(path: Path | None = None) -> Aliases:
    """Read and check an aliases file (the shipped one by default)."""
    return _load_aliases(path or data_path(ALIASES_FILE))


@cache
def _load_aliases(path: Path) -> Aliases:
    parsed = load_toml_model(_AliasesFile, path)
    return build_aliases(
        {field: entry.aliases for field, entry in parsed.fields.items()},
        path,
        required=("email", "website"),
    )


class FieldAliases(_FieldAliases):
    """One ``[fields.NAME]`` table of an aliases file (for files with other sections too)."""


def build_aliases(
    fields: dict[str, list[str]], path: Path, *, required: Sequence[str] = ()
) -> Aliases:
    """Aliases from ``field -> [alias, ...]`` as read from ``path``; one alias, one field."""
    by_alias: dict[str, str] = {}
    for field, aliases in fields.items():
        for alias in aliases:
            key = normalize_header(alias)
            other = by_alias.setdefault(key, field)
            if other != field:
                raise DataFileError(
                    path,
                    f"alias {alias!r} names both {other!r} and {field!r}; keep it in one field",
                    location=f"fields.{field}",
                )
    missing = set(required) - fields.keys()
    if missing:
        raise DataFileError(path, f"fields {sorted(missing)} are required")
    return Aliases(by_alias=by_alias, fields=tuple(fields))


_HOW_SHOWN = {"exact": "", "suffix": " (guessed)", "option": " (--map)"}


class Assignment(Frozen):
    """One field, the column found for it and how."""

    field: str
    column: int | None = None  # 0-based index into the header
    header: str | None = None
    how: MatchKind | None = None


class ColumnMapping(Frozen):
    """Field → column of one input file, and the file's header."""

    header: tuple[str, ...]
    assignments: tuple[Assignment, ...]

    def column(self, field: str) -> int | None:
        for item in self.assignments:
            if item.field == field:
                return item.column
        return None

    @property
    def found(self) -> dict[str, int]:
        """Field → column index, for the fields that have a column."""
        return {a.field: a.column for a in self.assignments if a.column is not None}

    @property
    def unmapped_headers(self) -> tuple[str, ...]:
        used = {a.column for a in self.assignments}
        return tuple(h for i, h in enumerate(self.header) if i not in used)

    def describe(self) -> list[tuple[str, str]]:
        """(field, "Header" or "-") lines for showing the mapping before a run."""
        lines = []
        for item in self.assignments:
            if item.header is None:
                lines.append((item.field, "-"))
            else:
                note = _HOW_SHOWN[item.how or "exact"]
                lines.append((item.field, f"{item.header}{note}"))
        return lines


def parse_map_options(items: Sequence[str], aliases: Aliases) -> dict[str, str]:
    """``--map field=Header`` options as field → header ("" = leave the field out)."""
    result: dict[str, str] = {}
    for item in items:
        field, sep, header = item.partition("=")
        field = field.strip().lower()
        if not sep or not field:
            raise BadOptionError(
                f"bad --map {item!r}: expected FIELD=HEADER, e.g. --map email=Mail"
            )
        if field not in aliases.fields:
            raise BadOptionError(
                f"bad --map {item!r}: unknown field {field!r}; fields are: "
                + ", ".join(aliases.fields)
            )
        result[field] = header.strip()
    return result


def map_columns(
    header: Sequence[str], aliases: Aliases, overrides: dict[str, str] | None = None
) -> ColumnMapping:
    """Match a header row to fields: ``overrides`` first, then exact aliases, then suffixes."""
    overrides = overrides or {}
    chosen: dict[str, tuple[int, MatchKind]] = {}
    used: set[int] = set()
    for field, wanted in overrides.items():
        if not wanted:
            continue
        index = _find_header(header, wanted)
        if index is None:
            shown = ", ".join(repr(h) for h in header if h) or "(none)"
            raise BadOptionError(
                f"--map {field}={wanted}: no such column; the columns are: {shown}"
            )
        chosen[field] = (index, "option")
        used.add(index)
    for kind in ("exact", "suffix"):
        for index, text in enumerate(header):
            if index in used:
                continue
            match = aliases.field_for(text)
            if match is None or match[1] != kind:
                continue
            field = match[0]
            if field in chosen or field in overrides:
                continue
            chosen[field] = (index, kind)
            used.add(index)
    assignments = tuple(
        Assignment(field=f, column=chosen[f][0], header=header[chosen[f][0]], how=chosen[f][1])
        if f in chosen
        else Assignment(field=f)
        for f in aliases.fields
    )
    return ColumnMapping(header=tuple(header), assignments=assignments)


def _find_header(header: Sequence[str], wanted: str) -> int | None:
    for index, text in enumerate(header):
        if text == wanted:
            return index
    key = normalize_header(wanted)
    for index, text in enumerate(header):
        if key and normalize_header(text) == key:
            return index
    return None


def header_score(cells: Sequence[str], aliases: Aliases) -> int:
    """How many cells of a row look like known headers (to find the header row)."""
    return sum(1 for cell in cells if cell and aliases.field_for(cell) is not None)


def find_header_row(first_rows: Sequence[Sequence[str]], aliases: Aliases) -> int:
    """Index of the header among the first rows: the first naming two or more fields,
    if only title rows (one cell or none filled) stand above it.

    Exports sometimes carry a title or a date above the header. A row with two or
    more cells filled is data or the header itself, so the header is never looked for
    below it: a data row that happens to read ``website,company`` is not taken for the
    header (which would drop every row above it). Otherwise the first row is the header.
    """
    for index, cells in enumerate(first_rows[:HOW_MANY_HEADER_ROWS]):
        if header_score(cells, aliases) >= 2:
            return index
        if sum(1 for cell in cells if cell.strip()) > 1:
            break
    return 0


def unique_headers(header: Sequence[str], reserved: Sequence[str] = ()) -> tuple[str, ...]:
    """Header names made unique and non-blank so each row can be a mapping.

    Blank headers become ``column_N`` (1-based); repeats get `` (2)``, `` (3)``...; a
    header equal to one of ``reserved`` (the result columns) gets `` (input)``.
    """
    taken = set(reserved)
    last_count: dict[str, int] = {}  # name -> the last "(N)" tried for it
    result = []
    for number, raw in enumerate(header, start=1):
        name = raw.strip() or f"column_{number}"
        if name in taken and name in reserved:
            name = f"{name} (input)"
        candidate = name
        if candidate in taken:
            # Go on from the last number given to this name: counting again from 2 for
            # each repeat would make 20,000 repeats take 200 million look-ups.
            count = last_count.get(name, 1)
            while candidate in taken:
                count += 1
                candidate = f"{name} ({count})"
            last_count[name] = count
        taken.add(candidate)
        result.append(candidate)
    return tuple(result)
