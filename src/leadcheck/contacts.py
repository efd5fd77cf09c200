"""Contacts a lead left: on the inquiry or on the company website."""

from __future__ import annotations

import re
from collections.abc import Sequence
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
_SHARE_PATHS = ("/sharer", "/share", "/intent", "/sharearticle", "/dialog", "/plugins", "/tr")
MAX_PER_KIND = 10


def extract_contacts(
    text: str, links: Sequence[str] = (), *, region: str | None = None
) -> Contacts:
    """Contacts in a page's text and links; ``region`` (ISO country) helps read local phones."""
    emails: list[str] = []
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
            address = unquote(link[7:].split("?", 1)[0]).strip()
            if _EMAIL.fullmatch(address):
                emails.append(address.lower())
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

    for match in _EMAIL.finditer(text):
        address = match.group(1)
        if not address.lower().endswith(_FILE_SUFFIXES):
            emails.append(address.lower())
    phones.extend(_phones_in_text(text, region))

    return Contacts(
        emails=_first(emails),
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
    for match in _EMAIL.finditer(text[:300_000]):
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
    import phonenumbers

    candidate = phone_text(raw)
    if not candidate or len(candidate) > 40:
        return None
    try:
        number = phonenumbers.parse(candidate, (region or "").upper() or None)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _phones_in_text(text: str, region: str | None) -> list[str]:
    import phonenumbers

    found: list[str] = []
    # Without a region only international (+...) numbers can be read.
    matcher = phonenumbers.PhoneNumberMatcher(
        text[:100_000], (region or "").upper() or None, leniency=phonenumbers.Leniency.VALID
    )
    for match in matcher:
        found.append(phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164))
        if len(found) >= MAX_PER_KIND:
            break
    return found


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
