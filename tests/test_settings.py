"""The rep's settings: defaults < config file < LEADCHECK_* variables < command line."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from leadcheck.cli import ExitCode, main
from leadcheck.errors import BadOptionError
from leadcheck.settings import config_path, load_settings

CONFIG = """
[rep]
timezone = "Europe/Berlin"
country = "DE"
hours = "08:30-17:00"
holidays = ["2026-10-05..2026-10-06"]

[output]
format = "csv"

[network]
timeout = 20
nameservers = ["192.0.2.53"]
"""


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(CONFIG, encoding="utf-8")
    return path


def test_defaults_without_a_file(tmp_path: Path) -> None:
    settings = load_settings({"LEADCHECK_CONFIG": ""})
    assert not settings.config_found
    assert settings["rep.timezone"] == "Asia/Shanghai"
    assert settings["rep.country"] == "CN"
    assert settings["network.timeout"] == 15.0
    assert all(item.source == "default" for item in settings.values.values())


def test_the_platform_config_dir_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    path = config_path({})
    assert path.name == "config.toml"
    assert path.parent.name == "leadcheck"


def test_file_then_environment_then_command_line(config: Path) -> None:
    env = {"LEADCHECK_CONFIG": str(config), "LEADCHECK_REP_TIMEZONE": "America/Chicago"}
    settings = load_settings(env)
    assert settings.config_found
    assert settings["rep.country"] == "DE"
    assert settings.values["rep.country"].source == f"config file ({config})"
    assert settings["rep.hours"] == (dt.time(8, 30), dt.time(17, 0))
    assert settings["rep.holidays"] == (dt.date(2026, 10, 5), dt.date(2026, 10, 6))
    assert settings["network.nameservers"] == ("192.0.2.53",)
    assert settings["rep.timezone"] == "America/Chicago"
    assert settings.values["rep.timezone"].source == "environment (LEADCHECK_REP_TIMEZONE)"
    given = settings.with_command_line(rep__timezone="Asia/Tokyo", network__timeout=None)
    assert given["rep.timezone"] == "Asia/Tokyo"
    assert given.values["rep.timezone"].source == "command line"
    assert given["network.timeout"] == 20.0  # not given: the file's
    rep = given.rep
    assert (rep.timezone, rep.country, rep.hours) == ("Asia/Tokyo", "DE", settings["rep.hours"])


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("LEADCHECK_REP_TIMEZONE", "Mars/Olympus", "unknown time zone"),
        ("LEADCHECK_REP_HOURS", "18-9", "start comes first"),
        ("LEADCHECK_REP_HOLIDAYS", "2026-13-01", "bad day off"),
        ("LEADCHECK_TIMEOUT", "0", "between 0.1 and 600"),
        ("LEADCHECK_OUTPUT_FORMAT", "pdf", "not one of"),
        ("LEADCHECK_ALLOW_PRIVATE", "maybe", "yes/no"),
        ("LEADCHECK_NAMESERVERS", "not-an-ip", "nameserver"),
    ],
)
def test_a_bad_value_names_its_source(variable: str, value: str, message: str) -> None:
    with pytest.raises(BadOptionError, match=message) as caught:
        load_settings({"LEADCHECK_CONFIG": "", variable: value})
    assert variable in str(caught.value)


def test_unknown_key_in_the_file(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text('[rep]\ntimezon = "Asia/Shanghai"\n', encoding="utf-8")
    with pytest.raises(BadOptionError, match=r"rep\.timezon: unknown setting"):
        load_settings({"LEADCHECK_CONFIG": str(path)})


def test_config_command_shows_sources(
    config: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LEADCHECK_CONFIG", str(config))
    monkeypatch.setenv("LEADCHECK_TIMEOUT", "9")
    assert main(["config", "--json"]) == ExitCode.OK
    data = json.loads(capsys.readouterr().out)
    assert data["config_file"] == str(config)
    assert data["settings"]["network.timeout"] == {
        "value": 9.0,
        "source": "environment (LEADCHECK_TIMEOUT)",
    }
    assert data["settings"]["rep.hours"]["value"] == "08:30-17:00"
    assert data["settings"]["rep.holidays"]["value"] == ["2026-10-05", "2026-10-06"]
    assert main(["config"]) == ExitCode.OK
    shown = capsys.readouterr().out
    assert "rep.country" in shown
    assert "config file" in shown


def test_settings_reach_the_commands(
    config: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LEADCHECK_CONFIG", str(config))
    assert main(["followup", "US", "--at", "2026-10-05T10:00", "--json"]) == ExitCode.OK
    plan = json.loads(capsys.readouterr().out)
    assert plan["rep_timezone"] == "Europe/Berlin"  # from the file
    # The rep's own days off (5-6 Oct) hold the cadence back: no step on those days.
    assert all(step["date"] not in ("2026-10-05", "2026-10-06") for step in plan["cadence"])
    assert (
        main(["followup", "US", "--at", "2026-10-05T10:00", "--rep-timezone", "UTC", "--json"]) == 0
    )
    assert json.loads(capsys.readouterr().out)["rep_timezone"] == "UTC"
