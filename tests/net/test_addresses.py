import pytest

from leadcheck.net.addresses import is_public, parse_ip, refusal_reason


@pytest.mark.parametrize(
    "text",
    [
        "127.0.0.1",
        "10.0.0.5",
        "172.16.3.4",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "224.0.0.1",
        "::1",
        "fe80::1",
        "fc00::1",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
        "2002:7f00:1::",  # 6to4 wrapping 127.0.0.1
    ],
)
def test_non_public_addresses_are_refused(text: str) -> None:
    address = parse_ip(text)
    assert address is not None
    assert not is_public(address)
    assert refusal_reason(address)


@pytest.mark.parametrize("text", ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111"])
def test_public_addresses_are_allowed(text: str) -> None:
    address = parse_ip(text)
    assert address is not None
    assert is_public(address)


def test_parse_ip() -> None:
    assert parse_ip("[::1]") is not None
    assert parse_ip("example.com") is None
    assert parse_ip("fe80::1%eth0") is not None
