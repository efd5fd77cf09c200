"""``leadcheck followup`` end to end: JSON on stdout, errors on stderr with exit 2."""

from __future__ import annotations

import json

import pytest

from leadcheck.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["followup", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_is_one_object_on_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "deutschland", "--at", "2026-10-03T09:13", "--json")
    assert code == 0
    assert err == ""
    data = json.loads(out)
    assert out.count("\n") == 1
    assert data["country"] == "DE"
    assert data["timezone"] == "Europe/Berlin"
    assert data["local_time"] == "2026-10-03T03:13:00+02:00"  # naive --at: the rep's clock
    assert data["holiday"] == "German Unity Day"
    assert data["is_weekend"] is True
    assert set(data["next_window"]) >= {"local", "rep"}


def test_offset_and_rep_timezone_options(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "US",
        "--phone",
        "+1 415 555 0100",
        "--email",
        "buyer@example.com",
        "--at",
        "2026-07-03T10:00-07:00",
        "--rep-timezone",
        "Europe/Berlin",
        "--json",
    )
    assert code == 0
    data = json.loads(out)
    assert data["timezone"] == "America/Los_Angeles"
    assert data["local_time"] == "2026-07-03T10:00:00-07:00"
    assert data["rep_timezone"] == "Europe/Berlin"
    assert data["contacts"]["whatsapp"] == "https://wa.me/14155550100"
    assert data["contacts"]["email"] == "buyer@example.com"
    assert data["holiday"] == "Independence Day (observed)"


def test_human_output(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "UK", "--at", "2026-12-25T18:00")
    assert code == 0
    assert "United Kingdom (GB)" in out
    assert "Christmas Day" in out
    assert "If they stay silent" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("Atlantis",), "unknown country 'Atlantis'"),
        (("DE", "--at", "tomorrow"), "--at: cannot read"),
        (("DE", "--rep-timezone", "Mars/Olympus"), "unknown time zone"),
    ],
)
def test_usage_errors_exit_2_with_one_line(
    capsys: pytest.CaptureFixture[str], args: tuple[str, ...], message: str
) -> None:
    code, out, err = run(capsys, *args)
    assert code == 2
    assert out == ""
    assert message in err
    assert err.count("\n") == 1
