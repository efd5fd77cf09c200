"""Contacts a lead left: on the inquiry or on the company website."""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from functools import lru_cache
from typing import Any
from urllib.parse import unquote

from leadcheck.models import Frozen
from leadcheck.net.urls import split_url


class SocialProfile(Frozen):
    network: str  # "facebook", "linkedin", "instagram", "twitter", "youtube", "tiktok", "vk", ...
    url: str


class Contacts(Frozen):
    """Contact points found for a lead; every list is deduplicated, in order found."""

    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()  # E.164 where it could be parsed, else as written
    whatsapp: tuple[str, ...] = ()  # wa.me / api.whatsapp.com links or numbers
    telegram: tuple[str, ...] = ()
    viber: tuple[str, ...] = ()
    wechat: tuple[str, ...] = ()
    zalo: tuple[str, ...] = ()  # zalo.me links: Vietnam's first messenger
    line: tuple[str, ...] = ()  # line.me links: Japan, Taiwan, Thailand
    social: tuple[SocialProfile, ...] = ()


# --- extraction ------------------------------------------------------------------------

_EMAIL = re.compile(
    r"(?<![\w.+-])([A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.[A-Za-z]{2,24})(?![\w-])"
)
_FILE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".css", ".js")
_SOCIAL_HOSTS = {
    "facebook.com": "facebook",
    "fb.com": "facebook",
    "linkedin.com": "linkedin",
    "instagram.com": "instagram",
    "twitter.com": "twitter",
    "x.com": "twitter",
    "youtube.com": "youtube",
    "tiktok.com": "tiktok",
    "vk.com": "vk",
    "ok.ru": "odnoklassniki",
    "xing.com": "xing",
    "weibo.com": "weibo",
    "pinterest.com": "pinterest",
}
# Every host a link is sorted by below: a link without one of these in it is none of them.
_KNOWN_HOST = re.compile(
    "|".join(
        re.escape(host)
        for host in (
            *_SOCIAL_HOSTS,
            "wa.me",
            "api.whatsapp.com",
            "chat.whatsapp.com",
            "web.whatsapp.com",
            "t.me",
            "telegram.me",
            "zalo.me",
            "line.me",
            "lin.ee",
        )
    )
)
_LINE_WITH_AT = re.compile(r"^[^\n@]*@[^\n]*", re.MULTILINE)  # the definition of...


def _lines_with_at(text: str) -> list[str]:
    """...the lines with an "@" (``_LINE_WITH_AT.findall(text)``), found with str methods."""
    if "@" not in text:
        return []
    return [line for line in text.split("\n") if "@" in line]


_SHARE_PATHS = ("/sharer", "/share", "/intent", "/sharearticle", "/dialog", "/plugins", "/tr")
MAX_PER_KIND = 10


def extract_contacts(
    text: str,
    links: Sequence[str] = (),
    *,
    region: str | None = None,
    emails: Sequence[str] | None = None,
) -> Contacts:
    """Contacts in a page's text and links; ``region`` (ISO country) helps read local phones.
    ``emails``: what :func:`emails_in` found in the same text and links, if it was asked
    already (they are not looked for again)."""
    addresses: list[str] = []
    phones: list[str] = []
    whatsapp: list[str] = []
    telegram: list[str] = []
    viber: list[str] = []
    wechat: list[str] = []
    zalo: list[str] = []
    line: list[str] = []
    social: dict[str, SocialProfile] = {}

    for link in links:
        lowered = link.lower()
        if lowered.startswith("mailto:"):
            if emails is None:
                address = unquote(link[7:].split("?", 1)[0]).strip()
                if _EMAIL.fullmatch(address):
                    addresses.append(address.lower())
            continue
        if lowered.startswith(("tel:", "callto:")):
            number = normalize_phone(unquote(link.split(":", 1)[1]), region)
            if number:
                phones.append(number)
            continue
        if lowered.startswith("viber:"):
            viber.append(link)
            continue
        if lowered.startswith(("weixin:", "wechat:")):
            wechat.append(link)
            continue
        if lowered.startswith("whatsapp:"):
            whatsapp.append(link)
            continue
        if not lowered.startswith(("http://", "https://", "//")):
            continue
        if _KNOWN_HOST.search(lowered) is None:
            continue  # its host, a piece of the link, is none of the hosts looked for
        parts = split_url(link if not link.startswith("//") else "https:" + link)
        if parts is None:
            continue
        host = (parts.hostname or "").lower().removeprefix("www.").removeprefix("m.")
        path = parts.path.lower()
        if host in ("wa.me", "api.whatsapp.com", "chat.whatsapp.com", "web.whatsapp.com"):
            whatsapp.append(link)
        elif host in ("t.me", "telegram.me"):
            telegram.append(link)
        elif host == "zalo.me" and len(path.strip("/")) > 1:
            zalo.append(link)
        elif host in ("line.me", "lin.ee") and len(path.strip("/")) > 1:
            line.append(link)
        elif host in _SOCIAL_HOSTS and _is_profile_path(path):
            network = _SOCIAL_HOSTS[host]
            key = network + path.rstrip("/")
            social.setdefault(key, SocialProfile(network=network, url=link))

    # Only the lines with an "@" are searched: no address spans a line break, and a line
    # break reads the same at both ends of a line whatever lines were left out.
    if emails is None:
        for match in _EMAIL.finditer("\n".join(_lines_with_at(text))):
            address = match.group(1)
            if not address.lower().endswith(_FILE_SUFFIXES):
                addresses.append(address.lower())
    else:
        addresses.extend(emails)
    phones.extend(_phones_in_text(text, region))

    return Contacts(
        emails=_first(addresses),
        phones=_first(phones),
        whatsapp=_first(whatsapp),
        telegram=_first(telegram),
        viber=_first(viber),
        wechat=_first(wechat),
        zalo=_first(zalo),
        line=_first(line),
        social=tuple(list(social.values())[:MAX_PER_KIND]),
    )


