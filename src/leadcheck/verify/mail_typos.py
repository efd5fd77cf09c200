"""Typo suggestions for mail domains: which provider, or which TLD, the writer meant.

Two questions are asked of a domain nobody lists as a provider:

1. Is it a near miss of a mail provider's domain (``gmial.com``, ``yhooo.com``,
   ``comcastn.et``, ``hotmail.con``)? Every free-mail provider in
   ``data/freemail_domains.txt`` and every domain in ``data/typo_targets.txt`` is a target.
2. Failing that, is its top-level domain one that does not exist (``example.con``,
   ``acme-gmbh.cmo``) and one slip away from a common one? Existence is judged on the
   Public Suffix List snapshot bundled with tldextract (never downloaded).

How far a near miss may be depends on what DNS said about the typed domain, because a
domain that works is somebody's real domain far more often than a slip:

* it does **not resolve** (NXDOMAIN, no mail route, null MX): every target, and an
  edit budget scaled to the target label's length -- none for 1-2 letters, one edit
  for 3-4 (``sian.com``), two for 5 and more (``gamli.com``, ``htomali.com``);
* it **resolves**, or DNS could not tell: only the big providers of
  ``typo_targets.txt``, and only the slips hands make -- one cheap slip (below) for
  5-7 letter labels, one edit of any kind beyond, none for 4 letters or fewer; never
  an edit to the first letter (``cloud.com`` is not ``icloud.com``), never a key
  swapped for a distant one (``libera.it`` is not ``libero.it``), never a dot moved
  to make another real TLD (``comcastn.et``). A letter dropped or added that is no
  slip (``gmai.com``, ``librero.it``, ``gmailer.com``) is left alone here: too many
  real names are one such edit from a provider's.

A resolving domain that a disposable blocklist holds is nobody's company domain, and
squatted near misses of the big providers (``gmai.com``, ``hotmial.com``) end up on
those lists: for it any single edit to a big provider's name counts, but no more
(``yopmail.com`` is a throw-away service of its own, not a slip for ``ymail.com``).

In both modes a public suffix is never "corrected" into another (``web.dev`` stays,
``uol.com.ar`` stays) except through the curated map of ``data/tld_typos.toml``
(``gmail.co`` -> ``gmail.com``), and a known provider is never corrected at all.

Edits are counted in half-edits: a neighbouring key, a doubled or dropped double
letter, a swapped pair, a look-alike glyph (``gmаil`` with a Cyrillic ``а``, ``0`` for
``o``) cost 1; any other substitution, insertion or deletion costs 2.
"""

from __future__ import annotations

from functools import cache, lru_cache

from leadcheck.models import Frozen

# Keyboard rows of the layouts leads type on: QWERTY, QWERTZ (German, Czech...) and
# AZERTY (French, Belgian). A key's neighbours are the union over the three.
_LAYOUTS = (
    ("1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"),
    ("1234567890", "qwertzuiop", "asdfghjkl", "yxcvbnm"),
    ("1234567890", "azertyuiop", "qsdfghjklm", "wxcvbn"),
)

# Glyphs that pass for one another: Cyrillic and Greek letters in a Latin name, and the
# digits read as letters.
_CONFUSABLE = {
    "а": "a",
    "е": "e",
    "о": "o",
    "р": "p",
    "с": "c",
    "у": "y",
    "х": "x",
    "і": "i",
    "ј": "j",
    "ѕ": "s",
    "ԁ": "d",
    "һ": "h",
    "ӏ": "l",
    "ο": "o",
    "α": "a",
    "ν": "v",
    "κ": "k",
    "ι": "i",
    "τ": "t",
    "ρ": "p",
    "0": "o",
    "1": "l",
}

CHEAP = 1  # a neighbouring key, a doubled letter, a swapped pair, a look-alike glyph
PLAIN = 2  # any other single edit
_FAR_STRICT = 3  # a distant key when the domain resolves: beyond a 5-7 letter budget
_BARRED = 99  # an edit the strict mode never makes (the first letter)


@cache
def _neighbours() -> dict[str, frozenset[str]]:
    near: dict[str, set[str]] = {}
    for rows in _LAYOUTS:
        for r, row in enumerate(rows):
            for c, key in enumerate(row):
                keys = near.setdefault(key, set())
                for rr, cc in ((r, c - 1), (r, c + 1), (r - 1, c), (r - 1, c + 1)):
                    if 0 <= rr < len(rows) and 0 <= cc < len(rows[rr]):
                        keys.add(rows[rr][cc])
                        near.setdefault(rows[rr][cc], set()).add(key)
    return {key: frozenset(keys - {key}) for key, keys in near.items()}


def adjacent(a: str, b: str) -> bool:
    """Whether two keys touch on a QWERTY, QWERTZ or AZERTY keyboard."""
    return b in _neighbours().get(a, frozenset())


