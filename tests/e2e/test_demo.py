"""``leadcheck demo`` end to end: the bundled world, the real pipeline, every verdict."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from leadcheck.cli import ExitCode, main
from leadcheck.demo import INQUIRIES, run_demo

pytestmark = pytest.mark.world


def test_every_demo_lead_gets_the_verdict_a_rep_would_give(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out, report = tmp_path / "demo.xlsx", tmp_path / "demo.html"
    result = run_demo(output=out, report=report)
    assert len(result.leads) == len(INQUIRIES) == 12
    for lead in result.leads:
        assert lead.outcome.error is None, lead.inquiry.company
        assert lead.outcome.verdict == lead.inquiry.expect, (
            lead.inquiry.company,
            lead.outcome.reasons,
        )
    labels = {lead.outcome.verdict for lead in result.leads}
    assert labels == {"genuine", "suspicious", "fake", "unknown"}
    countries = {lead.outcome.country for lead in result.leads}
    assert len(countries) >= 10
    typo = next(lead for lead in result.leads if lead.inquiry.email.endswith("@gmial.com"))
    assert typo.outcome.email_suggestion == "a.morozov@gmail.com"
    assert load_workbook(out).sheetnames == ["leadcheck", "summary"]
    assert "Answer these first" in report.read_text("utf-8")
    assert result.summary.errors == 0
    assert result.summary.checked == 12


def test_demo_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--json"]) == ExitCode.OK
    data = json.loads(capsys.readouterr().out)
    assert [lead["verdict"] for lead in data["leads"]] == [q.expect for q in INQUIRIES]
    assert main(["demo"]) == ExitCode.OK
    shown = capsys.readouterr().out
    assert "Klarfluss" in shown
    assert "fake" in shown
    assert "unknown" in shown
