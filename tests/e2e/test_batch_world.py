"""``leadcheck batch`` with the real stage-1 session against the loopback test world."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from leadcheck.cli import ExitCode, main
from tests.batch.files import write_csv
from tests.world import World

PAGE = (
    "<html><head><title>AquaPure Wasseraufbereitung GmbH</title></head><body>"
    "<h1>Water treatment and UV disinfection systems</h1>"
    "<p>We build municipal water treatment plants, aquaculture filtration and UV sterilizers."
    " Contact: info@aquapure-e2e.de, +49 30 1234567</p></body></html>"
)


def run(world: World, source: Path, out: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    for name, value in world.env().items():
        monkeypatch.setenv(name, value)
    return main(
        ["batch", str(source), "-o", str(out), "--no-db", "--timeout", "5", *world.cli_args()]
    )


def test_real_session(fresh_world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    world = fresh_world
    world.add_site("aquapure-e2e.de", {"/": PAGE})
    world.add_mail_domain("aquapure-e2e.de")
    header = ["公司名称", "邮箱", "公司网址", "国家/地区", "询盘内容"]
    one = write_csv(
        tmp_path / "one.csv",
        [
            header,
            ["AquaPure", "li@aquapure-e2e.de", "aquapure-e2e.de", "德国", "UV lamps for water"],
        ],
        encoding="gbk",
    )
    assert run(world, one, tmp_path / "one.jsonl", monkeypatch) == ExitCode.OK
    single = len(world.requests("aquapure-e2e.de"))
    assert single > 0
    world.reset_stats()

    rows = [header]
    rows += [[f"AquaPure {i}", f"p{i}@aquapure-e2e.de", "https://www.aquapure-e2e.de/", "DE", "UV"]
             for i in range(5)]  # fmt: skip
    rows.append(["Ghost", "x@no-such-domain-e2e.de", "no-such-domain-e2e.de", "US", "price"])
    rows.append(["Nobody", "", "", "US", "hello"])
    many = write_csv(tmp_path / "many.csv", rows, encoding="gbk")
    out = tmp_path / "many.jsonl"
    assert run(world, many, out, monkeypatch) == ExitCode.OK
    lines = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [line["公司名称"] for line in lines] == [row[0] for row in rows[1:]]
    assert all(line["verdict"] != "fake" for line in lines[:5])
    assert lines[5]["verdict"] != "genuine"
    assert lines[6]["error"]
    assert lines[0]["country"] == "DE"
    assert isinstance(lines[0]["fit_score"], int)
    # five leads on one site: it is fetched once for the run, not five times
    assert (
        len(world.requests("aquapure-e2e.de")) + len(world.requests("www.aquapure-e2e.de"))
        <= single + 2
    )
