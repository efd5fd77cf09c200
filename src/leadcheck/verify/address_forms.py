"""The shapes an email address arrives in besides the bare address, and simple repairs.

Exported address-book cells and CRM columns often hold ``My Name <me@example.org>``,
``"Wei, Li" <li@acme.cn>``, ``me@example.org (My Name)`` or ``mailto:me@example.org``:
:func:`extract_address` takes the address out. A hand-typed address may also be broken
in ways that have one obvious reading (``li@gmail..com``, ``li#gmail.com``,
``li@gmail,com``, ``li (at) acme.de``): :func:`repair_address` returns that reading,
for a suggestion only -- the address as given is still judged invalid.

Both work on bounded input (:data:`MAX_INPUT` characters) with simple patterns, no
backtracking blow-up.
"""

from __future__ import annotations

import re

MAX_INPUT = 1000  # longer cells are no address form worth reading

# `Display Name <addr>`, `"Quoted, Name" <addr>`, `<addr>`; the name holds no `<`/`>`.
_ANGLE = re.compile(r"^[^<>]{0,400}<\s*(?:mailto:)?([^<>\s]{1,320})\s*>\s*$", re.IGNORECASE)
# `addr (Display Name)`: an RFC 5322 comment after the address.
_COMMENT = re.compile(r"^([^\s()<>]{1,320}@[^\s()<>]{1,255})\s*\([^()]{0,400}\)\s*$")
_MAILTO = re.compile(r"^mailto:([^?\s]{1,320})(?:\?\S*)?$", re.IGNORECASE)


def extract_address(raw: str) -> str | None:
    """The address inside a display-name, comment or ``mailto:`` form; None if ``raw``
    is none of these (a bare address, or something else)."""
    text = raw.strip()
    if len(text) > MAX_INPUT:
        return None
    for pattern in (_ANGLE, _COMMENT, _MAILTO):
        match = pattern.match(text)
        if match and "@" in match.group(1):
            return match.group(1)
    return None


_LIST_SEPARATORS = re.compile(r"[;|、\n]+")
_TOKEN_SEPARATORS = re.compile(r"[\s,/]+")


def first_address(cell: str, *, skip: frozenset[str] = frozenset()) -> str | None:
    """The first address of a cell that may list several (``a@x.com; b@y.com``,
    ``a@x.com, b@y.com``), keeping a display-name form whole (``"Wei, Li" <li@acme.cn>``)
    for :func:`extract_address`. ``skip`` holds placeholder words (case-folded) that are
    no address ("n/a", "无"). ``verify`` and ``batch`` read a cell the same way."""
    text = cell.strip()
    if not text:
        return None
    if extract_address(text) is not None:
        return text
    for part in _LIST_SEPARATORS.split(text):
        part = part.strip()
        if not part or part.casefold() in skip:
            continue
        if extract_address(part) is not None:
            return part
        for token in _TOKEN_SEPARATORS.split(part):
            if token and token.casefold() not in skip:
                return token
    return None


_AT_WORD = re.compile(r"\s*[\(\[\{]\s*at\s*[\)\]\}]\s*|\s+at\s+", re.IGNORECASE)
_DOT_WORD = re.compile(r"\s*[\(\[\{]\s*dot\s*[\)\]\}]\s*|\s+dot\s+", re.IGNORECASE)
_EDGE_JUNK = "<>\"'`;:,()[]{}"


def repair_address(raw: str) -> str | None:
    """The one obvious reading of a broken address, or None when there is none.

    Repairs: blanks around ``@`` and dots, ``(at)``/``[at]``/`` at `` and ``(dot)``,
    ``#`` typed for ``@`` (when there is no ``@``), ``@@``, stray punctuation at the
    ends or right after the ``@``, ``,`` for ``.`` in the domain, and runs of dots
    (``gmail..com``). Returns None if nothing changed or no ``local@domain`` results.
    """
    text = raw.strip()
    if not text or len(text) > MAX_INPUT:
        return None
    fixed = _DOT_WORD.sub(".", _AT_WORD.sub("@", text))
    fixed = re.sub(r"\s*@\s*", "@", fixed)
    fixed = re.sub(r"\s*\.\s*", ".", fixed)
    if "@" not in fixed and fixed.count("#") == 1:
        fixed = fixed.replace("#", "@")
    fixed = re.sub("@{2,}", "@", fixed).strip(_EDGE_JUNK + " ")
    if fixed.count("@") != 1:
        return None
    local, domain = fixed.split("@")
    domain = domain.lstrip(_EDGE_JUNK + "#.").replace(",", ".")
    local = re.sub(r"\.{2,}", ".", local).strip(".")
    domain = re.sub(r"\.{2,}", ".", domain).strip(".")
    if not local or not domain or re.search(r"\s", local + domain):
        return None
    repaired = f"{local}@{domain}"
    return repaired if repaired != text else None
