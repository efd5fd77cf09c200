"""Read an HTML page: title, description, language, headings, visible text, links.

The page comes from a stranger: bytes are decoded defensively, text is bounded, and
every string handed on is stripped of control characters (see :mod:`textsafe`).
"""

from __future__ import annotations

import re
from functools import cached_property

from leadcheck.models import Frozen
from leadcheck.textsafe import clean_line, strip_controls

MAX_TEXT_CHARS = 300_000
MAX_LINKS = 2_000
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_\-]+)""", re.I)
_REFRESH_URL = re.compile(r"url\s*=\s*['\"]?([^'\";]+)", re.I)
_BLANKS = re.compile(r"[ \t\r\f\v\u00a0]+")
_NEWLINES = re.compile(r"\n\s*\n+")


class PageContent(Frozen):
    """What a page says, ready for the checks and for fit scoring."""

    title: str | None = None
    description: str | None = None
    language: str | None = None
    headings: tuple[str, ...] = ()
    text: str = ""
    links: tuple[str, ...] = ()
    meta_refresh: str | None = None
    generator: str | None = None

    @cached_property
    def word_count(self) -> int:
        return len(self.text.split())


def decode_body(body: bytes, content_type: str | None) -> str:
    """Bytes to text: the HTTP charset, then the page's meta charset, then a detector."""
    candidates: list[str] = []
    if content_type:
        match = re.search(r"charset\s*=\s*['\"]?([\w\-]+)", content_type, re.I)
        if match:
            candidates.append(match.group(1))
    meta = _META_CHARSET.search(body[:4096])
    if meta:
        candidates.append(meta.group(1).decode("ascii", "ignore"))
    if body.startswith(b"\xef\xbb\xbf"):
        candidates.insert(0, "utf-8-sig")
    candidates.append("utf-8")
    for name in candidates:
        label = name.lower()
        if label in ("gb2312", "gbk"):
            label = "gb18030"  # the superset, as browsers do
        try:
            return body.decode(label)
        except (LookupError, UnicodeDecodeError):
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(body[:200_000]).best()
    if best is not None:
        return body.decode(best.encoding, errors="replace")
    return body.decode("utf-8", errors="replace")


def parse_page(body: bytes, content_type: str | None = None) -> PageContent:
    """Parse HTML (or plain text) bytes into :class:`PageContent`."""
    text = decode_body(body, content_type)
    if content_type and "html" not in content_type.lower() and "<html" not in text[:2000].lower():
        return PageContent(text=_tidy(text))
    return parse_html(text)


def parse_html(html: str) -> PageContent:
    """Parse HTML text into :class:`PageContent`."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    title_node = tree.css_first("title")
    title = clean_line(title_node.text()) if title_node is not None else None

    description = None
    generator = None
    refresh = None
    language = None
    for meta in tree.css("meta"):
        attrs = meta.attributes
        name = (attrs.get("name") or attrs.get("property") or "").lower()
        http_equiv = (attrs.get("http-equiv") or "").lower()
        content = attrs.get("content") or ""
        if name in ("description", "og:description") and description is None and content:
            description = clean_line(content, limit=500)
        elif name == "generator" and content:
            generator = clean_line(content, limit=100)
        elif http_equiv == "refresh":
            match = _REFRESH_URL.search(content)
            if match:
                refresh = match.group(1).strip()
        elif http_equiv == "content-language" and content and language is None:
            language = content.split(",")[0].strip()
    html_node = tree.css_first("html")
    if html_node is not None:
        lang = html_node.attributes.get("lang") or html_node.attributes.get("xml:lang")
        if lang:
            language = lang
    if language:
        language = clean_line(language, limit=20)
        language = language.lower() if language else None

    headings = []
    for node in tree.css("h1, h2, h3"):
        heading = clean_line(node.text(separator=" "), limit=200)
        if heading:
            headings.append(heading)
        if len(headings) >= 50:
            break

    links: list[str] = []
    for node in tree.css("a[href], link[href], iframe[src], form[action]"):
        attrs = node.attributes
        href = attrs.get("href") or attrs.get("src") or attrs.get("action")
        if href:
            links.append(strip_controls(href.strip())[:2000])
        if len(links) >= MAX_LINKS:
            break

    for node in tree.css("script, style, noscript, template, svg"):
        node.decompose()
    root = tree.body or tree.root
    body_text = root.text(separator="\n") if root is not None else ""
    return PageContent(
        title=title,
        description=description,
        language=language,
        headings=tuple(headings),
        text=_tidy(body_text),
        links=tuple(dict.fromkeys(links)),
        meta_refresh=strip_controls(refresh)[:2000] if refresh else None,
        generator=generator,
    )


def _tidy(text: str) -> str:
    text = strip_controls(text.replace("\r\n", "\n"))
    text = _BLANKS.sub(" ", text)
    lines = (line.strip() for line in text.split("\n"))
    text = "\n".join(line for line in lines if line)
    return text[:MAX_TEXT_CHARS]
