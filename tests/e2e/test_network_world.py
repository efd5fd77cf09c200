"""A broken network end to end: ``verify`` says so once on stderr, ``batch`` does not store
the leads it made unknown and checks them again on the next run; and the RDAP bootstrap
file is refreshed over HTTPS (the world's stand-in for IANA)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from leadcheck.cli import ExitCode, main
from tests.batch.files import write_csv
from tests.world import Page, World
from tests.world.scenarios import AQUATECH, install_company


def use(world: World, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    for name, value in world.env().items():
        monkeypatch.setenv(name, value)
    return world.cli_args()


def test_verify_on_a_lying_resolver_warns_once_in_the_panel_too(
    fresh_world: World, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    args = use(fresh_world, monkeypatch)
    fresh_world.dns_mode = "deny_all"
    code = main(["verify", *args, "--email", "buyer@gmail.com", "--timeout", "5"])
    captured = capsys.readouterr()
    assert code == ExitCode.OK
    assert "UNKNOWN" in captured.out
    assert "FAKE" not in captured.out
    warnings = [line for line in captured.err.splitlines() if line.startswith("leadcheck: warn")]
    assert len(warnings) == 1
    assert "Your DNS says every domain is missing — check the network" in warnings[0]


@pytest.mark.parametrize("part", ["--email", "--website"])
def test_verify_on_a_resolver_that_answers_nothing_says_so_within_its_time(
    fresh_world: World,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    part: str,
) -> None:
    # The lead's own queries and the network's probe all time out; the probe is given
    # less time than the lead, so its verdict is in before the lead's deadline.
    args = use(fresh_world, monkeypatch)
    fresh_world.dns_mode = "silent"
    value = "buyer@firm-zz.de" if part == "--email" else "firm-zz.de"
    code = main(["verify", *args, part, value, "--timeout", "3", "--json"])
    captured = capsys.readouterr()
    assert code == ExitCode.OK
    report = json.loads(captured.out)
    assert report["verdict"]["label"] == "unknown"
    assert report["network"]["code"] == "network_dns_broken"
    assert part.removeprefix("--") in report["network"]["parts"]  # (and the inferred site)
    warnings = [line for line in captured.err.splitlines() if "check the network" in line]
    assert len(warnings) == 1
    assert "answers nothing" in warnings[0]


def test_batch_does_not_keep_what_a_broken_network_said(
    fresh_world: World,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    world = fresh_world
    install_company(world, AQUATECH)
    args = use(world, monkeypatch)
    source = write_csv(
        tmp_path / "leads.csv",
        [
            ["Email", "Website", "Country"],
            ["m.schneider@aquatech-wasser.de", "www.aquatech-wasser.de", "DE"],
            ["info@no-such-firm-zz.de", "", "DE"],
            ["li@aquatech-wasser.de", "javascript:alert(1)", "DE"],
        ],
        encoding="utf-8",
    )
    db = tmp_path / "results.sqlite3"

    def batch() -> list[dict[str, object]]:
        out = tmp_path / "out.jsonl"
        argv = ["batch", str(source), "-o", str(out), "--db", str(db), "--timeout", "5"]
        assert main([*argv, *args]) == ExitCode.OK
        return [json.loads(line) for line in out.read_text("utf-8").splitlines()]

    world.dns_mode = "deny_all"
    first = batch()
    err = capsys.readouterr().err
    assert [row["verdict"] for row in first[:2]] == ["unknown", "unknown"]
    assert "network_dns_broken" in str(first[0]["verdict_reasons"])
    assert "not an http(s) address" in str(first[2]["error"])  # an error row, not a lead
    warnings = [line for line in err.splitlines() if "check the network" in line]
    assert len(warnings) == 1
    assert "2 row(s)" in warnings[0]

    world.dns_mode = "normal"  # the network is fixed: the next run checks them again
    second = batch()
    assert [row["verdict"] for row in second[:2]] == ["genuine", "fake"]
    assert not any(row["from_cache"] for row in second[:2])
    assert "check the network" not in capsys.readouterr().err

    third = batch()  # now they are final and come from the database
    assert all(row["from_cache"] for row in third[:2])


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_resolver_that_answers_nothing_stores_no_lead_not_even_the_first(
    fresh_world: World,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    workers: str,
) -> None:
    # Every question times out: the leads' own queries as soon as the probe's, so a
    # run that did not judge the network first would store its first leads as unknown.
    world = fresh_world
    install_company(world, AQUATECH)
    args = use(world, monkeypatch)
    rows = [["Email", "Country"]] + [[f"buyer{n}@firm{n}-zz.de", "DE"] for n in range(5)]
    source = write_csv(tmp_path / "leads.csv", rows, encoding="utf-8")
    db = tmp_path / "results.sqlite3"
    out = tmp_path / "out.jsonl"
    argv = ["batch", str(source), "-o", str(out), "--db", str(db), "--timeout", "1"]
    world.dns_mode = "silent"
    assert main([*argv, "-j", "2", "--workers", workers, *args]) == ExitCode.OK
    first = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [row["verdict"] for row in first] == ["unknown"] * 5
    assert all("network_dns_broken" in str(row["verdict_reasons"]) for row in first)
    warnings = [line for line in capsys.readouterr().err.splitlines() if "network" in line]
    assert len(warnings) == 1
    assert "answers nothing" in warnings[0]
    assert "5 row(s)" in warnings[0]
    import sqlite3

    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from results").fetchone() == (0,)


def test_verify_on_a_network_that_refuses_everything(
    fresh_world: World, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    install_company(fresh_world, AQUATECH)
    args = use(fresh_world, monkeypatch)
    fresh_world.network_mode = "refuse_all"
    argv = ["verify", *args, "--website", "www.aquatech-wasser.de", "--timeout", "5", "--json"]
    assert main(argv) == ExitCode.OK
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    assert report["verdict"]["label"] == "unknown"
    assert report["network"]["code"] == "network_unreachable"
    assert captured.err.count("check the network") == 1


def test_refresh_the_bootstrap_file_over_https(
    fresh_world: World,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    shipped = (Path(__file__).resolve().parents[2] / "data" / "rdap_dns.json").read_bytes()
    fresh_world.add_site(
        "data.iana.org", {"/rdap/dns.json": Page(shipped, content_type="application/json")}
    )
    args = use(fresh_world, monkeypatch)
    out = tmp_path / "rdap.json"
    assert main(["data", "refresh-rdap", *args, "-o", str(out)]) == ExitCode.OK
    assert out.read_bytes() == shipped
    assert "published 2026-07-23" in capsys.readouterr().out
    requests = fresh_world.requests("data.iana.org")
    assert [r.path for r in requests] == ["/rdap/dns.json"]
    assert requests[0].scheme == "https"
