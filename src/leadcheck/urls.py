"""URL parsing that never raises on a stranger's text.

``urllib.parse`` raises ``ValueError`` on some malformed input ("http://[::1",
a port of 99999): a redirect, a meta refresh, a link on a page or a cell of an
export must never crash a check. These return ``None`` instead.
"""

from __future__ import annotations

from urllib.parse import SplitResult, urljoin, urlsplit


def split_url(text: str) -> SplitResult | None:
    """``urlsplit(text)``, or ``None`` when it is malformed (bad IPv6 literal or port)."""
    try:
        parts = urlsplit(text)
        _ = parts.port  # raises ValueError for a port that is not 0-65535
    except ValueError:
        return None
    return parts


def join_url(base: str, reference: str) -> str | None:
    """``urljoin(base, reference)``, or ``None`` when either is malformed."""
    try:
        return urljoin(base, reference)
    except ValueError:
        return None
