"""The inquiry's message, read for phishing lures (``data/lure_phrases.toml``).

What fake "buyers" send exporters: "a buyer sent you a purchase order, sign in to
view it" with a link to a sign-in page that is not the platform's; a link whose
host merely *contains* "alibaba"; a web page posing as a document attachment
(``PO_4512.pdf.html``); a registration or notary fee the supplier must pay first.

:func:`read_message` finds, offline and bounded:

* every **link** (``http(s)://``, ``www.``, or a bare ``host/path``) with its
  registered domain, and whether it is a sign-in page, poses as a trade platform,
  is on free hosting or behind a shortener. Links are reported, never fetched;
* a **sign-in lure**: a "sign in" word within a few words of a "document" word, in
  any of the file's languages; an **account scare** ("your account will be
  suspended");
* **attachments** that are web pages or programs posing as documents;
* a **fee request**.

The verdict (:mod:`leadcheck.verify.verdict`) makes a lure decisive only with a
link it could lead to: a sign-in page off the platform, a platform look-alike, or
a sign-in or account lure next to any link that is neither the platform's nor the
lead's own domain.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path

from pydantic import Field, field_validator

from leadcheck.datafiles import data_path, load_toml_model
from leadcheck.models import Frozen
from leadcheck.net.domains import registered_domain
from leadcheck.net.urls import split_url

LURES_FILE = "lure_phrases.toml"
MAX_MESSAGE_CHARS = 20_000
MAX_LINKS = 20
MAX_ATTACHMENTS = 10
NEAR = 60  # characters between a sign-in word and a document word

_BLANKS = re.compile(r"\s+")
_URL = re.compile(
    r"(?:(?:https?|hxxps?)://|www\.)[^\s<>\"'(){}\[\]]{1,500}"
    r"|\b(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}/[^\s<>\"'(){}\[\]]{0,500}",
    re.IGNORECASE,
)
_TRAILING = ".,;:!?)]}'\""
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def fold(text: str) -> str:
    return _BLANKS.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


class Language(Frozen):
    login: tuple[str, ...] = ()
    document: tuple[str, ...] = ()
    account: tuple[str, ...] = ()
    fee: tuple[str, ...] = ()


class Platforms(Frozen):
    domains: tuple[str, ...] = Field(min_length=1)
    names: tuple[str, ...] = ()


class LinkWords(Frozen):
    login_words: tuple[str, ...] = ()
    free_hosting: tuple[str, ...] = ()
    shorteners: tuple[str, ...] = ()


class Attachments(Frozen):
    risky_extensions: tuple[str, ...] = Field(min_length=1)
    document_extensions: tuple[str, ...] = ()
    document_words: tuple[str, ...] = ()

    @field_validator("risky_extensions", "document_extensions")
    @classmethod
    def _extensions(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for extension in value:
            if not re.fullmatch(r"[a-z0-9]{1,8}", extension):
                raise ValueError(f"not a lower-case file extension without the dot: {extension!r}")
        return value


class LuresFile(Frozen):
    """The whole of ``data/lure_phrases.toml``."""

    platforms: Platforms
    links: LinkWords
    attachments: Attachments
    language: dict[str, Language] = Field(min_length=1)

    @field_validator("language")
    @classmethod
    def _terms(cls, value: dict[str, Language]) -> dict[str, Language]:
        for code, language in value.items():
            for kind in ("login", "document", "account", "fee"):
                for term in getattr(language, kind):
                    if not fold(term.rstrip("*")):
                        raise ValueError(f"language.{code}.{kind}: a blank term")
        return value


class MessageLink(Frozen):
    """One link in the message, as written (cut to 300 characters), never fetched."""

    url: str
    domain: str
    login_page: bool = False
    on_platform: bool = False
    platform_lookalike: bool = False
    free_hosting: bool = False
    shortener: bool = False


class MessageReport(Frozen):
    """What the message holds that a fake buyer would put there."""

    links: tuple[MessageLink, ...] = ()
    login_lure: str | None = None  # the words that ask to sign in to see something
    account_lure: str | None = None
    attachments: tuple[str, ...] = ()  # web pages or programs posing as documents
    fee_request: str | None = None


class _Compiled:
    def __init__(self, data: LuresFile) -> None:
        self.data = data
        terms: dict[str, list[str]] = {"login": [], "document": [], "account": [], "fee": []}
        for language in data.language.values():
            for kind, values in terms.items():
                values.extend(getattr(language, kind))
        self.patterns = {kind: _pattern(values) for kind, values in terms.items()}
        self.platforms = frozenset(data.platforms.domains)
        self.platform_names = tuple(fold(name) for name in data.platforms.names)
        self.login_words = tuple(fold(word) for word in data.links.login_words)
        self.free_hosting = frozenset(data.links.free_hosting)
        self.shorteners = frozenset(data.links.shorteners)
        risky = "|".join(sorted(data.attachments.risky_extensions, key=len, reverse=True))
        self.attachment = re.compile(
            rf"(?<![\w.#&+-])([\w\-.()#&+]{{1,80}}\.(?:{risky}))(?![\w.])", re.IGNORECASE
        )
        self.document_extensions = frozenset(data.attachments.document_extensions)
        self.document_words = _pattern(list(data.attachments.document_words))


def _pattern(terms: list[str]) -> re.Pattern[str] | None:
    """One regex for many terms: whole words, ``*`` stems, CJK anywhere."""
    parts: list[str] = []
    for raw in dict.fromkeys(terms):
        stem = raw.endswith("*")
        term = fold(raw.rstrip("*"))
        if not term:
            continue
        body = re.escape(term).replace(r"\ ", r"\s+")
        if _CJK.search(term):
            parts.append(body)
        else:
            parts.append(rf"(?<!\w){body}" + ("" if stem else r"(?!\w)"))
    if not parts:
        return None
    parts.sort(key=len, reverse=True)
    return re.compile("|".join(parts))


@cache
def load_lures(path: Path | None = None) -> LuresFile:
    """``data/lure_phrases.toml`` (or ``path``), validated."""
    return load_toml_model(LuresFile, path or data_path(LURES_FILE))


@cache
def _compiled() -> _Compiled:
    return _Compiled(load_lures())


def warm_up() -> None:
    """Load and compile the lure words now, not in a lead's deadline."""
    _compiled()


