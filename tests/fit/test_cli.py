"""``leadcheck score`` and ``leadcheck taxonomy``, run through ``main``."""

from __future__ import annotations

import io
import json
import sys
import types
from pathlib import Path

import pytest

from leadcheck.cli import main
from leadcheck.fit.scoring import FitInput
from leadcheck.net.config import NetConfig

PAGES = Path(__file__).parent / "pages"


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


def test_score_refuses_big_files(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as stream:
        stream.truncate(10 * 1024 * 1024 + 1)
    assert main(["score", "--text-file", str(path)]) == 1
    assert "larger than 10 MB" in capsys.readouterr().err


def test_score_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["score", "--text-file", str(tmp_path / "none.txt")]) == 1
    assert "cannot read" in capsys.readouterr().err


def test_score_bad_taxonomy_exits_3(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "tax.toml"
    bad.write_text("schema = 1\n", encoding="utf-8")
    assert main(["score", "--text-file", str(PAGES / "es_moda.html"), "--taxonomy", str(bad)]) == 3
    err = capsys.readouterr().err
    assert str(bad) in err
    assert "segment" in err


def test_score_website_uses_stage_one_fetcher(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[str, NetConfig]] = []

    async def fetch_fit_input(url: str, net: NetConfig) -> FitInput:
        seen.append((url, net))
        return FitInput(title="Aquaculture UV sterilizers", body="fish farms and hatcheries")

    fake = types.ModuleType("leadcheck.website")
    fake.fetch_fit_input = fetch_fit_input  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "leadcheck.website", fake)
    data = run_json(
        capsys,
        "score",
        "--website",
        "https://aqua.example",
        "--nameserver",
        "127.0.0.1:5353",
        "--allow-private",
        "--port-map",
        "443=8443",
        "--timeout",
        "3",
        "--company",
        "Aqua Ltd",
    )
    assert data["tier"] == "A"
    url, net = seen[0]
    assert url == "https://aqua.example"
    assert net.nameservers == ("127.0.0.1:5353",)
    assert net.allow_private
    assert net.port_map == {443: 8443}
    assert net.timeout == 3


def test_score_bad_port_map(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", "--website", "https://a.example", "--port-map", "x"]) == 2
    assert "FROM=TO" in capsys.readouterr().err


def test_taxonomy_check(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["taxonomy", "--check"]) == 0
    assert capsys.readouterr().out.startswith("ok: ")
    data = run_json(capsys, "taxonomy", "--check")
    assert data["ok"] is True
    assert data["segments"] == 16


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
