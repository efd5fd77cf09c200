"""The channel table: the article's seven rows, the rest of the world, and its checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from leadcheck.errors import DataFileError
from leadcheck.followup.channels import load_channels
from leadcheck.followup.countries import load_countries

ARTICLE = {
    "US": ["Facebook", "Twitter", "Messenger", "Snapchat", "WhatsApp", "Skype", "Google Hangouts"],
    "GB": ["WhatsApp", "Facebook", "Messenger", "Snapchat", "Skype", "Discord"],
    "FR": ["Facebook", "Messenger", "WhatsApp", "Snapchat", "Twitter", "Skype"],
    "DE": ["WhatsApp", "Facebook", "Messenger", "Apple Messages", "Skype", "Telegram"],
    "ES": ["WhatsApp", "Facebook", "Messenger", "Telegram", "Skype", "Google Hangouts"],
    "IT": ["WhatsApp", "Facebook", "Messenger", "Twitter", "Skype", "Snapchat"],
    "IN": ["WhatsApp", "Facebook", "Messenger", "Snapchat", "Skype", "Discord"],
}


def test_the_articles_seven_rows_are_kept_exactly() -> None:
    table = load_channels()
    for code, expected in ARTICLE.items():
        row = table.countries[code]
        assert list(row.channels) == expected, code
        assert row.source == "article"
        assert row.year == 2024
    # ... and they come first in the file, in the article's order.
    assert list(table.countries)[:7] == list(ARTICLE)


def test_at_least_forty_more_countries_each_with_source_and_year() -> None:
    table = load_channels()
    others = [code for code in table.countries if code not in ARTICLE]
    assert len(others) >= 40
    known = load_countries().countries
    for code in table.countries:
        row = table.countries[code]
        assert code in known
        assert row.source in table.sources
        assert 2015 <= row.year <= 2030


@pytest.mark.parametrize(
    ("code", "leader"),
    [
        ("CN", "WeChat"),
        ("JP", "LINE"),
        ("TW", "LINE"),
        ("TH", "LINE"),
        ("KR", "KakaoTalk"),
        ("VN", "Zalo"),
        ("RU", "Telegram"),
        ("UA", "Telegram"),
        ("GR", "Viber"),
        ("BY", "Viber"),
        ("BR", "WhatsApp"),
        ("SA", "WhatsApp"),
    ],
)
def test_local_champions_lead(code: str, leader: str) -> None:
    assert load_channels().countries[code].channels[0] == leader


def test_vk_is_ranked_where_it_matters() -> None:
    assert "VK" in load_channels().countries["RU"].channels


def test_regions_are_covered() -> None:
    codes = set(load_channels().countries)
    for code in ("CA", "MX", "BR", "AR", "NL", "PL", "TR", "AE", "SA", "EG", "NG", "ZA", "ID"):
        assert code in codes


def test_b2b_channels_and_default_row() -> None:
    table = load_channels()
    assert table.b2b == ("LinkedIn", "Email")
    row, is_default = table.row_for("ZZ")
    assert is_default
    assert row is table.default
    assert row.channels[0] == "WhatsApp"
    assert table.row_for("DE") == (table.countries["DE"], False)


def test_retired_tools_are_flagged() -> None:
    tools = load_channels().tools
    assert not tools["Skype"].usable
    assert tools["Skype"].successor == "Microsoft Teams"
    assert not tools["Google Hangouts"].usable
    assert tools["WhatsApp"].usable


GOOD = """
[sources.s]
title = "t"
year = 2024
[default]
channels = ["WhatsApp"]
source = "s"
year = 2024
[b2b]
channels = ["Email"]
[countries]
DE = { channels = ["WhatsApp"], source = "s", year = 2024 }
[tools]
WhatsApp = { kind = "phone" }
Email = { kind = "email" }
[weekend]
default = ["Sat", "Sun"]
[working_hours]
default = ["09:00", "17:00"]
[[cadence]]
day = 3
role = "first"
why = "w"
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "channels.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_minimal_table_loads(tmp_path: Path) -> None:
    table = load_channels(_write(tmp_path, GOOD))
    assert table.countries["DE"].channels == ("WhatsApp",)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('DE = { channels = ["WhatsApp"]', 'DE = { channels = ["Whatsap"]', "unknown channel"),
        ('source = "s", year = 2024 }', 'source = "x", year = 2024 }', "unknown source"),
        ("DE = {", "Germany = {", "two capital letters"),
        ('default = ["09:00", "17:00"]', 'default = ["17:00", "09:00"]', "HH:MM"),
        ('default = ["Sat", "Sun"]', 'default = ["Sat", "Sunday"]', "weekend"),
        ('channels = ["WhatsApp"], source', 'channels = ["WhatsApp", "WhatsApp"], source', "twice"),
    ],
)
def test_bad_tables_are_refused_with_the_place(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    assert old in GOOD
    with pytest.raises(DataFileError, match=message):
        load_channels(_write(tmp_path, GOOD.replace(old, new)))
