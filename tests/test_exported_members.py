"""The public API: what ``import leadcheck`` offers a script (as httpx guards its own)."""

from __future__ import annotations

import subprocess
import sys

import leadcheck


def test_all_is_sorted_and_every_name_resolves() -> None:
    assert leadcheck.__all__ == sorted(leadcheck.__all__)
    for name in leadcheck.__all__:
        assert getattr(leadcheck, name) is not None, name


def test_the_calls_a_script_needs_are_exported() -> None:
    for name in ("check_lead", "CheckSession", "Inquiry", "LeadReport", "run_file", "score_page"):
        assert name in leadcheck.__all__


def test_importing_leadcheck_stays_light() -> None:
    """The exports load on first use: ``import leadcheck`` pulls in no network or UI code."""
    code = (
        "import sys, leadcheck; "
        "heavy = [m for m in ('httpx', 'dns', 'rich', 'typer', 'pydantic', 'selectolax') "
        "if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_stage_packages_export_sorted_names() -> None:
    import leadcheck.batch
    import leadcheck.verify

    for package in (leadcheck.verify, leadcheck.batch):
        assert package.__all__ == sorted(package.__all__)
        for name in package.__all__:
            assert getattr(package, name) is not None
