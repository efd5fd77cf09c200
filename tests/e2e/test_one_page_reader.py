"""One page, one reading: every fit fixture page, served by the world and saved to a file,
gets the same tier and score from ``score --website`` and ``score --text-file``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from leadcheck.cli import main
from leadcheck.world import Page, World

PAGES = sorted((Path(__file__).parents[1] / "fit" / "pages").iterdir())


def _score(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, object]:
    assert main(["score", *args, "--json"]) == 0
    data: dict[str, object] = json.loads(capsys.readouterr().out)
    return data


@pytest.mark.parametrize("path", PAGES, ids=[p.name for p in PAGES])
def test_served_and_saved_page_score_alike(
    path: Path,
    fresh_world: World,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    body = path.read_bytes()
    content_type = "text/html; charset=utf-8" if path.suffix == ".html" else "text/plain"
    host = f"{path.stem.replace('_', '-')}.example-fit.de"
    fresh_world.add_site(host, {"/": Page(body, content_type=content_type)})
    for name, value in fresh_world.env().items():
        monkeypatch.setenv(name, value)
    served = _score(capsys, "--website", host, *fresh_world.cli_args())
    saved = _score(capsys, "--text-file", str(path))
    assert (served["tier"], served["score"]) == (saved["tier"], saved["score"])
    assert served["segments"] == saved["segments"]