# Messages read, remembered: an export repeats its templated inquiries ("Please send your
# best price") row after row. Only short ones, so the memo stays small (a few MB at most).
_READ_MEMO = 2_048
_READ_MEMO_CHARS = 2_000
_read: dict[str, tuple[_Compiled, MessageReport]] = {}


def read_message(text: str) -> MessageReport:
    """The lures in an inquiry's message (see the module docstring)."""
    lures = _compiled()
    text = text[:MAX_MESSAGE_CHARS]
    known = _read.get(text)
    if known is not None and known[0] is lures:
        return known[1]
    report = _read_message(text, lures)
    if len(text) <= _READ_MEMO_CHARS:
        if len(_read) >= _READ_MEMO:
            _read.clear()
        _read[text] = (lures, report)
    return report


def _read_message(text: str, lures: _Compiled) -> MessageReport:
    folded = fold(text)
    return MessageReport(
        links=tuple(_links(text, lures)),
        login_lure=_login_lure(folded, lures),
        account_lure=_first(lures.patterns["account"], folded),
        attachments=tuple(_attachments(text, lures)),
        fee_request=_first(lures.patterns["fee"], folded),
    )


def _first(pattern: re.Pattern[str] | None, folded: str) -> str | None:
    match = pattern.search(folded) if pattern is not None else None
    return match.group(0) if match else None


def _login_lure(folded: str, lures: _Compiled) -> str | None:
    login, document = lures.patterns["login"], lures.patterns["document"]
    if login is None or document is None:
        return None
    for match in login.finditer(folded):
        start, end = max(0, match.start() - NEAR), min(len(folded), match.end() + NEAR)
        around = document.search(folded, start, end)
        if around is not None:
            first, last = min(match.start(), around.start()), max(match.end(), around.end())
            return folded[first:last][:200]
    return None


def _links(text: str, lures: _Compiled) -> list[MessageLink]:
    found: list[MessageLink] = []
    seen: set[str] = set()
    for match in _URL.finditer(text):
        raw = match.group(0).rstrip(_TRAILING)
        if raw in seen:
            continue
        seen.add(raw)
        link = _link(raw, lures)
        if link is not None:
            found.append(link)
        if len(found) >= MAX_LINKS:
            break
    return found


def _link(raw: str, lures: _Compiled) -> MessageLink | None:
    target = re.sub(r"^hxxp", "http", raw, flags=re.IGNORECASE)
    if not re.match(r"^https?://", target, re.IGNORECASE):
        target = "http://" + target
    parts = split_url(target)
    host = (parts.hostname or "") if parts is not None else ""
    if parts is None or "." not in host:
        return None
    try:
        host = host.encode("idna").decode("ascii") if not host.isascii() else host.lower()
    except UnicodeError:
        return None
    domain = registered_domain(host)
    on_platform = domain in lures.platforms
    where = fold(f"{host} {parts.path} {parts.query}")
    login_page = any(
        re.search(rf"(?<![a-z]){re.escape(word)}(?![a-z])", where) for word in lures.login_words
    )
    lookalike = not on_platform and any(name in fold(host) for name in lures.platform_names)
    return MessageLink(
        url=raw[:300],
        domain=domain,
        login_page=login_page,
        on_platform=on_platform,
        platform_lookalike=lookalike,
        free_hosting=domain in lures.free_hosting or host in lures.free_hosting,
        shortener=domain in lures.shorteners or host in lures.shorteners,
    )


def _attachments(text: str, lures: _Compiled) -> list[str]:
    names: list[str] = []
    text = _URL.sub(" ", text)  # a page in a link (".../order.htm") is no attachment
    for match in lures.attachment.finditer(text):
        name = match.group(1).strip("-.(")
        stem, _, _extension = name.rpartition(".")
        inner = stem.rpartition(".")[2].lower() if "." in stem else ""
        posing = inner in lures.document_extensions or (
            lures.document_words is not None
            and lures.document_words.search(fold(re.sub(r"[_\-.]+", " ", stem))) is not None
        )
        if posing and name not in names:
            names.append(name[:120])
        if len(names) >= MAX_ATTACHMENTS:
            break
    return names


__all__ = [
    "LURES_FILE",
    "MessageLink",
    "MessageReport",
    "load_lures",
    "read_message",
    "warm_up",
]
