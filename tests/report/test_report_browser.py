"""The batch report in a real browser: headless Chromium renders it and we look at the
screenshot (the bars in their colours, the page not blank, nothing fetched).

Needs Chromium from the system packages (``apt-get install chromium``); CI installs it
when it can and otherwise this check is skipped with that reason. Marked ``world``: it
runs the demo world and a browser, seconds rather than milliseconds.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from leadcheck.demo import run_demo
from tests.report.png import colours, read_png

pytestmark = pytest.mark.world

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _hex(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)")
def test_report_renders_in_chromium(tmp_path: Path) -> None:
    from leadcheck.batch.report import VERDICT_COLOURS

    report = tmp_path / "report.html"
    run_demo(report=report)
    shot = tmp_path / "report.png"
    assert CHROMIUM is not None
    done = subprocess.run(
        [
            CHROMIUM,
            *FLAGS,
            f"--user-data-dir={tmp_path / 'profile'}",
            "--window-size=1200,1600",
            f"--screenshot={shot}",
            report.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )
    assert shot.exists(), done.stderr[-2000:]
    width, height, rows = read_png(shot)
    assert (width, height) == (1200, 1600)
    seen = colours(rows)
    assert len(seen) > 50  # text, bars, tiles: not a blank page
    for verdict in ("genuine", "fake", "suspicious", "unknown"):
        assert seen[_hex(VERDICT_COLOURS[verdict])] > 20, f"no {verdict} bar on the screenshot"


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)")
def test_report_dom_has_the_sections(tmp_path: Path) -> None:
    report = tmp_path / "report.html"
    run_demo(report=report)
    assert CHROMIUM is not None
    dom = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'p'}", "--dump-dom", report.as_uri()],
        capture_output=True,
        text=True,
        timeout=90,
        check=True,
    ).stdout
    for heading in (
        "Verdicts by country",
        "Fit tiers by country",
        "Answer these first",
        "The fakes and why",
        "Follow-ups due this week",
    ):
        assert heading in dom
    assert dom.count("<svg") >= 4
