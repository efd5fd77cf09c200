"""The Public Suffix List: which part of a host name anyone can register under.

The list is the snapshot that the ``tldextract`` package ships (its
``.tld_set_snapshot`` file, the list as published at publicsuffix.org); it is read
directly, without importing ``tldextract`` (which pulls in ``requests``: a fifth of
a second at start-up), and never downloaded: the same answer offline, in cron and
in CI. Upgrading ``tldextract`` refreshes it.

Only the ICANN section counts (``co.uk``, ``com.cn``), as for tldextract's default:
private suffixes such as ``blogspot.com`` are registered domains of their owners.

The algorithm is the list's own (publicsuffix.org/list/): the longest matching
rule wins, ``*.`` rules match one label, ``!`` exceptions beat both. As in
tldextract, a name whose top-level domain is not in the list has no suffix (so
``acme.con`` has the suffix ``""``: there is no such TLD), and an IP address is
all label.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

SNAPSHOT_NAME = ".tld_set_snapshot"
_PRIVATE_MARK = "===BEGIN PRIVATE DOMAINS==="


@dataclass(frozen=True, slots=True)
class SuffixRules:
    exact: frozenset[str]
    wildcard: frozenset[str]  # "ck" for the rule "*.ck"
    exception: frozenset[str]  # "www.ck" for the rule "!www.ck"

    def suffix_length(self, labels: list[str]) -> int:
        """How many trailing labels of ``labels`` form the public suffix (0: no rule
        covers the name, its top-level domain is not in the list)."""
        count = len(labels)
        for start in range(count):
            candidate = ".".join(labels[start:])
            if candidate in self.exception:
                return count - start - 1
            if candidate in self.exact:
                return count - start
            parent = ".".join(labels[start + 1 :])
            if start + 1 < count and parent in self.wildcard:
                return count - start
        return 0

    def is_suffix(self, name: str) -> bool:
        """Whether ``name`` (lower-case ASCII) is itself a listed public suffix."""
        labels = name.split(".")
        return bool(name) and self.suffix_length(labels) == len(labels)


def snapshot_path() -> Path:
    """The list file inside the installed ``tldextract`` package."""
    spec = importlib.util.find_spec("tldextract")
    locations = spec.submodule_search_locations if spec is not None else None
    if not locations:
        raise FileNotFoundError("the tldextract package is not installed")
    return Path(next(iter(locations))) / SNAPSHOT_NAME


@cache
def load_rules(path: Path | None = None) -> SuffixRules:
    """The ICANN rules of the list at ``path`` (default: tldextract's snapshot)."""
    text = (path or snapshot_path()).read_text(encoding="utf-8")
    return parse_rules(text)


def parse_rules(text: str) -> SuffixRules:
    """Rules from the list's text (``//`` comments; the private section is skipped)."""
    exact: set[str] = set()
    wildcard: set[str] = set()
    exception: set[str] = set()
    for raw in text.splitlines():
        line = raw.strip()
        if _PRIVATE_MARK in line:
            break
        if not line or line.startswith("//"):
            continue
        rule = line.split()[0]
        bucket = exact
        if rule.startswith("!"):
            rule, bucket = rule[1:], exception
        elif rule.startswith("*."):
            rule, bucket = rule[2:], wildcard
        try:
            ascii_rule = rule.encode("idna").decode("ascii") if not rule.isascii() else rule
        except UnicodeError:
            continue
        bucket.add(ascii_rule.lower())
    return SuffixRules(frozenset(exact), frozenset(wildcard), frozenset(exception))


@lru_cache(maxsize=4_096)  # a lead asks about its few hosts a dozen times; a miss is ~4 µs
def split_host(host: str) -> tuple[str, str, str]:
    """``(subdomain, label, public suffix)`` of a host name (lower-case ASCII)."""
    name = host.lower().rstrip(".")
    if not name:
        return "", "", ""
    if not name.isascii():
        try:
            name = name.encode("idna").decode("ascii")
        except UnicodeError:
            return "", name, ""
    from leadcheck.net.addresses import parse_ip

    if parse_ip(name) is not None:
        return "", name, ""
    labels = name.split(".")
    size = load_rules().suffix_length(labels)
    if size >= len(labels):
        return "", "", name
    suffix = ".".join(labels[len(labels) - size :]) if size else ""
    rest = labels[: len(labels) - size]
    return ".".join(rest[:-1]), rest[-1], suffix


def _ascii(name: str) -> str | None:
    name = name.lower().strip().strip(".")
    if name.isascii():
        return name
    try:
        return name.encode("idna").decode("ascii")
    except UnicodeError:
        return None


def is_public_suffix(name: str) -> bool:
    """Whether ``name`` is itself a public suffix: ``com``, ``co.uk``, ``com.bd`` (under
    the rule ``*.bd``) yes; ``co.ik``, ``bd`` or ``za`` (only ``co.za``... are listed) no."""
    ascii_name = _ascii(name)
    return bool(ascii_name) and load_rules().is_suffix(ascii_name or "")


def tld_exists(name: str) -> bool:
    """Whether the last label of ``name`` is a top-level domain of the list:
    ``example.con`` no, ``example.com.bd`` yes, ``example.xn--p1ai`` (``.рф``) yes."""
    ascii_name = _ascii(name)
    if not ascii_name:
        return False
    last = ascii_name.rsplit(".", 1)[-1]
    rules = load_rules()
    return bool(last) and (last in rules.exact or last in rules.wildcard)
