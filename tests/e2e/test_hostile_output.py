"""Strangers' text never reaches the screen raw: ``verify --json`` over the test world."""

from __future__ import annotations

import json

import pytest

from leadcheck.cli import main
from tests.world import Redirect, World

UNSAFE = "\x9b\x9d\x9c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"


def raw_unsafe(text: str) -> list[str]:
    return [ch for ch in text if 0x80 <= ord(ch) <= 0x9F or ch in UNSAFE]


def test_verify_json_escapes_c1_and_bidi_from_location_and_email(
    fresh_world: World, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The world writes headers as Latin-1: send UTF-8 bytes, which the client decodes.
    location = "http://[::1\x9b31m\x9d0;t\x9c\u202e\u2066/".encode().decode("latin-1")
    fresh_world.add_site("hostile-location.de", {"/": Redirect(location, 302)})
    for name, value in fresh_world.env().items():
        monkeypatch.setenv(name, value)
    email = "buyer\u202e\x9b31m\u200f@hostile-location.de"
    argv = ["verify", *fresh_world.cli_args(), "--website", "hostile-location.de"]
    code = main([*argv, "--email", email, "--json", "--timeout", "3"])
    assert code == 0
    out = capsys.readouterr().out
    assert raw_unsafe(out) == []
    report = json.loads(out)
    assert report["inquiry"]["email"] == email  # kept, only escaped
    assert "\u202e" in report["website"]["error"] or "202e" in report["website"]["error"]
