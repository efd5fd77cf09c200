"""Cloned websites: a page that says it belongs to another company's domain.

A fraudster copies a real company's site onto a look-alike domain and swaps the
phone number or the email; the rest of the copy still names the original. The
page's own statements of where it lives are read (:mod:`leadcheck.verify.page`):

* ``self``: its canonical link and ``og:url`` (one statement: SEO plugins write both
  from the same setting);
* ``json-ld``: the ``url``, ``@id`` and ``email`` of its structured data;
* ``email``: the addresses it lists (free-mail providers say nothing and are skipped);
* ``copyright``: a domain named on its copyright line.

A page is a clone of domain ``X`` -- neither the domain it was served from nor the
same name under another suffix -- when ``X`` is its ``self`` URL and one more kind of
statement agrees, or when three kinds agree, or when its ``self`` URL is a look-alike
of the serving domain (``aquatech-wasser.de`` served from ``aquatech-waser.de``). A
company that serves a mirror of its group's site names its group's domain, so the
verdict does not call a page a clone of the lead's *own email domain*
(:mod:`leadcheck.verify.verdict`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from leadcheck.models import Frozen
from leadcheck.net.domains import Relation, registered_domain, relation
from leadcheck.net.urls import split_url
from leadcheck.verify.page import PageContent
from leadcheck.verify.page_kinds import lower_ascii

# Domains a page names without saying it is theirs.
_NOT_IDENTITY = frozenset(
    {
        "schema.org",
        "w3.org",
        "wordpress.org",
        "wordpress.com",
        "wp.com",
        "gravatar.com",
        "googleapis.com",
        "gstatic.com",
        "google.com",
        "cloudflare.com",
        "jsdelivr.net",
        "facebook.com",
        "linkedin.com",
        "instagram.com",
        "youtube.com",
        "x.com",
        "twitter.com",
        "wa.me",
        "whatsapp.com",
        "example.com",
        "sentry.io",
        "wixpress.com",
    }
)
_COPYRIGHT = re.compile(r"(©|\(c\)|copyright|版权所有|all rights reserved)", re.IGNORECASE)
# The same search without IGNORECASE, on text whose letters are folded the way
# IGNORECASE compares them: lower-cased, and the three letters lower() leaves apart
# from the pattern's (dotless ı and dotted İ are i there, long ſ is s). Lower-casing
# keeps each character one character once İ is gone, so a match sits where it would
# in the text itself; each of the pattern's alternatives is then found by str.find.
_COPYRIGHT_WORDS = ("©", "(c)", "copyright", "版权所有", "all rights reserved")
_IGNORECASE_LETTERS = (("İ", "i"), ("ı", "i"), ("ſ", "s"))
_DOMAIN_IN_TEXT = re.compile(
    r"(?<![\w@.-])((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24})(?![\w-])"
)
MAX_COPYRIGHT_LINES = 5


class Clone(Frozen):
    """The domain a copied page names, and the kinds of statement that named it."""

    of: str
    markers: tuple[str, ...]


def _host_domain(url: str | None) -> str | None:
    if not url:
        return None
    text = url.strip()
    if text.startswith("//"):
        text = "https:" + text
    parts = split_url(text)
    host = parts.hostname if parts is not None else None
    if not host or "." not in host:
        return None
    try:
        ascii_host = host.encode("idna").decode("ascii") if not host.isascii() else host
    except UnicodeError:
        return None
    return registered_domain(ascii_host.lower().rstrip("."))


def find_clone(
    page: PageContent, served_host: str, emails: Sequence[str], free_mail: frozenset[str]
) -> Clone | None:
    """The original ``page`` was copied from, if it names one (see the module docstring).

    ``emails`` are the addresses on the page; ``free_mail`` the free-mail domains.
    """
    served = registered_domain(served_host.lower().rstrip("."))
    statements: dict[str, set[str]] = {}

    def note(domain: str | None, kind: str) -> None:
        if not domain or domain in _NOT_IDENTITY or domain == served:
            return
        if relation(domain, served) in (Relation.SAME, Relation.RELATED):
            return
        statements.setdefault(domain, set()).add(kind)

    for url in (page.canonical, page.og_url):
        note(_host_domain(url), "self")
    for value in page.structured:
        if "@" in value and "://" not in value:
            domain = value.rsplit("@", 1)[-1].strip().lower().removeprefix("mailto:")
            note(registered_domain(domain), "json-ld")
        else:
            note(_host_domain(value), "json-ld")
    for address in emails:
        domain = registered_domain(address.rsplit("@", 1)[-1])
        if domain not in free_mail:
            note(domain, "email")
    for line in _copyright_lines(page.text)[-MAX_COPYRIGHT_LINES:]:
        for match in _DOMAIN_IN_TEXT.finditer(line.lower()[:300]):
            note(registered_domain(match.group(1)), "copyright")

    from leadcheck.net.confusables import confusable

    best: Clone | None = None
    for domain, kinds in statements.items():
        lookalike = "self" in kinds and (
            relation(domain, served) is Relation.LOOKALIKE or confusable(domain, served)
        )
        if lookalike or ("self" in kinds and len(kinds) >= 2) or len(kinds) >= 3:
            candidate = Clone(of=domain, markers=tuple(sorted(kinds)))
            if best is None or len(candidate.markers) > len(best.markers):
                best = candidate
    return best


# Where str.splitlines() breaks a line, besides "\n" (page text has none of them: the
# page reader removes control characters and turns the Unicode separators into spaces).
_OTHER_LINE_BREAKS = ("\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")


def _copyright_lines(text: str) -> list[str]:
    """The lines of ``text`` with a copyright sign in them, in order, each once: as
    ``[line for line in text.splitlines() if _COPYRIGHT.search(line)]``, from one search
    of the whole text (a match never spans a line break) instead of one per line."""
    if any(mark in text for mark in _OTHER_LINE_BREAKS):
        return [line for line in text.splitlines() if _COPYRIGHT.search(line)]
    folded = _fold_for_copyright(text)
    lines: list[str] = []
    position = 0
    # each alternative found by str.find (a C scan) rather than by a regex, which
    # tests a set of first characters at every position of the page
    found = {word: folded.find(word) for word in _COPYRIGHT_WORDS}
    while True:
        present = [at for at in found.values() if at >= 0]
        if not present:
            return lines
        first = min(present)
        start = text.rfind("\n", 0, first) + 1
        end = text.find("\n", first)
        end = len(text) if end == -1 else end
        lines.append(text[start:end])
        position = end + 1
        for word, at in found.items():
            if 0 <= at < position:
                found[word] = folded.find(word, position)


def _fold_for_copyright(text: str) -> str:
    """``text`` as the IGNORECASE search compares it with the copyright pattern: the
    three letters it takes for ASCII ones made those, then lower-cased. The pattern's
    other characters (©, 版权所有) have no case, so only ASCII letters need lowering
    (:func:`~leadcheck.verify.page_kinds.lower_ascii`, which lowers in full a text
    holding the Kelvin sign, whose lower case is k)."""
    folded = text
    for letter, plain in _IGNORECASE_LETTERS:
        if letter in folded:
            folded = folded.replace(letter, plain)
    return lower_ascii(folded)


__all__ = ["Clone", "find_clone"]
