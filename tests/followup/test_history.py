"""Reading the follow-up history: times, directions, channels, export rows."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from leadcheck.batch.columns import map_columns
from leadcheck.batch.readers import RawRecord
from leadcheck.errors import BadOptionError
from leadcheck.followup.history import (
    channel_name,
    load_history_aliases,
    parse_channel_option,
    parse_direction,
    parse_time,
    read_history,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")
BERLIN = ZoneInfo("Europe/Berlin")


def ts(text: str, zone: ZoneInfo = SHANGHAI) -> float:
    return dt.datetime.fromisoformat(text).replace(tzinfo=zone).timestamp()


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("2026-03-02 14:05", "2026-03-02T14:05+08:00", "minute"),
        ("2026-03-02T14:05:33", "2026-03-02T14:05:33+08:00", "minute"),
        ("2026/03/02 14:05", "2026-03-02T14:05+08:00", "minute"),
        ("2026.3.2 9:05", "2026-03-02T09:05+08:00", "minute"),
        ("2026年3月2日 14:05", "2026-03-02T14:05+08:00", "minute"),
        ("2026年03月02日 14时05分", "2026-03-02T14:05+08:00", "minute"),
        ("2026-03-02T07:05+01:00", "2026-03-02T07:05+01:00", "minute"),
        ("2026-03-02T06:05Z", "2026-03-02T06:05+00:00", "minute"),
        ("２０２６-０３-０２ １４:０５", "2026-03-02T14:05+08:00", "minute"),  # full-width
        ("2026-03-02", "2026-03-02T12:00+08:00", "day"),
    ],
)
def test_times(text: str, expected: str, precision: str) -> None:
    at, found = parse_time(text, SHANGHAI)
    assert at == dt.datetime.fromisoformat(expected).timestamp()
    assert found == precision


@pytest.mark.parametrize("text", ["02/03/2026", "2026-02-30 10:00", "yesterday", "", "1899-01-01"])
def test_times_that_cannot_be_read(text: str) -> None:
    with pytest.raises(ValueError, match=r"\S"):
        parse_time(text, SHANGHAI)


def test_directions_and_channels_in_english_and_chinese() -> None:
    aliases = load_history_aliases()
    assert parse_direction("发送", aliases) == "out"
    assert parse_direction("Sent", aliases) == "out"
    assert parse_direction("客户回复", aliases) == "in"
    assert parse_direction("INBOUND", aliases) == "in"
    assert parse_direction("maybe", aliases) is None
    assert channel_name("微信", aliases) == "WeChat"
    assert channel_name("whats app", aliases) == "WhatsApp"
    assert channel_name("领英", aliases) == "LinkedIn"
    assert channel_name("电话", aliases) == "Phone"
    assert channel_name("TradeManager", aliases) == "Platform"
    assert channel_name("kakaotalk", aliases) == "KakaoTalk"
    assert channel_name("pigeon", aliases) is None


def test_channel_option_suggests_a_spelling() -> None:
    aliases = load_history_aliases()
    assert parse_channel_option("linkedin", aliases) == "LinkedIn"
    with pytest.raises(BadOptionError, match="did you mean WhatsApp"):
        parse_channel_option("Whatsap", aliases)


def test_channels_of_an_export_are_read_like_the_channel_option() -> None:
    aliases = load_history_aliases()
    mapping = map_columns(("email", "time", "direction", "channel"), aliases.columns)
    records = [
        RawRecord(2, ("li@acme.de", "2026-03-02 10:00", "out", "whatsapp")),
        RawRecord(3, ("li@acme.de", "2026-03-02 11:00", "in", "")),  # no channel: fine
        RawRecord(4, ("li@acme.de", "2026-03-02 12:00", "out", "Whatsap")),
        RawRecord(5, ("li@acme.de", "2026-03-02 13:00", "out", "\x1b[31mPigeon")),
    ]
    rows = list(
        read_history(records, mapping, aliases, zone=SHANGHAI, known={"li@acme.de"}.__contains__)
    )
    assert [row.touch.channel if row.touch else None for row in rows] == [
        "WhatsApp",
        "",
        None,
        None,
    ]
    for row, text in zip(rows[2:], ("Whatsap", "Pigeon"), strict=True):
        with pytest.raises(BadOptionError) as refused:
            parse_channel_option(text, aliases)
        assert row.error == str(refused.value)  # the one parser, the one message (cleaned)
    assert rows[2].error is not None
    assert "did you mean WhatsApp?" in rows[2].error
    assert rows[3].error is not None
    assert "\x1b" not in rows[3].error


def test_rows_of_an_export() -> None:
    aliases = load_history_aliases()
    header = ("客户邮箱", "发送时间", "收发", "沟通方式", "备注")
    mapping = map_columns(header, aliases.columns)
    assert mapping.found == {"email": 0, "time": 1, "direction": 2, "channel": 3, "note": 4}
    records = [
        RawRecord(2, ("Li@Acme.DE", "2026-03-02 10:00", "发送", "邮件", "报价")),
        RawRecord(3, ("nobody@else.com", "2026-03-02 10:00", "发送", "邮件", "")),
        RawRecord(4, ("li@acme.de", "02/03/2026", "发送", "邮件", "")),
        RawRecord(5, ("li@acme.de", "2026-03-03 09:00", "???", "邮件", "")),
        RawRecord(6, ("li@acme.de", "2026-03-04 09:00", "回信", "Carrier pigeon", "\x1b[31mhi")),
        RawRecord(7, ("", "2026-03-04 09:00", "回信", "", "")),
        RawRecord(8, ("li@acme.de",), problem="broken text encoding"),
    ]
    rows = list(
        read_history(records, mapping, aliases, zone=SHANGHAI, known={"li@acme.de"}.__contains__)
    )
    assert [row.line for row in rows] == [2, 3, 4, 5, 6, 7, 8]  # every row accounted for
    first = rows[0].touch
    assert first is not None
    assert (first.email, first.direction, first.channel, first.note) == (
        "li@acme.de",
        "out",
        "Email",
        "报价",
    )
    assert first.at == ts("2026-03-02T10:00")
    assert rows[1].error is not None
    assert "no lead" in rows[1].error
    assert rows[2].error is not None
    assert "YYYY-MM-DD" in rows[2].error
    assert rows[3].error is not None
    assert "direction" in rows[3].error
    # a channel --channel would refuse is a row error too, said the same way
    assert rows[4].touch is None
    assert rows[4].error is not None
    assert rows[4].error.startswith("unknown channel 'Carrier pigeon'; channels: Email, ")
    assert rows[5].error == "no email address in the row"
    assert rows[6].error == "broken text encoding"
