"""Mail-domain lists: free-mail providers, disposable services, role accounts, typos.

Everything here is offline and answers from data files shipped in ``data/``:

* ``freemail_domains.txt`` -- consumer mail providers (gmail.com, qq.com, mail.ru...)
* ``disposable_extra.txt`` / ``disposable_allow.txt`` -- corrections to the
  disposable-email-domains package
* ``role_accounts.txt`` -- role mailboxes (info@, sales@, einkauf@, xiaoshou@...)
* ``typo_targets.txt`` and ``tld_typos.toml`` -- where typo suggestions point

Each loader takes an optional path (tests point it at a temporary file), validates
what it reads, raises :class:`~leadcheck.errors.DataFileError` naming the file, the
line or key and the problem, and is cached: a batch of 10,000 leads reads each file
once. Domains are compared lower-case and in their ASCII (IDNA/punycode) form.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from pydantic import field_validator

from leadcheck.datafiles import (
    data_path,
    iter_list_file,
    load_toml_model,
    read_domain_list,
)
from leadcheck.errors import DataFileError
from leadcheck.models import Frozen
from leadcheck.net.domains import edit_distance

FREEMAIL_FILE = "freemail_domains.txt"
DISPOSABLE_EXTRA_FILE = "disposable_extra.txt"
DISPOSABLE_ALLOW_FILE = "disposable_allow.txt"
ROLE_ACCOUNTS_FILE = "role_accounts.txt"
TYPO_TARGETS_FILE = "typo_targets.txt"
TLD_TYPOS_FILE = "tld_typos.toml"


def normalize_domain(domain: str) -> str:
    """Lower-case ASCII form of a domain (``Bücher.DE.`` → ``xn--bcher-kva.de``).

    A name that cannot be IDNA-encoded is returned lower-cased as it is; it will simply
    match nothing.
    """
    domain = domain.strip().rstrip(".").lower()
    if domain.isascii():
        return domain
    try:
        return domain.encode("idna").decode("ascii")
    except UnicodeError:
        return domain


def _parents(domain: str) -> Iterable[str]:
    """The domain and each parent with at least two labels: a.b.c.com, b.c.com, c.com."""
    labels = domain.split(".")
    for start in range(len(labels) - 1):
        yield ".".join(labels[start:])


# --- free-mail providers ---------------------------------------------------------------


@cache
def load_free_providers(path: Path | None = None) -> frozenset[str]:
    """The free-mail domains (``data/freemail_domains.txt`` unless ``path`` is given)."""
    return read_domain_list(path or data_path(FREEMAIL_FILE))


def is_free_provider(domain: str) -> bool:
    """Whether ``domain`` belongs to a free-mail / consumer mail provider.

    The match is exact: a company domain whose mail is hosted by Zoho or Google is not
    free-mail, and neither is a sub-domain of a provider unless it is listed itself.
    """
    return normalize_domain(domain) in load_free_providers()


# --- disposable services ---------------------------------------------------------------


class _DisposableLists(Frozen):
    blocked: frozenset[str]
    allowed: frozenset[str]


@cache
def load_disposable(
    extra_path: Path | None = None, allow_path: Path | None = None
) -> _DisposableLists:
    """The disposable-domain package's blocklist plus our extra list, and our allow list."""
    from disposable_email_domains import blocklist

    extra = read_domain_list(extra_path or data_path(DISPOSABLE_EXTRA_FILE))
    allowed = read_domain_list(allow_path or data_path(DISPOSABLE_ALLOW_FILE))
    blocked = frozenset(str(entry).lower() for entry in blocklist) | extra
    return _DisposableLists(blocked=blocked, allowed=allowed)


def is_disposable(domain: str) -> bool:
    """Whether ``domain`` is a throw-away inbox service.

    Parent domains count (``x.mailinator.com`` is Mailinator). Walking from the full
    name up, the first listed name decides; an allow-list entry wins over a block-list
    entry for the same name.
    """
    lists = load_disposable()
    for candidate in _parents(normalize_domain(domain)):
        if candidate in lists.allowed:
            return False
        if candidate in lists.blocked:
            return True
    return False


# --- role accounts ---------------------------------------------------------------------

_SEPARATORS = re.compile(r"[._-]+")
_TRAILING_DIGITS = re.compile(r"\d+$")
_ROLE_ENTRY = re.compile(r"^[^\W_]+$")
# Parts that may accompany a role word without making the address personal
# (sales.de, export-dept, uk.sales, info2). Two-letter alphabetic parts (country or
# language codes) are qualifiers too; see _is_qualifier.
_QUALIFIERS = frozenset(
    {
        "dept",
        "department",
        "team",
        "desk",
        "office",
        "group",
        "global",
        "intl",
        "int",
        "hq",
        "main",
        "manager",
        "mgr",
        "general",
        "center",
        "centre",
    }
)


def normalize_local_part(local_part: str) -> str:
    """The comparable form of a local part: NFKC, lower-case, ``+tag`` removed."""
    local = unicodedata.normalize("NFKC", local_part.strip().strip('"')).lower()
    return local.split("+", 1)[0]


@cache
def load_role_accounts(path: Path | None = None) -> frozenset[str]:
    """Role-account words, separators removed (``data/role_accounts.txt`` by default)."""
    path = path or data_path(ROLE_ACCOUNTS_FILE)
    words: dict[str, int] = {}
    for number, entry in iter_list_file(path):
        word = normalize_local_part(entry)
        if word != entry or not _ROLE_ENTRY.match(entry):
            raise DataFileError(
                path,
                f"not a role word: {entry!r} (write it in lower case, without '+', "
                "separators or blanks)",
                location=f"line {number}",
            )
        if word in words:
            raise DataFileError(
                path,
                f"{entry!r} is already listed at line {words[word]}",
                location=f"line {number}",
            )
        words[word] = number
    if not words:
        raise DataFileError(path, "the list is empty")
    return frozenset(words)


