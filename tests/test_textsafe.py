import pytest

from leadcheck.textsafe import clean_line, neutralize_formula, strip_controls


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("\x1b[31mred\x1b[0m", "red"),
        ("title\x1b]0;pwned\x07 ok", "title ok"),
        ("a\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\b", "alinkb"),
        ("bell\x07 and \x9b31m csi", "bell and  csi"),
        ("rtl\u202eexe.pdf", "rtlexe.pdf"),
        ("zero\u200bwidth", "zerowidth"),
        ("tab\tand\nnewline", "tab\tand\nnewline"),
    ],
)
def test_strip_controls_removes_escapes(raw: str, expected: str) -> None:
    assert strip_controls(raw) == expected


def test_clean_line_collapses_and_bounds() -> None:
    assert clean_line("  a \n\n b\t c ") == "a b c"
    assert clean_line("x" * 500, limit=10) == "x" * 9 + "…"
    assert clean_line(None) is None
    assert clean_line("\x1b[2J") is None


@pytest.mark.parametrize(
    "cell",
    ['=HYPERLINK("http://x")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tx", "\rx", "＝1+1"],
)
def test_formula_cells_are_neutralised(cell: str) -> None:
    assert neutralize_formula(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["", "plain", "a=b", "info@x.de", "中文"])
def test_plain_cells_are_kept(cell: str) -> None:
    assert neutralize_formula(cell) == cell


@pytest.mark.parametrize(
    "cell", [" =1+1", "\u3000=1+1", "\n=1+1", "\r\n+1", "\u00a0@A1", "\u200b-1", " \t ＝1"]
)
def test_formula_behind_blanks_is_neutralised(cell: str) -> None:
    assert neutralize_formula(cell) == "'" + cell


def test_strip_controls_removes_what_xml_forbids_and_bidi() -> None:
    assert strip_controls("a\uffffb\ufffec\ud800d\U0001fffee\ufdd0f") == "abcdef"
    assert strip_controls("x\u061cy\u200ez\u200f\u2066w\u2069") == "xyzw"
    assert strip_controls("line\u2028sep") == "line sep"


def test_json_dumps_escapes_but_keeps_the_text() -> None:
    import json

    from leadcheck.textsafe import json_dumps

    value = {"k": "\x85\x9b[2J\u202e\u2067\u200f\u061c\ud800\uffff ok 中文"}
    text = json_dumps(value, indent=2)
    assert text.isascii() is False  # 中文 stays readable
    assert not any(0x7F <= ord(ch) <= 0x9F for ch in text)
    for ch in "\u202e\u2067\u061c":
        assert ch not in text
    assert json.loads(text) == value
