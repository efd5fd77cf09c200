"""Domain names: registered domain, and how two domains relate (same, related, look-alike).

The Public Suffix List is tldextract's bundled snapshot, read by
:mod:`leadcheck.net.suffixes` and never downloaded at run time: no network, no
surprise latency, the same answer in cron and in CI.
"""

from __future__ import annotations

from enum import StrEnum

from leadcheck.net.suffixes import split_host

__all__ = [
    "Relation",
    "country_code_tld",
    "edit_distance",
    "registered_domain",
    "relation",
    "split_host",
]


def registered_domain(host: str) -> str:
    """The registrable domain (``shop.acme.com.cn`` → ``acme.com.cn``); the host if none."""
    _, label, suffix = split_host(host)
    if label and suffix:
        return f"{label}.{suffix}"
    return host.lower().rstrip(".")


def country_code_tld(host: str) -> str | None:
    """The two-letter country-code TLD of a host (``.uk`` → ``uk``), or None."""
    _, _, suffix = split_host(host)
    last = suffix.rsplit(".", 1)[-1] if suffix else ""
    return last if len(last) == 2 and last.isalpha() else None


class Relation(StrEnum):
    SAME = "same"  # same registered domain
    RELATED = "related"  # same name under another suffix (acme.de / acme.com)
    LOOKALIKE = "lookalike"  # one edit or a confusable swap apart: a classic fraud
    DIFFERENT = "different"
    # Not by name: the website lists addresses at the email's domain (one group, two
    # domains). :func:`relation` never says it; the website check does, from the page.
    GROUP = "group"


# Glyph sequences that read alike in most fonts, folded to one form.
_CONFUSABLES = (("rn", "m"), ("vv", "w"), ("cl", "d"), ("0", "o"), ("1", "l"), ("i", "l"))


def _skeleton(label: str) -> str:
    for source, target in _CONFUSABLES:
        label = label.replace(source, target)
    return label.replace("-", "").replace("_", "")


def edit_distance(a: str, b: str, *, limit: int = 3) -> int:
    """Damerau-Levenshtein (optimal string alignment) distance, capped at ``limit``."""
    if abs(len(a) - len(b)) >= limit:
        return limit
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, start=1):
            cost = 0 if char_a == char_b else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) >= limit:
            return limit
        previous2, previous = previous, current
    return min(previous[-1], limit)


def relation(first: str, second: str) -> Relation:
    """How two host names relate, judged on their registered domains."""
    domain_a, domain_b = registered_domain(first), registered_domain(second)
    if domain_a == domain_b:
        return Relation.SAME
    _, label_a, _ = split_host(domain_a)
    _, label_b, _ = split_host(domain_b)
    if label_a and label_a == label_b:
        return Relation.RELATED
    if not label_a or not label_b:
        return Relation.DIFFERENT
    if min(len(label_a), len(label_b)) >= 4:
        if edit_distance(label_a, label_b, limit=2) <= 1:
            return Relation.LOOKALIKE
        if _skeleton(label_a) == _skeleton(label_b):
            return Relation.LOOKALIKE
    return Relation.DIFFERENT
