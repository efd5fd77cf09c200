"""Which domain a lead belongs to, and which worker or shard checks it.

Leads are split by *domain*, never by row: every lead naming ``acme.de`` goes to the
same worker process (``batch --workers N``) and the same shard (``batch --shard K/N``),
so each site is fetched and each domain looked up once, by one process, and one
process's politeness limits per host hold for the whole run.

The domain of a lead is the registered domain of its website, else of its email
address; an address at a free-mail or throw-away provider (``gmail.com``) is split by
the address itself, so that thousands of Gmail leads do not all land on one worker
(asking each worker's DNS about gmail.com once costs nothing). The split is a hash
that every machine computes alike (BLAKE2b, not Python's per-process ``hash``), with
a different salt for workers and for shards, so that the workers of one shard share
its leads evenly.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from leadcheck.errors import BadOptionError
from leadcheck.inquiry import Inquiry

_SHARD = re.compile(r"^\s*(\d+)\s*/\s*(\d+)\s*$")


@dataclass(frozen=True, slots=True)
class Shard:
    """Shard ``index`` of ``count`` (0-based, as a Kubernetes completion index)."""

    index: int
    count: int

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"


def parse_shard(text: str) -> Shard:
    """``"K/N"`` with 0 <= K < N; BadOptionError otherwise."""
    match = _SHARD.match(text)
    if match is None:
        raise BadOptionError(
            f"bad --shard {text!r}: expected K/N, e.g. 0/4 (K counts from 0, as a "
            "Kubernetes completion index does)"
        )
    index, count = int(match.group(1)), int(match.group(2))
    if count < 1 or index >= count:
        raise BadOptionError(f"bad --shard {text!r}: K must be 0 to N-1 and N at least 1")
    return Shard(index, count)


def _host(website: str) -> str:
    site = website.strip().lower()
    if "://" in site:
        site = site.split("://", 1)[1]
    site = re.split(r"[/?#]", site, maxsplit=1)[0].rsplit("@", 1)[-1]
    if site.startswith("["):
        return site.split("]", 1)[0] + "]"
    return site.split(":", 1)[0].rstrip(".").removeprefix("www.")


def lead_domain(inquiry: Inquiry) -> str:
    """The key a lead is split by (see the module's text)."""
    from leadcheck.net.domains import registered_domain

    if inquiry.website and inquiry.website.strip():
        host = _host(inquiry.website)
        if host:
            try:
                return registered_domain(host) or host
            except Exception:  # a stranger's text: split by it as it is
                return host
    email = (inquiry.email or "").strip().lower()
    if "@" in email:
        domain = email.rsplit("@", 1)[1].strip().rstrip(".")
        from leadcheck.verify import maillists

        try:
            shared = maillists.is_free_provider(domain) or maillists.is_disposable(domain)
        except Exception:
            shared = False
        if shared:
            return email
        try:
            return registered_domain(domain) or domain
        except Exception:
            return domain
    return email or (inquiry.phone or "")


def bucket(key: str, count: int, *, salt: bytes) -> int:
    """``key``'s bucket among ``count``, the same on every machine and every run."""
    if count <= 1:
        return 0
    digest = hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8, salt=salt)
    return int.from_bytes(digest.digest(), "big") % count


SHARD_SALT = b"leadcheck-shard"
WORKER_SALT = b"leadcheck-workr"


def shard_of(inquiry: Inquiry | None, count: int) -> int:
    """The shard a row belongs to; a row with no lead to check belongs to shard 0."""
    if inquiry is None:
        return 0
    return bucket(lead_domain(inquiry), count, salt=SHARD_SALT)


def worker_of(inquiry: Inquiry, count: int) -> int:
    return bucket(lead_domain(inquiry), count, salt=WORKER_SALT)
