from __future__ import annotations

from pathlib import Path

import pytest

from leadcheck.batch.columns import (
    Aliases,
    load_aliases,
    map_columns,
    normalize_header,
    parse_map_options,
    unique_headers,
)
from leadcheck.errors import BadOptionError, DataFileError


def test_normalize_header_folds_width_case_and_punctuation() -> None:
    assert normalize_header("Country/Region") == "countryregion"
    assert normalize_header("ＣＯＵＮＴＲＹ　／ＲＥＧＩＯＮ") == "countryregion"
    assert normalize_header("* E-mail :") == "email"
    assert normalize_header("国家/地区") == "国家地区"


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("公司名称", "company"),
        ("联系人", "contact"),
        ("邮箱", "email"),
        ("电子邮箱", "email"),
        ("网址", "website"),
        ("公司网址", "website"),
        ("电话", "phone"),
        ("手机", "mobile"),
        ("Tel", "phone"),
        ("Country/Region", "country"),
        ("国家/地区", "country"),
        ("Inquiry Content", "message"),
        ("询盘内容", "message"),
        ("留言", "message"),
        ("E-mail Address", "email"),
        ("Buyer E-mail", "email"),  # by suffix
        ("客户邮箱", "email"),
        ("WhatsApp", "whatsapp"),
        ("Email Subject", "subject"),
    ],
)
def test_aliases_find_fields(aliases: Aliases, header: str, field: str) -> None:
    match = aliases.field_for(header)
    assert match is not None
    assert match[0] == field


def test_unrelated_headers_are_not_matched(aliases: Aliases) -> None:
    for header in ("Email Status", "Score", "备用", ""):
        assert aliases.field_for(header) is None


def test_map_columns_and_overrides(aliases: Aliases) -> None:
    header = ["Company", "Mail", "Backup Mail", "Website", "Notes"]
    mapping = map_columns(header, aliases)
    assert mapping.found == {"company": 0, "email": 1, "website": 3, "message": 4}
    mapping = map_columns(header, aliases, {"email": "backup mail", "message": ""})
    assert mapping.found == {"company": 0, "email": 2, "website": 3}
    described = dict(mapping.describe())
    assert described["email"] == "Backup Mail (--map)"
    assert described["message"] == "-"
    assert "Mail" in mapping.unmapped_headers


def test_map_errors_list_what_is_valid(aliases: Aliases) -> None:
    with pytest.raises(BadOptionError, match="fields are: company"):
        parse_map_options(["mail=Email"], aliases)
    with pytest.raises(BadOptionError, match="FIELD=HEADER"):
        parse_map_options(["email"], aliases)
    with pytest.raises(BadOptionError, match="'Company'"):
        map_columns(["Company"], aliases, {"email": "Nope"})


def test_left_most_header_wins(aliases: Aliases) -> None:
    mapping = map_columns(["Email", "E-mail"], aliases)
    assert mapping.column("email") == 0


def test_alias_in_two_fields_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "aliases.toml"
    path.write_text(
        '[fields.email]\naliases = ["mail"]\n[fields.website]\naliases = ["Mail"]\n', "utf-8"
    )
    with pytest.raises(DataFileError, match="names both"):
        load_aliases(path)


def test_unique_headers() -> None:
    names = unique_headers(["Email", "", "Email", "country", " "], reserved=("country",))
    assert names == ("Email", "column_2", "Email (2)", "country (input)", "column_5")
