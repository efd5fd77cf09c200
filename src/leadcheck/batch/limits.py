"""How much of an input file leadcheck reads: every bound in one place.

Spreadsheets come from strangers' inquiries, re-saved by reps. Each bound is far
above what a real export holds and far below what would exhaust a laptop; going past
one makes a row error (one row too wide or too long) or an :class:`InputFileError`
(a whole file or part that cannot be a real export), never a long run or a crash.
Tests pass smaller limits to exercise them quickly.
"""

from __future__ import annotations

from dataclasses import dataclass

KiB = 1024
MiB = 1024 * KiB


@dataclass(frozen=True, slots=True)
class ReadLimits:
    """Bounds on reading one CSV or XLSX input."""

    #: columns in the header or in any row (Excel's own maximum is 16,384)
    max_columns: int = 2_000
    #: characters kept of one cell; a longer cell makes its row an error (Excel: 32,767)
    max_cell_chars: int = 32_767
    #: bytes of one CSV row, over all its physical lines
    max_record_bytes: int = 1 * MiB
    #: physical lines of one CSV row (cells with line breaks inside quotes)
    max_record_lines: int = 500
    #: rows of an XLSX sheet (Excel's own maximum)
    max_rows: int = 1_048_576
    #: decompressed bytes of the worksheet XML (streamed: this bounds time, not memory)
    max_sheet_bytes: int = 512 * MiB
    #: decompressed bytes of the shared-strings XML (held in memory while reading)
    max_shared_strings_bytes: int = 128 * MiB
    #: entries of the shared-strings table (a bigger export reads better as CSV)
    max_shared_strings: int = 1_000_000
    #: decompressed bytes of any other XLSX part read (workbook, relationships, styles)
    max_meta_bytes: int = 16 * MiB
    #: bytes of one XML tag, comment or processing instruction, which the parser holds whole
    max_xml_token_bytes: int = 1 * MiB
    #: nesting depth of XML elements
    max_xml_depth: int = 64
    #: entries in the XLSX (ZIP) archive
    max_zip_entries: int = 10_000


DEFAULT_LIMITS = ReadLimits()