def _looks_alike(a: str, b: str) -> bool:
    return _CONFUSABLE.get(a, a) == _CONFUSABLE.get(b, b)


def _substitution(a: str, b: str, at_start: bool, strict: bool) -> int:
    if strict and at_start:
        return _BARRED
    if adjacent(a, b) or _looks_alike(a, b):
        return CHEAP
    return _FAR_STRICT if strict else PLAIN


def _insertion(typed: str, i: int, strict: bool, meant: frozenset[str]) -> int:
    """Cost of ``typed[i]`` being one key too many: cheap when it doubles its neighbour,
    or -- unless ``strict`` -- sits next to it on the keyboard and that neighbour is a
    letter of the word meant (two extra keys side by side, ``gmail`` + ``er``, are two
    plain edits). ``strict`` keeps only the doubled letter: an extra key next to a
    right one also makes real words (``librero.it`` is no ``libero.it``)."""
    if strict and i == 0:
        return _BARRED
    char = typed[i]
    for k in (i - 1, i + 1):
        if 0 <= k < len(typed):
            other = typed[k]
            if char == other or (not strict and other in meant and adjacent(char, other)):
                return CHEAP
    return PLAIN


def _deletion(target: str, j: int, strict: bool) -> int:
    """Cost of ``target[j]`` missing from what was typed."""
    if strict and j == 0:
        return _BARRED
    char = target[j]
    if char == "-" or any(char == target[k] for k in (j - 1, j + 1) if 0 <= k < len(target)):
        return CHEAP
    return PLAIN


def typo_cost(typed: str, target: str, *, strict: bool = False, limit: int = 4) -> int:
    """Half-edits from ``target`` to ``typed`` (weighted optimal string alignment).

    Returns ``limit + 1`` as soon as the cost is sure to exceed ``limit``.
    """
    over = limit + 1
    if abs(len(typed) - len(target)) > limit:
        return over
    width = len(target)
    meant = frozenset(target)
    inserted = [_insertion(typed, i, strict, meant) for i in range(len(typed))]
    deleted = [_deletion(target, j, strict) for j in range(width)]
    previous2: list[int] = []
    previous = [0] * (width + 1)
    for j in range(1, width + 1):
        previous[j] = min(previous[j - 1] + deleted[j - 1], over)
    for i in range(1, len(typed) + 1):
        char = typed[i - 1]
        insert = inserted[i - 1]
        current = [min(previous[0] + insert, over)] + [0] * width
        for j in range(1, width + 1):
            other = target[j - 1]
            if char == other:
                best = previous[j - 1]
            else:
                best = previous[j - 1] + _substitution(char, other, i == 1 and j == 1, strict)
                if (
                    i > 1
                    and j > 1
                    and char == target[j - 2]
                    and typed[i - 2] == other
                    and previous2[j - 2] + CHEAP < best
                ):
                    best = previous2[j - 2] + CHEAP
            best = min(best, previous[j] + insert, current[j - 1] + deleted[j - 1])
            current[j] = min(best, over)
        # The next row builds on this one, or on the previous one through a swapped pair.
        if min(current) > limit and min(previous) + CHEAP > limit:
            return over
        previous2, previous = previous, current
    return min(previous[width], over)


def label_budget(length: int, *, strict: bool) -> int:
    """Half-edits allowed in a target label of ``length`` characters."""
    if strict:
        if length <= 4:
            return 0
        return CHEAP if length <= 7 else PLAIN
    if length <= 2:
        return 0
    return PLAIN if length <= 4 else 2 * PLAIN


class Target(Frozen):
    """One domain a typo may point to, split once."""

    domain: str
    label: str  # first label, in Unicode when it was punycode
    suffix: str  # the rest: com, co.uk
    dotless: str
    letters: frozenset[str]  # of the label: a cheap lower bound before the full distance


def make_target(domain: str) -> Target:
    label, _, suffix = domain.partition(".")
    label = readable_label(label)
    return Target(
        domain=domain,
        label=label,
        suffix=suffix,
        dotless=domain.replace(".", ""),
        letters=frozenset(label),
    )


def readable_label(label: str) -> str:
    """A punycode label in Unicode (``xn--gmil-63d`` -> ``gmаil``); others unchanged."""
    if label.startswith("xn--"):
        try:
            return label.encode("ascii").decode("idna")
        except UnicodeError:
            return label
    return label


def fix_suffix(suffix: str, tld_fix: dict[str, str]) -> str:
    """Apply the curated TLD map to the whole suffix, or else to its last label."""
    if suffix in tld_fix:
        return tld_fix[suffix]
    head, dot, last = suffix.rpartition(".")
    if dot and last in tld_fix:
        return f"{head}.{tld_fix[last]}"
    return suffix


