"""URL parsing that never raises on a stranger's text.

``urllib.parse`` raises ``ValueError`` on some malformed input ("http://[::1",
a port of 99999): a redirect, a meta refresh, a link on a page or a cell of an
export must never crash a check. These return ``None`` instead.
"""

from __future__ import annotations

import re
from urllib.parse import SplitResult, urljoin, urlsplit, urlunsplit


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


_LABEL = re.compile(r"[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?")


def normalize_website(raw: str) -> tuple[str, str] | None:
    """``(url, host)`` from what a lead typed (``acme.com``, ``www.acme.com``, a URL);
    ``None`` when it is not an http(s) web address. The host is lower-case ASCII
    (IDNA), or an IP literal."""
    from leadcheck.net.addresses import parse_ip

    text = raw.strip().strip("<>\"'")
    if not text or len(text) > 2000 or any(ch.isspace() for ch in text):
        return None
    scheme_end = text.find(":")
    if "://" not in text:
        if (
            scheme_end > 0
            and text[:scheme_end].isalpha()
            and not text[scheme_end + 1 :][:1].isdigit()
        ):
            return None  # "javascript:...", "mailto:...": a scheme, but not the web
        text = "https://" + text.lstrip("/")
    parts = split_url(text)
    if parts is None or parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname.rstrip(".").lower()
    if parse_ip(host) is None:
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            return None
        if "." not in host or not all(_LABEL.fullmatch(label) for label in host.split(".")):
            return None  # an empty label, or a character no host name holds ("www,acme.de")
    netloc = host if parts.port is None else f"{host}:{parts.port}"
    if ":" in host:  # IPv6 literal
        netloc = f"[{host}]" if parts.port is None else f"[{host}]:{parts.port}"
    path = parts.path or "/"
    return urlunsplit((parts.scheme.lower(), netloc, path, parts.query, "")), host


def with_host(url: str, host: str) -> str:
    """``url`` with its host replaced (the port kept)."""
    parts = urlsplit(url)
    netloc = host if parts.port is None else f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, ""))


def site_root(url: str) -> str:
    """The root page of ``url``'s site."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/", "", ""))
