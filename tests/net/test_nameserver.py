import pytest

from leadcheck.errors import InvalidInputError
from leadcheck.net.dns import parse_nameserver


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.1.1.1", ("1.1.1.1", 53)),
        ("127.0.0.1:5353", ("127.0.0.1", 5353)),
        ("::1", ("::1", 53)),
        ("[::1]:5353", ("::1", 5353)),
    ],
)
def test_parse_nameserver(text: str, expected: tuple[str, int]) -> None:
    assert parse_nameserver(text) == expected


@pytest.mark.parametrize("text", ["dns.google", "1.1.1.1:x", "1.1.1.1:70000", "[::1", "[::1]x"])
def test_bad_nameserver_is_a_usage_error(text: str) -> None:
    with pytest.raises(InvalidInputError, match="--nameserver"):
        parse_nameserver(text)
