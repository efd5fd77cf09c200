"""Recognise leadcheck's own result columns in an input, so a re-run replaces them.

A batch writes the input's columns, then its result columns (``verdict``,
``verdict_score``, ...); an input column whose name collides with one of them is
written as ``<name> (input)``. Run again on that output, the old results must not
become input (nor get a second copy of every column): :func:`own_columns` finds
where leadcheck's block starts (a ``verdict`` column followed by ``verdict_score``,
whatever suffix a re-run gave them), drops it and everything after it (the blocks of
earlier runs always sit at the end), gives the user's renamed columns their names
back, and takes off the ``'`` that the CSV writer put before a cell that would have run
as a formula (:func:`leadcheck.textsafe.restore_formula`), so that the lead reads as it
did the first time (and finds its stored result).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from leadcheck.batch.outcome import RESULT_COLUMNS
from leadcheck.batch.records import RawRecord

_SUFFIX = re.compile(r"\s+\((?:input|\d+)\)$")
_RESULTS = frozenset(RESULT_COLUMNS)


def base_name(header: str) -> str:
    """A header without the `` (input)`` and `` (2)`` suffixes a batch adds."""
    name = header.strip()
    while True:
        stripped = _SUFFIX.sub("", name)
        if stripped == name:
            return name
        name = stripped


@dataclass(frozen=True, slots=True)
class OwnColumns:
    """Which input columns to keep (the user's) and their names."""

    keep: tuple[int, ...]
    header: tuple[str, ...]
    dropped: int  # how many leadcheck columns were found and dropped

    def records(self, records: Iterable[RawRecord], width: int) -> Iterator[RawRecord]:
        """The records with leadcheck's columns removed (cells past the header kept)."""
        if not self.dropped:
            yield from records
            return
        from leadcheck.textsafe import restore_formula

        keep = self.keep
        for record in records:
            cells = record.cells
            kept = tuple(restore_formula(cells[i]) if i < len(cells) else "" for i in keep)
            yield RawRecord(line=record.line, cells=kept + cells[width:], problem=record.problem)


def own_columns(header: Sequence[str]) -> OwnColumns:
    """Where leadcheck's own columns are in ``header`` (none: everything is kept)."""
    bases = [base_name(h) for h in header]
    start = next(
        (
            i
            for i in range(len(bases) - 1)
            if bases[i] == "verdict" and bases[i + 1] == "verdict_score"
        ),
        None,
    )
    if start is None:
        return OwnColumns(keep=tuple(range(len(header))), header=tuple(header), dropped=0)
    names = []
    for raw in header[:start]:
        name = raw.strip()
        if name.endswith(" (input)") and name[: -len(" (input)")] in _RESULTS:
            name = name[: -len(" (input)")]  # the user's own column, renamed by a run
        names.append(name)
    return OwnColumns(keep=tuple(range(start)), header=tuple(names), dropped=len(header) - start)