def suffix_cost(typed: str, target: str, tld_fix: dict[str, str]) -> int | None:
    """Half-edits from a target's suffix to the typed one, or None when no slip explains it.

    A suffix that exists is taken as meant (``dev``, ``com.ar``), unless the curated map
    says otherwise (``co`` -> ``com``) or only the label before a shared TLD differs and
    the typed pair is no public suffix (``con.br`` -> ``com.br``).
    """
    from leadcheck.net.suffixes import is_public_suffix, tld_exists

    if typed == target:
        return 0
    if fix_suffix(typed, tld_fix) == target:
        return CHEAP
    if tld_exists(typed):
        last, target_last = typed.rsplit(".", 1)[-1], target.rsplit(".", 1)[-1]
        if "." not in typed or last != target_last or is_public_suffix(typed):
            return None
    cost = typo_cost(typed, target, limit=PLAIN)
    return cost if cost <= PLAIN else None


def best_target(
    domain: str,
    targets: tuple[Target, ...],
    tld_fix: dict[str, str],
    *,
    strict: bool,
    cap: int | None = None,
) -> str | None:
    """The closest target to ``domain`` within budget (ties go to the earlier target);
    ``cap`` bounds every label's budget."""
    from leadcheck.net.suffixes import tld_exists

    label, _, suffix = domain.partition(".")
    label = readable_label(label)
    letters = frozenset(label)
    dotless = domain.replace(".", "")
    dots_may_move = not strict or not tld_exists(domain)
    suffix_costs: dict[str, int | None] = {}
    best: tuple[int, int] | None = None
    chosen: str | None = None
    for rank, target in enumerate(targets):
        if target.domain == domain:
            return None
        if target.dotless == dotless:
            cost = CHEAP if dots_may_move else _BARRED
        else:
            if not suffix:
                continue
            if target.suffix not in suffix_costs:
                suffix_costs[target.suffix] = suffix_cost(suffix, target.suffix, tld_fix)
            tail = suffix_costs[target.suffix]
            if tail is None:
                continue
            budget = label_budget(len(target.label), strict=strict)
            if cap is not None:
                budget = min(budget, cap)
            if abs(len(label) - len(target.label)) > budget:
                continue
            # Every letter the other side lacks takes an edit of at least CHEAP.
            unmatched = max(
                sum(char not in target.letters for char in label),
                sum(char not in letters for char in target.label),
            )
            if unmatched * CHEAP > budget:
                continue
            head = typo_cost(label, target.label, strict=strict, limit=budget)
            if head > budget or (head and tail and head + tail > budget + CHEAP):
                continue
            cost = head + tail
        if 0 < cost < _BARRED and (best is None or (cost, rank) < best):
            best, chosen = (cost, rank), target.domain
    return chosen


def repair_tld(domain: str, candidates: tuple[str, ...]) -> str | None:
    """``example.con`` -> ``example.com``: a TLD that does not exist, one slip from a common one.

    The last one or two labels are compared with ``candidates`` (most common first);
    the cheapest repair wins, then the one keeping more labels (``co.ik`` -> ``co.uk``,
    not ``co.il``), then the more common suffix.
    """
    from leadcheck.net.suffixes import tld_exists

    labels = domain.split(".")
    if len(labels) < 2 or tld_exists(domain):
        return None
    best: tuple[int, int, int] | None = None
    chosen: str | None = None
    for size in (1, 2):
        if len(labels) <= size:
            break
        head, tail = labels[:-size], ".".join(labels[-size:])
        for rank, candidate in enumerate(candidates):
            cost = typo_cost(tail, candidate, limit=PLAIN)
            if cost > PLAIN or cost == 0:
                continue
            key = (cost, -candidate.count("."), rank)
            if best is None or key < best:
                best, chosen = key, ".".join([*head, candidate])
    return chosen


@lru_cache(maxsize=4096)
def suggest(domain: str, resolves: bool | None) -> str | None:
    """The domain the writer probably meant, or None. ``domain`` is normalised ASCII.

    ``resolves``: True when the domain has a mail route, False when it does not exist
    or takes no mail, None when DNS could not tell (treated like True).
    """
    from leadcheck.net.suffixes import tld_exists
    from leadcheck.verify import maillists

    if not domain or domain in maillists.known_providers():
        return None
    # A TLD that does not exist cannot resolve: unless DNS said otherwise, say so.
    strict = resolves is True or (resolves is None and tld_exists(domain))
    tld_fix = maillists.load_tld_typos()
    if strict and maillists.is_disposable(domain):
        # A blocklist holds it: nobody's company domain. A near miss of a big provider
        # (squatted: gmai.com, hotmial.com) is a typo; a throw-away service of its own
        # (yopmail.com is two letters from ymail.com) is not, hence one edit at most.
        targets = maillists.typo_targets_for(strict=True)
        return best_target(domain, targets, tld_fix, strict=False, cap=PLAIN)
    targets = maillists.typo_targets_for(strict=strict)
    found = best_target(domain, targets, tld_fix, strict=strict)
    if found is not None or resolves is True:
        return found
    return repair_tld(domain, maillists.load_tld_repair_candidates())