def emails_in(text: str, links: Sequence[str] = ()) -> tuple[str, ...]:
    """The email addresses of a page's ``mailto:`` links and text, lower-case, in order,
    at most :data:`MAX_PER_KIND` (the cheap part of :func:`extract_contacts`)."""
    found: list[str] = []
    for link in links:
        if link.lower().startswith("mailto:"):
            address = unquote(link[7:].split("?", 1)[0]).strip()
            if _EMAIL.fullmatch(address):
                found.append(address.lower())
    for match in _EMAIL.finditer("\n".join(_lines_with_at(text[:300_000]))):
        address = match.group(1)
        if not address.lower().endswith(_FILE_SUFFIXES):
            found.append(address.lower())
    return _first(found)


def _is_profile_path(path: str) -> bool:
    """A profile or page path, not a share button or the site's root."""
    return len(path.strip("/")) > 1 and not path.startswith(_SHARE_PATHS) and "share" not in path


def phone_text(raw: str) -> str:
    """A typed phone number in the form the parser reads best: full-width digits and
    plus signs folded (``＋４９``), ``00`` as the international prefix, ``(+49)`` unwrapped."""
    import unicodedata

    text = unicodedata.normalize("NFKC", raw).strip()
    if text.startswith("(+"):
        close = text.find(")")
        if close != -1:
            text = text[1:close] + " " + text[close + 1 :]
    if text.startswith("00") and not text.startswith("000"):
        text = "+" + text[2:]
    return text.strip()


def normalize_phone(raw: str, region: str | None = None) -> str | None:
    """A phone number in E.164 if it parses as a possible number, else None."""
    candidate = phone_text(raw)
    if not candidate or len(candidate) > 40:
        return None
    return _normalize_phone(candidate, (region or "").upper() or None)


