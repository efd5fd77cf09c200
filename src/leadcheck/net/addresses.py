"""Which addresses leadcheck may connect to.

Hosts named in an inquiry are chosen by strangers. Without ``--allow-private`` a
connection goes only to globally routable addresses: never to loopback, private
(RFC 1918, ULA), link-local (cloud metadata at 169.254.169.254), CGNAT, multicast,
reserved or unspecified ones. The check runs on the address actually connected to,
so it also holds after redirects and when a public name resolves to such an address.
"""

from __future__ import annotations

import ipaddress

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def parse_ip(text: str) -> IPAddress | None:
    """The IP address written in ``text`` (``[v6]`` brackets allowed), or None."""
    candidate = text.strip()
    if candidate.startswith("[") and candidate.endswith("]"):
        candidate = candidate[1:-1]
    try:
        return ipaddress.ip_address(candidate.split("%", 1)[0])
    except ValueError:
        return None


def is_public(address: IPAddress) -> bool:
    """True for globally routable unicast addresses."""
    if isinstance(address, ipaddress.IPv6Address):
        mapped = address.ipv4_mapped or address.sixtofour
        if mapped is not None:
            return is_public(mapped)
        if address.teredo is not None:
            return False
    return bool(address.is_global) and not address.is_multicast


def refusal_reason(address: IPAddress) -> str:
    """Why a non-public address is refused, in words."""
    if address.is_loopback:
        return "a loopback address"
    if address.is_link_local:
        return "a link-local address"
    if address.is_private:
        return "a private address"
    if address.is_multicast:
        return "a multicast address"
    return "a reserved address"
