"""``leadcheck score`` and ``leadcheck taxonomy``, run through ``main``."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from leadcheck.cli import main
from tests.conftest import WorldRun

PAGES = Path(__file__).parents[1] / "fit" / "pages"


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, object]:
    assert main([*args, "--json"]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1
    data: dict[str, object] = json.loads(out)
    return data


def test_score_text_file_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "score", "--text-file", str(PAGES / "de_wasseraufbereitung.html"))
    assert data["tier"] == "A"
    assert isinstance(data["score"], int)
    assert 60 <= data["score"] <= 100
    segments = data["segments"]
    assert isinstance(segments, list)
    assert segments[0]["id"] == "water_treatment"
    first = segments[0]["matches"][0]
    assert (first["term"], first["count"]) == (
        "*wasseraufbereit*",
        5,
    )  # title, description, h1 (also in body), body


def test_score_stdin_with_company_and_message(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"Hotel Miramar, Benidorm"))
    monkeypatch.setattr(sys, "stdin", stdin)
    data = run_json(
        capsys,
        "score",
        "-",
        "--company",
        "Piscinas Miramar",
        "--message",
        "Necesitamos lámparas UV",
    )
    ids = [s["id"] for s in data["segments"]]  # type: ignore[attr-defined]
    assert ids[:2] == ["pools_spas", "uv_disinfection"]


def test_score_decodes_legacy_charsets(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    text = "Traitement de l'eau et stérilisateurs UV pour piscines. " * 20
    path.write_bytes(text.encode("cp1252"))
    data = run_json(capsys, "score", "--text-file", str(path))
    assert data["segments"][0]["id"] in {"water_treatment", "pools_spas", "uv_disinfection"}  # type: ignore[index]


def test_score_human_output_keeps_markup_inert(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "page.txt"
    path.write_text("UV sterilizers", encoding="utf-8")
    assert main(["score", "--text-file", str(path), "--company", "[bold red]Evil\x1b[31m"]) == 0
    out = capsys.readouterr().out
    assert "industry fit" in out
    assert "\x1b[31m" not in out


@pytest.mark.parametrize(
    "args",
    [
        ["score"],
        ["score", "-", "--text-file", "x.txt"],
        ["score", "--website", "https://a.example", "-"],
        ["score", "page.html"],
    ],
)
def test_score_needs_exactly_one_source(
    capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith("leadcheck: error: ")
    assert err.count("\n") == 1


@pytest.mark.parametrize("command", ["score", "verify"])
def test_a_website_that_is_no_web_address_is_bad_usage(
    capsys: pytest.CaptureFixture[str], command: str
) -> None:
    # refused before any network work, the same for score and verify
    assert main([command, "--website", "javascript:x", "--nameserver", "127.0.0.1:9"]) == 2
    err = capsys.readouterr().err
    assert err == (
        "leadcheck: error: --website: not a website address: 'javascript:x'; give a domain "
        "(acme.com) or an http(s) address\n"
    )


def test_score_refuses_big_files(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as stream:
        stream.truncate(10 * 1024 * 1024 + 1)
    assert main(["score", "--text-file", str(path)]) == 1
    assert "larger than 10 MB" in capsys.readouterr().err


def test_score_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert (
        main(["score", "--text-file", str(tmp_path / "none.txt")]) == 2
    )  # a missing file is a usage error, for every command
    assert "cannot read" in capsys.readouterr().err


def test_score_bad_taxonomy_exits_3(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "tax.toml"
    bad.write_text("schema = 1\n", encoding="utf-8")
    assert main(["score", "--text-file", str(PAGES / "es_moda.html"), "--taxonomy", str(bad)]) == 3
    err = capsys.readouterr().err
    assert str(bad) in err
    assert "segment" in err


def test_score_website_fetches_through_stage_one(
    capsys: pytest.CaptureFixture[str], world_run: WorldRun
) -> None:
    data = run_json(
        capsys,
        "score",
        "--website",
        "www.aquatech-wasser.de",
        *world_run.args,
        "--company",
        "AquaTech Wassertechnik GmbH",
    )
    assert data["tier"] == "A"
    assert data["segments"][0]["id"] == "water_treatment"  # type: ignore[index]
    assert world_run.world.requests("www.aquatech-wasser.de")


def test_score_website_not_a_fit(capsys: pytest.CaptureFixture[str], world_run: WorldRun) -> None:
    data = run_json(capsys, "score", "--website", "baeckerei-hofmann.de", *world_run.args)
    assert data["tier"] == "D"


def test_score_website_unreadable_is_an_error_not_tier_d(
    capsys: pytest.CaptureFixture[str], world_run: WorldRun
) -> None:
    code = main(["score", "--website", "no-such-company-xyz.com", *world_run.args, "--json"])
    captured = capsys.readouterr()
    assert code == 1
    assert captured.out == ""
    assert "fit is unknown" in captured.err


def test_score_website_parked_page_is_not_scored(
    capsys: pytest.CaptureFixture[str], world_run: WorldRun
) -> None:
    # the parking page is full of water-treatment ad keywords: they are not the lead's
    code = main(["score", "--website", "hydro-solutions-global.com", *world_run.args, "--json"])
    err = capsys.readouterr().err
    assert code == 1
    assert "for sale" in err


def test_score_website_refuses_loopback_without_allow_private(
    capsys: pytest.CaptureFixture[str], world_run: WorldRun
) -> None:
    args = [a for a in world_run.args if a != "--allow-private"]
    before = len(world_run.world.requests())
    code = main(["score", "--website", "www.aquatech-wasser.de", *args, "--json"])
    assert code == 1
    err = capsys.readouterr().err
    assert "fit is unknown" in err
    assert "127.0.0.1" in err  # the refused address is named
    assert len(world_run.world.requests()) == before  # nothing was fetched


def test_score_bad_port_map(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", "--website", "https://a.example", "--port-map", "x"]) == 2
    assert "FROM=TO" in capsys.readouterr().err


def test_taxonomy_check(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["taxonomy", "--check"]) == 0
    assert capsys.readouterr().out.startswith("ok: ")
    data = run_json(capsys, "taxonomy", "--check")
    assert data["ok"] is True
    assert data["segments"] == 23


def test_taxonomy_check_bad_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "tax.toml"
    bad.write_text(
        'schema = 1\n[[segment]]\nid = "x"\nname = "X"\nweight = 2\n[segment.terms]\nen = ["uv"]\n',
        encoding="utf-8",
    )
    assert main(["taxonomy", "--check", "--taxonomy", str(bad)]) == 3
    err = capsys.readouterr().err
    assert f"{bad}: line 5, segment 'x' weight" in err


def test_taxonomy_show_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["taxonomy", "--terms"]) == 0
    out = capsys.readouterr().out
    assert "uv_disinfection" in out
    assert "Wasseraufbereit" not in out.lower().replace("*", "")
    data = run_json(capsys, "taxonomy")
    segments = data["taxonomy"]["segment"]  # type: ignore[index]
    assert segments[0]["id"] == "uv_disinfection"


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\n  \n",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"<html><body><div id=root></div></body></html>",
    ],
    ids=["empty", "blank", "png", "javascript_only"],
)
def test_nothing_to_score_is_an_unknown_fit_not_tier_d(
    data: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "page.bin"
    path.write_bytes(data)
    assert main(["score", "--text-file", str(path), "--json"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "fit is unknown" in captured.err
