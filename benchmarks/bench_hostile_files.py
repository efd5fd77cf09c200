"""Time and peak memory of reading hostile input files (issue 14's "bombs").

Run:  python benchmarks/bench_hostile_files.py [--only NAME ...] [--limit-seconds 60]
                                              [--keep DIR]

Each file is generated here, then read in a fresh ``python`` process the way
``leadcheck batch`` reads an input before checking anything: open the table, map
its columns, build the output header, turn every record into a row. The process is
stopped after ``--limit-seconds``. Reported per file: its size on disk, what
happened (rows, error rows, or the error message), the wall time, and the peak RSS
of the reading process (VmHWM, sampled while it runs, so a stopped process still
reports how far it got).

To measure another checkout (e.g. before a change), point ``PYTHONPATH`` at its
``src`` directory; the files and the reading code are the same.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

MiB = 1024 * 1024

# --- generators --------------------------------------------------------------------------


def header_repeat(path: Path, repeats: int = 20_000) -> Path:
    """A CSV whose header repeats one name 20,000 times."""
    path = path.with_suffix(".csv")
    header = ",".join(["email"] * repeats)
    path.write_text(header + "\r\na@example.com\r\n", encoding="utf-8")
    return path


def header_repeat_2000(path: Path) -> Path:
    """The same with 2,000 repeats, within the column limit: unique_headers at work."""
    return header_repeat(path, 2_000)


def million_columns(path: Path) -> Path:
    """A CSV with 1,000,000 columns and one data row."""
    path = path.with_suffix(".csv")
    names = ["email", "website"] + [f"c{i}" for i in range(999_998)]
    row = ["a@example.com", "example.com"] + [""] * 999_998
    path.write_text(",".join(names) + "\r\n" + ",".join(row) + "\r\n", encoding="utf-8")
    return path


def long_row(path: Path) -> Path:
    """A CSV of three rows, the second one 50 MB long."""
    path = path.with_suffix(".csv")
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("company,email,website,message\r\n")
        out.write("Acme,a@acme.example,acme.example,hello\r\n")
        out.write("Big,b@big.example,big.example," + "x" * (50 * MiB) + "\r\n")
        out.write("Cee,c@cee.example,cee.example,hello\r\n")
    return path


_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Leads" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
)
_SHEET_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
)


def _xlsx(path: Path, sheet: Callable[[Callable[[str], None]], None], strings: int = 0) -> Path:
    """An XLSX written part by part; ``sheet`` writes the worksheet XML in pieces."""
    path = path.with_suffix(".xlsx")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            sheet(lambda text: part.write(text.encode("utf-8")))
        with archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as part:
            part.write(
                b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.'
                b'openxmlformats.org/spreadsheetml/2006/main">'
            )
            piece = b"<si><t>x</t></si>" * 10_000
            for _ in range(strings // 10_000):
                part.write(piece)
            part.write(b"</sst>")
    return path


def _leads_rows(write: Callable[[str], None]) -> None:
    write(
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>email</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>website</t></is></c></row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t>a@example.com</t></is></c></row>'
    )


def xlsx_dimension(path: Path) -> Path:
    """A small XLSX whose sheet declares the whole grid, A1:XFD1048576, with a cell in
    its last row."""

    def sheet(write: Callable[[str], None]) -> None:
        write(_SHEET_HEAD + '<dimension ref="A1:XFD1048576"/>')
        _leads_rows(write)
        write('<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>z@example.com</t></is>')
        write("</c></row></sheetData></worksheet>")

    return _xlsx(path, sheet)


def xlsx_big_cell(path: Path) -> Path:
    """An XLSX whose one data cell holds 400 MB of text."""

    def sheet(write: Callable[[str], None]) -> None:
        write(_SHEET_HEAD)
        _leads_rows(write)
        write('<row r="3"><c r="A3" t="inlineStr"><is><t>')
        chunk = "a" * MiB
        for _ in range(400):
            write(chunk)
        write("</t></is></c></row></sheetData></worksheet>")

    return _xlsx(path, sheet)


def xlsx_shared_strings(path: Path, strings: int = 12_000_000) -> Path:
    """An XLSX of two rows whose shared-strings part holds 12 million strings."""

    def sheet(write: Callable[[str], None]) -> None:
        write(_SHEET_HEAD)
        _leads_rows(write)
        write("</sheetData></worksheet>")

    return _xlsx(path, sheet, strings=strings)


def xlsx_7m_shared_strings(path: Path) -> Path:
    """The same with 7 million strings (119 MB inflated, within the part's size limit)."""
    return xlsx_shared_strings(path, 7_000_000)


BOMBS: dict[str, Callable[[Path], Path]] = {
    "header_repeat_20k": header_repeat,
    "header_repeat_2000": header_repeat_2000,
    "csv_1m_columns": million_columns,
    "csv_50mb_row": long_row,
    "xlsx_dimension_XFD1048576": xlsx_dimension,
    "xlsx_400mb_cell": xlsx_big_cell,
    "xlsx_12m_shared_strings": xlsx_shared_strings,
    "xlsx_7m_shared_strings": xlsx_7m_shared_strings,
}

# --- the reading process ----------------------------------------------------------------

READER = r"""
import json, sys
from leadcheck.batch.columns import load_aliases, map_columns
from leadcheck.batch.readers import open_table
from leadcheck.batch.rows import build_rows
from leadcheck.batch.writers import output_header
from leadcheck.errors import LeadcheckError

aliases = load_aliases()
try:
    with open_table(sys.argv[1], aliases) as table:
        mapping = map_columns(table.header, aliases)
        output_header(table.header)
        rows = errors = 0
        for row in build_rows(table.records(), mapping):
            rows += 1
            errors += row.error is not None
    print(json.dumps({"outcome": f"{rows} rows, {errors} with an error"}))
except LeadcheckError as exc:
    print(json.dumps({"outcome": "refused: " + str(exc)[:150]}))
"""


def _peak_rss_kib(pid: int) -> int:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def measure(path: Path, limit: float) -> dict[str, object]:
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", READER, str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    peak = 0
    while process.poll() is None:
        peak = max(peak, _peak_rss_kib(process.pid))
        if time.perf_counter() - started > limit:
            process.kill()
            process.wait()
            return {
                "outcome": f"stopped after {limit:g} s",
                "seconds": None,
                "peak_rss_mib": peak / 1024,
            }
        time.sleep(0.02)
    seconds = time.perf_counter() - started
    out, err = process.communicate()
    if process.returncode != 0:
        last = err.strip().splitlines()[-1] if err.strip() else f"exit {process.returncode}"
        outcome = "crashed: " + last[:150]
    else:
        outcome = json.loads(out.strip().splitlines()[-1])["outcome"]
    # the last sample may miss the final growth; the kernel's own figure is exact
    return {"outcome": outcome, "seconds": seconds, "peak_rss_mib": peak / 1024}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", choices=sorted(BOMBS), default=None)
    parser.add_argument("--limit-seconds", type=float, default=60.0)
    parser.add_argument("--keep", type=Path, default=None, help="write the files here")
    args = parser.parse_args()
    names = args.only or list(BOMBS)
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        print(f"python {sys.version.split()[0]}, PYTHONPATH={os.environ.get('PYTHONPATH', '')}")
        print(f"{'file':28} {'size':>10} {'time':>9} {'peak RSS':>10}  outcome")
        for name in names:
            path = BOMBS[name](folder / name)
            size = path.stat().st_size
            result = measure(path, args.limit_seconds)
            seconds = result["seconds"]
            shown = f"{seconds:8.2f}s" if isinstance(seconds, float) else "  stopped"
            print(
                f"{name:28} {size / 1024:8.1f}KB {shown} {result['peak_rss_mib']:8.1f}MB"
                f"  {result['outcome']}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
