"""What a fetch found: :class:`FetchResult`, its redirects and the kinds of failure.

Kept apart from the fetcher (:mod:`leadcheck.net.http`) so that stage 1, its tests'
fakes and the network interfaces can use the results without the HTTP machinery.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from leadcheck.models import Frozen

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


class FetchErrorKind(StrEnum):
    TIMEOUT = "timeout"
    NXDOMAIN = "nxdomain"  # the host name does not exist
    NO_ADDRESS = "no_address"  # the name exists but has no A/AAAA
    DNS_ERROR = "dns_error"  # the lookup could not be answered
    REFUSED_ADDRESS = "refused_address"  # resolves to a private/loopback/link-local address
    CONNECT = "connect"  # connection refused or reset
    TLS = "tls"  # TLS handshake failed (not a certificate problem)
    TOO_MANY_REDIRECTS = "too_many_redirects"
    BAD_REDIRECT = "bad_redirect"
    PROTOCOL = "protocol"  # not speaking HTTP properly
    BAD_URL = "bad_url"


# Kinds that are facts about the site rather than about our ability to look.
DEFINITE_FAILURES = frozenset(
    {
        FetchErrorKind.NXDOMAIN,
        FetchErrorKind.NO_ADDRESS,
        FetchErrorKind.CONNECT,
        FetchErrorKind.TOO_MANY_REDIRECTS,
        FetchErrorKind.BAD_REDIRECT,
        FetchErrorKind.PROTOCOL,
    }
)


class Hop(Frozen):
    """One redirect: the URL asked for, its status and where it pointed."""

    url: str
    status_code: int
    location: str


class FetchResult(Frozen):
    """What one fetch (with its redirects) found."""

    url: str
    final_url: str | None = None
    status_code: int | None = None
    hops: tuple[Hop, ...] = ()
    content_type: str | None = None
    # the final response's headers, names lower-case, bounded in number and length
    headers: tuple[tuple[str, str], ...] = ()
    body: bytes = Field(default=b"", exclude=True, repr=False)
    body_bytes: int = 0
    truncated: bool = False
    tls_valid: bool | None = None  # None: no HTTPS involved, or could not tell
    tls_error: str | None = None
    error_kind: FetchErrorKind | None = None
    error: str | None = None
    refused_address: str | None = None
    elapsed_ms: int = 0

    @property
    def ok(self) -> bool:
        return self.error_kind is None and self.status_code is not None

    def header(self, name: str) -> str | None:
        """The first value of the response header ``name`` (case-insensitive), or None."""
        wanted = name.lower()
        return next((value for key, value in self.headers if key == wanted), None)