@lru_cache(maxsize=8192)  # a batch asks for the same numbers again and again
def _normalize_phone(candidate: str, region: str | None) -> str | None:
    import phonenumbers

    try:
        number = phonenumbers.parse(candidate, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


# No valid phone number anywhere has a national number shorter than this (the least of
# every region's possible lengths in phonenumbers' metadata; a test keeps it so): a
# candidate with fewer digits cannot be one and is not parsed.
MIN_NATIONAL_DIGITS = 4
_VERIFIED_MEMO = 20_000


# A line of text with a digit in it (phonenumbers' \d: any decimal digit, as here).
_LINE_WITH_DIGIT = re.compile(r"^[^\n\d]*\d[^\n]*", re.MULTILINE)  # the definition of...
_DIGIT = re.compile(r"\d")


def _lines_with_digit(text: str) -> list[str]:
    """...the lines with a digit (``_LINE_WITH_DIGIT.findall(text)``), a line at a time:
    the regex tries (and backtracks through) every line without one. A page repeats
    its lines (menus, footers, product cards), so each distinct line is searched once."""
    lines = text.split("\n")
    with_digit = {line for line in set(lines) if _DIGIT.search(line)}
    return [line for line in lines if line in with_digit]


# phonenumbers' own bound on the candidates that come to nothing in one text
_MAX_TRIES = 65_535


def _phones_in_text(text: str, region: str | None) -> list[str]:
    import phonenumbers

    found: list[str] = []
    # Only the lines with a digit are searched: every candidate has digits and none
    # spans a line break, and a line break reads the same at both ends of a line
    # whether the lines between were there or not. So the matcher reads one line at a
    # time, and a line the page repeats (a menu, a footer, a product card) is read once:
    # what it gives, and the tries it spends, are those of its first reading. The tries
    # left are carried from line to line as one matcher over the joined lines spends
    # them: a line is taken as known only while more tries are left than it spent, so
    # running out happens where it would have happened.
    lines = _lines_with_digit(text[:100_000])
    # Without a region only international (+...) numbers can be read.
    preferred = (region or "").upper() or None
    matcher_class = _matcher_class()
    leniency = phonenumbers.Leniency.VALID
    e164 = phonenumbers.PhoneNumberFormat.E164
    tries = _MAX_TRIES
    read: dict[str, tuple[tuple[str, ...], int]] = {}
    for line in lines:
        known = read.get(line)
        if known is not None and known[1] < tries:
            numbers, spent = known
            tries -= spent
            for number in numbers:
                found.append(number)
                if len(found) >= MAX_PER_KIND:
                    return found
            continue
        matcher = matcher_class(line, preferred, leniency=leniency, max_tries=tries)
        numbers_found: list[str] = []
        for match in matcher:
            number = phonenumbers.format_number(match.number, e164)
            numbers_found.append(number)
            found.append(number)
            if len(found) >= MAX_PER_KIND:
                return found
        spent = tries - matcher._max_tries
        tries = matcher._max_tries
        if tries <= 0:
            return found  # out of tries: the one matcher would have stopped here
        read[line] = (tuple(numbers_found), spent)
    return found


_MATCHER: Any = None
_MATCHER_LOCK = threading.Lock()
# The memo answers only while the matcher has at least this many tries left: one
# candidate spends far fewer (a few per inner group), so the answer cannot depend on
# running out of them.
_PLENTY_OF_TRIES = 10_000


def _matcher_class() -> Any:
    """phonenumbers' matcher, made to skip the work whose answer is already known.

    A page is full of numbers that are no phone numbers (years, sizes, standards), and
    the matcher parses every one of them, several times over, page after page. The
    subclass remembers what each candidate came to: the answer depends only on the
    candidate's text, the region, the leniency, the character before it and the three
    after it (a letter next to it, or a time stamp's ``:30``, rule it out), so it is
    remembered by those, with the tries it spent. A candidate with
    fewer than :data:`MIN_NATIONAL_DIGITS` digits (or letters) is no valid number and
    is not parsed at all. What the matcher finds, in which order, and how many tries it
    spends, are unchanged.
    """
    global _MATCHER
    if _MATCHER is not None:
        return _MATCHER
    from phonenumbers import PhoneNumberMatch, PhoneNumberMatcher

    base: Any = PhoneNumberMatcher
    if not all(
        callable(getattr(base, name, None)) for name in ("_extract_match", "_parse_and_verify")
    ):  # pragma: no cover - a phonenumbers without these steps: use it as it is
        _MATCHER = base
        return base
    memo: dict[tuple[object, ...], tuple[int, int, str, Any] | None] = {}
    missing = object()
    lock = threading.Lock()

    class RememberingMatcher(base):  # type: ignore[misc]
        def _extract_match(self, candidate: str, offset: int) -> Any:
            if self._max_tries < _PLENTY_OF_TRIES:
                return super()._extract_match(candidate, offset)
            text = self.text
            end = offset + len(candidate)
            # what the answer depends on, taken a little wider (the characters around
            # rather than their classes): slicing is cheaper than classifying
            key = (
                candidate,
                self.preferred_region,
                self.leniency,
                text[offset - 1 : offset] if offset > 0 else None,
                text[end : end + 3],
            )
            with lock:
                known: Any = memo.get(key, missing)
            if known is not missing:
                if known is None:
                    return None
                tries, start, raw, number = known
                self._max_tries -= tries
                return PhoneNumberMatch(offset + start, raw, number)
            before = self._max_tries
            match = super()._extract_match(candidate, offset)
            spent = before - self._max_tries
            with lock:
                if len(memo) >= _VERIFIED_MEMO:
                    memo.clear()
                memo[key] = (
                    None
                    if match is None
                    else (spent, match.start - offset, match.raw_string, match.number)
                )
            return match

        def _parse_and_verify(self, candidate: str, offset: int) -> Any:
            if sum(1 for ch in candidate if ch.isalnum()) < MIN_NATIONAL_DIGITS:
                return None
            return super()._parse_and_verify(candidate, offset)

    with _MATCHER_LOCK:
        _MATCHER = RememberingMatcher
    return _MATCHER


def _first(items: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))[:MAX_PER_KIND]


def merge_contacts(*groups: Contacts | None) -> Contacts:
    """Several contact sets as one, order kept, duplicates dropped."""
    present = [group for group in groups if group is not None]

    def join(field: str) -> tuple[str, ...]:
        return _first([item for group in present for item in getattr(group, field)])

    social: dict[str, SocialProfile] = {}
    for group in present:
        for profile in group.social:
            social.setdefault(profile.url.lower().rstrip("/"), profile)
    return Contacts(
        emails=join("emails"),
        phones=join("phones"),
        whatsapp=join("whatsapp"),
        telegram=join("telegram"),
        viber=join("viber"),
        wechat=join("wechat"),
        zalo=join("zalo"),
        line=join("line"),
        social=tuple(social.values()),
    )
