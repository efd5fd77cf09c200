"""A page names any charset it likes: only known text encodings are used, nothing raises."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leadcheck.cli import main
from leadcheck.verify.page import decode_body
from leadcheck.verify.page import read_page as parse_page
from tests.world import Page, World

BAD_LABELS = ["punycode", "utf-7", "idna", "rot13", "unicode_escape", "raw_unicode_escape",
              "base64", "zlib", "hex", "cp037", "x-user-defined", "mbcs", "undefined",
              "charmap", "a" * 200, ""]  # fmt: skip
PAGE = "<html lang='de'><head>{meta}<title>Wasser­technik Müller</title></head><body>"
PAGE += "<h1>UV-Entkeimung für Trinkwasser</h1></body></html>"


@pytest.mark.parametrize("label", BAD_LABELS)
def test_unsafe_labels_are_passed_over(label: str) -> None:
    body = PAGE.format(meta=f'<meta charset="{label}">').encode("utf-8")
    assert "Müller" in decode_body(body, f"text/html; charset={label}")


def test_declared_legacy_charsets_still_decode() -> None:
    body = PAGE.format(meta='<meta charset="windows-1252">').encode("cp1252")
    assert parse_page(body, "text/html").title == "Wasser­technik Müller"
    chinese = "<html><head><title>深圳清水环保</title></head></html>".encode("gbk")
    assert parse_page(chinese, "text/html; charset=gbk").title == "深圳清水环保"


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=3000), st.one_of(st.none(), st.text(max_size=60)))
def test_page_reader_never_raises(body: bytes, content_type: str | None) -> None:
    content = parse_page(body, content_type)
    assert len(content.text) <= 300_000
    assert isinstance(decode_body(body, content_type), str)


@settings(max_examples=100, deadline=None)
@given(st.sampled_from([*BAD_LABELS, "utf-8", "gbk", "latin1"]), st.binary(max_size=500))
def test_page_with_any_declared_charset(label: str, tail: bytes) -> None:
    body = b"<html><head><meta charset=" + label.encode() + b"><title>x</title></head>" + tail
    parse_page(body, f"text/html; charset={label}")


@pytest.mark.parametrize("where", ["header", "meta"])
@pytest.mark.parametrize("command", ["verify", "score"])
def test_punycode_page_does_not_crash_verify_or_score(
    where: str,
    command: str,
    fresh_world: World,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=punycode">'
    body = PAGE.format(meta=meta if where == "meta" else "")
    content_type = "text/html; charset=punycode" if where == "header" else "text/html"
    fresh_world.add_site("punycode-wasser.de", {"/": Page(body, content_type=content_type)})
    for name, value in fresh_world.env().items():
        monkeypatch.setenv(name, value)
    args = [*fresh_world.cli_args(), "--website", "punycode-wasser.de", "--json"]
    code = main([command, *args, "--timeout", "5"])
    out = capsys.readouterr().out
    assert code == 0, out
    report = json.loads(out)
    if command == "verify":
        assert report["website"]["title"] == "Wasser­technik Müller"
    else:
        assert report["score"] >= 0