def _is_qualifier(part: str) -> bool:
    return part.isdigit() or part in _QUALIFIERS or (len(part) == 2 and part.isalpha())


def is_role_account(local_part: str) -> bool:
    """Whether a local part names a function (``info``, ``Sales+ali``, ``no-reply``...).

    See the header of ``data/role_accounts.txt`` for the exact rule: separators
    ``.``/``-``/``_`` are ignored, and a multi-part local part is a role account when
    every part is a role word or a qualifier (number, two-letter code, ``dept``...)
    and at least one is a role word.
    """
    roles = load_role_accounts()
    local = normalize_local_part(local_part)
    if not local:
        return False
    if _SEPARATORS.sub("", local) in roles:
        return True
    found_role = False
    for part in _SEPARATORS.split(local):
        if not part:
            continue
        word = _TRAILING_DIGITS.sub("", part) or part
        if word in roles:
            found_role = True
        elif not _is_qualifier(part):
            return False
    return found_role


# --- typo suggestions ------------------------------------------------------------------

_TLD = re.compile(r"^[a-z0-9]+(\.[a-z0-9]+)*$")


class TldTypos(Frozen):
    """``tld_typos.toml``: frequent TLD misspellings mapped to the intended TLD."""

    typos: dict[str, str]

    @field_validator("typos")
    @classmethod
    def _check(cls, value: dict[str, str]) -> dict[str, str]:
        for typo, tld in value.items():
            for name in (typo, tld):
                if not _TLD.match(name):
                    raise ValueError(f"not a lower-case TLD: {name!r}")
            if typo == tld:
                raise ValueError(f"{typo!r} maps to itself")
        return value


class _Target(Frozen):
    domain: str
    label: str
    suffix: str


@cache
def load_typo_targets(path: Path | None = None) -> tuple[str, ...]:
    """The typo-target domains, in file order (most common first)."""
    path = path or data_path(TYPO_TARGETS_FILE)
    read_domain_list(path)  # validates every line, naming the bad one
    ordered = (normalize_domain(entry) for _, entry in iter_list_file(path))
    return tuple(dict.fromkeys(ordered))


@cache
def load_tld_typos(path: Path | None = None) -> dict[str, str]:
    """TLD misspelling → TLD (``con`` → ``com``), from ``data/tld_typos.toml``."""
    return dict(load_toml_model(TldTypos, path or data_path(TLD_TYPOS_FILE)).typos)


@cache
def _targets() -> tuple[_Target, ...]:
    targets = []
    for domain in load_typo_targets():
        label, _, suffix = domain.partition(".")
        targets.append(_Target(domain=domain, label=label, suffix=suffix))
    return tuple(targets)


def _label_budget(label: str) -> int:
    """Edits allowed in a target's second-level label.

    None for 4 characters or fewer: one edit from qq, 163, aol, live, free or mail
    reaches other real names (life.com, fred.fr), so short targets only get their TLD
    fixed. One edit for 5 to 7 characters (gmail, yahoo, hotmail), two beyond
    (rediffmail, googlemail).
    """
    if len(label) <= 4:
        return 0
    return 1 if len(label) <= 7 else 2


def _readable_label(label: str) -> str:
    if label.startswith("xn--"):
        try:
            return label.encode("ascii").decode("idna")
        except UnicodeError:
            return label
    return label


def suggest_domain(domain: str) -> str | None:
    """The mail domain the writer probably meant (``gmial.com`` → ``gmail.com``), or None.

    Suggests only a domain from ``typo_targets.txt``, and never for a domain that is a
    target or a listed free-mail provider itself. The second-level label may be up to
    one edit away (Damerau-Levenshtein; two for labels longer than 7 characters, none
    for 4 characters or fewer) and the rest must be the target's suffix, a one-edit
    typo of it, or a known TLD misspelling (``con`` → ``com``). The closest target
    wins; ties go to the more common one.
    """
    domain = normalize_domain(domain)
    if not domain or domain in load_typo_targets() or domain in load_free_providers():
        return None
    label, _, suffix = domain.partition(".")
    if not label or not suffix:
        return None
    label = _readable_label(label)
    tld_fix = load_tld_typos()
    fixed_suffix = _fix_suffix(suffix, tld_fix)
    best: tuple[int, int, str] | None = None
    for rank, target in enumerate(_targets()):
        budget = _label_budget(target.label)
        label_edits = edit_distance(label, target.label, limit=budget + 1)
        if label_edits > budget:
            continue
        if suffix == target.suffix:
            suffix_edits = 0
        elif fixed_suffix == target.suffix or (
            # a one-edit suffix typo (co.ik) only when the label itself is right
            label_edits == 0 and edit_distance(suffix, target.suffix, limit=2) <= 1
        ):
            suffix_edits = 1
        else:
            continue
        cost = label_edits + suffix_edits
        if cost and (best is None or (cost, rank) < best[:2]):
            best = (cost, rank, target.domain)
    return best[2] if best else None


def _fix_suffix(suffix: str, tld_fix: dict[str, str]) -> str:
    """Apply the TLD typo map to the whole suffix, or else to its last label."""
    if suffix in tld_fix:
        return tld_fix[suffix]
    head, dot, last = suffix.rpartition(".")
    if dot and last in tld_fix:
        return f"{head}.{tld_fix[last]}"
    return suffix
