"""The one page reader: HTML (or plain text), as bytes or text, to :class:`PageContent`.

Every route that reads a page goes through here: the website check of ``verify``
and ``batch``, ``score --website`` and ``score --text-file`` / stdin. The same HTML
therefore gives the same fit, whichever way it arrives.

What counts, decided once:

* the ``<title>``, the meta (or Open Graph) description, ``lang``;
* the ``h1``-``h3`` headings (at most :data:`MAX_HEADINGS`);
* the visible body text, without scripts, styles, templates, SVG and ``noscript``;
* image ``alt`` texts, kept apart (:attr:`PageContent.image_alts`): a product
  gallery often names the products only there, so fit reads them; the
  "is this a real page" checks count only the visible text;
* links (``a``, ``link``, ``iframe``, ``form``) for contacts and page kinds;
* what the page says it *is*: its canonical link, ``og:url``, ``og:site_name`` and
  the ``url``, ``@id`` and ``email`` values of its JSON-LD (a copied site keeps the
  original's), for the clone check.

Meta keywords are ignored: they are stuffed too often to be evidence.

The page comes from a stranger, so every read is bounded: the markup handed to the
parser (:data:`MAX_MARKUP_CHARS`) and its nesting depth (:data:`MAX_DEPTH`: the
parser's time grows with the square of the depth, so a page of 100,000 nested
``<div>`` is flattened first), the text kept, the links and headings. Bytes are
decoded only with a known set of text codecs (never ``punycode`` or ``rot13``), and
every string handed on is stripped of control characters (see :mod:`textsafe`).
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from functools import cached_property
from typing import TYPE_CHECKING, Any

from leadcheck.models import Frozen
from leadcheck.textsafe import clean_line, strip_controls
from leadcheck.wordwise import count_words

if TYPE_CHECKING:
    from leadcheck.deadline import Deadline

MAX_TEXT_CHARS = 300_000
MAX_MARKUP_CHARS = 4_000_000
MAX_LINKS = 2_000
MAX_HEADINGS = 60
MAX_ALTS = 300
MAX_DEPTH = 400
MAX_STRUCTURED = 40  # identity values taken from the page's JSON-LD
MAX_JSON_LD_CHARS = 100_000
_SEEN_HEADING_CHARS = 100_000  # of raw headings remembered, to clean each one once
# Below this many tags the nesting cannot be deep enough to slow the parser.
_DEPTH_SCAN_MIN_TAGS = 2 * MAX_DEPTH

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_\-]+)""", re.I)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*['\"]?([\w\-]+)", re.I)
_REFRESH_URL = re.compile(r"url\s*=\s*['\"]?([^'\";]+)", re.I)
_BLANKS = re.compile(r"[ \t\r\f\v\u00a0]+")  # what _tidy collapses (the definition)
_BLANK_CHARS = ("\t", "\r", "\f", "\v", "\u00a0")
_HTML_SIGN = re.compile(r"<(?:!doctype\s+html|html|head|body|title|meta|div|p|h[1-6])[\s>/]", re.I)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]{0,30})[^>]*?(/?)>")
# Elements that never hold children, or that the parser closes by itself when the
# next one opens: they add no depth however many there are.
_NO_DEPTH = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
        "p",
        "li",
        "dt",
        "dd",
        "option",
        "optgroup",
        "tr",
        "td",
        "th",
        "thead",
        "tbody",
        "tfoot",
        "colgroup",
        "rb",
        "rt",
        "rp",
    ]
)
# Text codecs a page may declare. Anything else (punycode, rot13, idna, base64,
# unicode-escape...) is not a page encoding and is ignored.
_SAFE_CODECS = frozenset(
    codecs.lookup(name).name
    for name in [
        "utf-8",
        "utf-8-sig",
        "utf-16",
        "utf-16-le",
        "utf-16-be",
        "utf-32",
        "ascii",
        "latin-1",
        "cp1250",
        "cp1251",
        "cp1252",
        "cp1253",
        "cp1254",
        "cp1255",
        "cp1256",
        "cp1257",
        "cp1258",
        "cp874",
        "cp932",
        "cp949",
        "cp950",
        "iso8859-2",
        "iso8859-3",
        "iso8859-4",
        "iso8859-5",
        "iso8859-6",
        "iso8859-7",
        "iso8859-8",
        "iso8859-9",
        "iso8859-10",
        "iso8859-11",
        "iso8859-13",
        "iso8859-14",
        "iso8859-15",
        "iso8859-16",
        "koi8-r",
        "koi8-u",
        "mac-roman",
        "mac-cyrillic",
        "gb18030",
        "gbk",
        "gb2312",
        "big5",
        "big5hkscs",
        "euc-jp",
        "euc-kr",
        "shift_jis",
        "shift_jis_2004",
        "iso2022-jp",
        "tis-620",
        "johab",
        "hz",
    ]
)


class PageContent(Frozen):
    """What a page says, ready for the checks and for fit scoring."""

    title: str | None = None
    description: str | None = None
    language: str | None = None
    headings: tuple[str, ...] = ()
    text: str = ""
    image_alts: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    meta_refresh: str | None = None
    generator: str | None = None
    canonical: str | None = None  # <link rel="canonical">
    og_url: str | None = None  # <meta property="og:url">
    site_name: str | None = None  # <meta property="og:site_name">
    structured: tuple[str, ...] = ()  # JSON-LD "url", "@id" and "email" values
    flattened: bool = False  # the markup nested too deep and was flattened before parsing

    @cached_property
    def word_count(self) -> int:
        return count_words(self.text)

    def __getstate__(self) -> dict[Any, Any]:
        """The pickled page (a run's caches keep pages frozen: memo.freeze), its words
        counted first so that a thawed page does not count them again."""
        self.word_count  # noqa: B018 - the cached property, computed into __dict__
        return super().__getstate__()


class ReadPage(Frozen):
    """A page read from a response: its content and the markup the page kinds look at."""

    content: PageContent
    markup: str = ""  # the (bounded) HTML; empty for a plain-text document


def looks_like_html(text: str) -> bool:
    """Whether ``text`` looks like an HTML document (judged on its first 4 KB)."""
    return bool(_HTML_SIGN.search(text[:4096]))


def _codec(label: str) -> str | None:
    """The Python codec for a declared charset, if it is a known text encoding."""
    name = label.strip().lower()
    if name in ("gb2312", "gbk", "x-gbk"):
        name = "gb18030"  # the superset, as browsers do
    elif name in ("iso-8859-1", "latin1", "us-ascii"):
        name = "cp1252"  # as browsers do (WHATWG Encoding)
    try:
        canonical = codecs.lookup(name).name
    except (LookupError, ValueError):
        return None
    return canonical if canonical in _SAFE_CODECS else None


def decode_body(body: bytes, content_type: str | None = None) -> str:
    """Bytes to text: the BOM, the HTTP charset, the page's meta charset, then a detector."""
    return _decode_body(body, content_type)[0]


def _decode_body(body: bytes, content_type: str | None) -> tuple[str, str | None]:
    """:func:`decode_body`, and the codec that decoded the whole body strictly (None
    when the text was decoded with replacements)."""
    candidates: list[str] = []
    if body.startswith(b"\xef\xbb\xbf"):
        candidates.append("utf-8-sig")
    elif body.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates.append("utf-16")
    if content_type:
        match = _HEADER_CHARSET.search(content_type)
        if match:
            candidates.append(match.group(1))
    meta = _META_CHARSET.search(body[:4096])
    if meta:
        candidates.append(meta.group(1).decode("ascii", "ignore"))
    candidates.append("utf-8")
    for label in candidates:
        codec = _codec(label)
        if codec is None:
            continue
        try:
            return body.decode(codec), codec
        except (UnicodeError, LookupError):
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(body[:200_000]).best()
    if best is not None:
        codec = _codec(best.encoding)
        if codec is not None:
            return body.decode(codec, errors="replace"), None
    return body.decode("utf-8", errors="replace"), None


def read_page(
    source: bytes | str,
    content_type: str | None = None,
    *,
    deadline: Deadline | None = None,
) -> PageContent:
    """Read a page (bytes as fetched, or text as saved) into :class:`PageContent`."""
    return read_document(source, content_type, deadline=deadline).content


def read_document(
    source: bytes | str,
    content_type: str | None = None,
    *,
    deadline: Deadline | None = None,
) -> ReadPage:
    """:func:`read_page`, keeping the bounded markup for the page-kind signatures.

    A ``content_type`` that is not HTML, for a document that does not look like
    HTML, makes plain text. Parsing is bounded so that it is always short; a
    ``deadline`` already passed gives an empty page instead of a late one.
    """
    utf8 = None  # the body, when it is the UTF-8 of the text throughout
    if isinstance(source, str):
        text = source
    else:
        text, codec = _decode_body(source, content_type)
        utf8 = source if codec == "utf-8" else None
    declared = (content_type or "").lower()
    if (declared and "html" not in declared and "<html" not in text[:2000].lower()) or (
        not declared and not looks_like_html(text)
    ):
        return ReadPage(content=PageContent(text=_tidy(text[: MAX_TEXT_CHARS * 2])))
    if deadline is not None and deadline.expired:
        return ReadPage(content=PageContent())
    markup, flattened = bound_markup(text)
    # Bytes that were UTF-8 throughout, and are handed on whole, are what the parser
    # would get from the markup (it reads UTF-8): given as they came, they are not
    # encoded again.
    whole = not flattened and len(markup) == len(text)
    content = parse_html(markup, utf8=utf8 if whole else None)
    if flattened:
        content = content.model_copy(update={"flattened": True})
    return ReadPage(content=content, markup=markup)


def bound_markup(html: str) -> tuple[str, bool]:
    """The markup the parser may see: at most :data:`MAX_MARKUP_CHARS`, nested at most
    :data:`MAX_DEPTH` deep (tags beyond that depth are dropped, their text kept)."""
    html = html[:MAX_MARKUP_CHARS]
    if html.count("<") < _DEPTH_SCAN_MIN_TAGS or _depth_bound(html) <= MAX_DEPTH:
        return html, False
    depth = 0
    for _match, step in _depth_steps(html):
        depth = max(0, depth + step)
        if depth > MAX_DEPTH:
            break
    else:
        return html, False
    pieces: list[str] = []
    depth = 0
    last = 0
    for match, step in _depth_steps(html):
        keep = depth < MAX_DEPTH if step > 0 else depth <= MAX_DEPTH
        depth = max(0, depth + step)
        if not keep:
            pieces.append(html[last : match.start()])
            pieces.append(" ")
            last = match.end()
    pieces.append(html[last:])
    return "".join(pieces), True


# Inside these the parser honours "<x/>" (foreign content: SVG, MathML)...
_FOREIGN = frozenset({"svg", "math"})
# ...unless x is one of the HTML elements that end foreign content (the HTML standard's
# list); everywhere else "<div/>" opens a div like "<div>" does.
_BREAKOUT = frozenset(
    {
        "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt",
        "em", "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li",
        "listing", "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s", "small", "span",
        "strong", "strike", "sub", "sup", "table", "tt", "u", "ul", "var",
    }
)  # fmt: skip


def _depth_steps(html: str) -> Iterator[tuple[re.Match[str], int]]:
    """The tags that change the nesting depth, with +1 (opens) or -1 (closes)."""
    foreign = 0
    for match in _TAG.finditer(html):
        name = match.group(2).lower()
        if name in _NO_DEPTH:
            continue
        if match.group(1):
            if name in _FOREIGN and foreign:
                foreign -= 1
            yield match, -1
            continue
        if match.group(3) and (name in _FOREIGN or (foreign and name not in _BREAKOUT)):
            continue  # "<path/>" in an SVG, "<svg/>": no children
        if name in _FOREIGN:
            foreign += 1
        yield match, 1


_CHUNK = 8192
# "<" and what follows it, when that is "/" (a closing tag) or starts a tag that opens
# without a closing tag in most pages (a void element, a comment or doctype): those do
# not add depth. One pass of a regular expression counts them all.
_TAG_START = re.compile(r"<(?:/|img|br|meta|input|link|hr|source|wbr|!)?")


def _depth_bound(html: str) -> int:
    """An upper bound on the nesting depth, from counts made in C, chunk by chunk.

    Within a chunk the depth can rise at most by the tags it opens; across chunks it
    moves by what each chunk opens minus what it closes. Void elements are left out
    (they open nothing); a self-closing ``<x/>`` counts as opening, since only SVG and
    MathML honour the slash (``<div/>`` opens a div); a page that leaves many ``<p>``
    or ``<li>`` unclosed, or draws many SVG paths, only raises the bound, and then the
    exact scan decides.
    """
    depth = 0
    highest = 0
    for start in range(0, len(html), _CHUNK):
        starts = _TAG_START.findall(html, start, start + _CHUNK)
        closes = starts.count("</")
        opens = starts.count("<")  # "<" followed by anything else: a tag that may nest
        highest = max(highest, depth + opens)
        depth = max(0, depth + opens - closes)
    return highest


def parse_html(html: str, *, utf8: bytes | None = None) -> PageContent:
    """Parse HTML text (already bounded, see :func:`bound_markup`) into :class:`PageContent`.

    ``utf8``, when given, is ``html`` encoded as UTF-8 (the body as it was fetched),
    parsed instead of encoding ``html`` again."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(utf8 if utf8 is not None else html)
    title_node = tree.css_first("title")
    title = clean_line(title_node.text()) if title_node is not None else None

    description = None
    og_description = None
    generator = None
    refresh = None
    language = None
    og_url = None
    site_name = None
    for meta in tree.css("meta"):
        attrs = meta.attributes
        name = (attrs.get("name") or attrs.get("property") or "").lower()
        http_equiv = (attrs.get("http-equiv") or "").lower()
        content = attrs.get("content") or ""
        if name == "description" and description is None and content:
            description = clean_line(content, limit=500)
        elif name == "og:description" and og_description is None and content:
            og_description = clean_line(content, limit=500)
        elif name == "generator" and content:
            generator = clean_line(content, limit=100)
        elif name == "og:url" and og_url is None and content:
            og_url = strip_controls(content.strip())[:2000]
        elif name == "og:site_name" and site_name is None and content:
            site_name = clean_line(content, limit=200)
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

    headings: dict[str, None] = {}  # in order, each once
    # A product grid repeats its headings: each is cleaned once. What is remembered for
    # that is bounded: nested headings each hold all the text inside them.
    seen_headings: set[str] = set()
    seen_room = _SEEN_HEADING_CHARS
    for node in tree.css("h1, h2, h3"):
        raw_heading = node.text(separator=" ")
        if raw_heading in seen_headings:
            continue  # cleaned before: already in headings (or empty), which has not grown
        if len(raw_heading) <= seen_room:
            seen_headings.add(raw_heading)
            seen_room -= len(raw_heading)
        heading = clean_line(raw_heading, limit=200)
        if heading:
            headings[heading] = None
        if len(headings) >= MAX_HEADINGS:
            break

    canonical = None
    for node in tree.css("link[rel][href]"):
        if "canonical" in (node.attributes.get("rel") or "").lower().split():
            canonical = strip_controls((node.attributes.get("href") or "").strip())[:2000] or None
            break
    structured: list[str] = []
    for node in tree.css('script[type="application/ld+json"]'):
        _json_ld_identity(node.text()[:MAX_JSON_LD_CHARS], structured)
        if len(structured) >= MAX_STRUCTURED:
            break

    links: dict[str, None] = {}  # in order, each once
    raw_links: set[str] = set()  # menus repeat their links: each cleaned once
    taken = 0  # every link counts towards the bound, repeats too
    for node in tree.css("a[href], link[href], iframe[src], form[action]"):
        attrs = node.attributes
        href = attrs.get("href") or attrs.get("src") or attrs.get("action")
        if href:
            taken += 1
            if href not in raw_links:
                raw_links.add(href)
                links[strip_controls(href.strip())[:2000]] = None
        if taken >= MAX_LINKS:
            break

    alts: dict[str, None] = {}
    seen_alts: set[str] = set()  # a product grid repeats its alt texts: each cleaned once
    for node in tree.css("img[alt]"):
        raw_alt = node.attrs.get("alt") or ""
        if raw_alt in seen_alts:
            continue  # cleaned before: already in alts (or empty), and alts has not grown
        seen_alts.add(raw_alt)
        alt = clean_line(raw_alt, limit=200)
        if alt:
            alts[alt] = None
        if len(alts) >= MAX_ALTS:
            break

    for node in tree.css("script, style, noscript, template, svg"):
        node.decompose()
    root = tree.body or tree.root
    body_text = root.text(separator="\n") if root is not None else ""
    return PageContent(
        title=title or None,
        description=description or og_description,
        language=language,
        headings=tuple(headings),
        text=_tidy(body_text),
        image_alts=tuple(alts),
        links=tuple(links),
        meta_refresh=strip_controls(refresh)[:2000] if refresh else None,
        generator=generator,
        canonical=canonical,
        og_url=og_url,
        site_name=site_name or None,
        structured=tuple(dict.fromkeys(structured))[:MAX_STRUCTURED],
    )


_IDENTITY_KEYS = frozenset({"url", "@id", "email"})


def _json_ld_identity(text: str, found: list[str]) -> None:
    """The ``url``, ``@id`` and ``email`` strings of one JSON-LD block, bounded in depth
    and count; a block that is not JSON adds nothing."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return
    stack: list[tuple[object, int]] = [(data, 0)]
    visited = 0
    while stack and visited < 500 and len(found) < MAX_STRUCTURED:
        item, depth = stack.pop()
        visited += 1
        if depth > 12:
            continue
        if isinstance(item, dict):
            for key, value in item.items():
                if key in _IDENTITY_KEYS and isinstance(value, str) and value.strip():
                    found.append(strip_controls(value.strip())[:500])
                elif isinstance(value, dict | list):
                    stack.append((value, depth + 1))
        elif isinstance(item, list):
            stack.extend((value, depth + 1) for value in item[:100])


def _tidy(text: str) -> str:
    """Controls removed, each run of blanks one space, lines stripped, empty lines dropped."""
    text = strip_controls(text.replace("\r\n", "\n"))
    # = _BLANKS.sub(" ", text), with str methods (C loops) instead of a regex that
    # would stop at every single space of the page
    for blank in _BLANK_CHARS:
        if blank in text:
            text = text.replace(blank, " ")
    while "  " in text:
        text = text.replace("  ", " ")
    # each line stripped, the empty ones dropped (map and filter: C loops)
    text = "\n".join(filter(None, map(str.strip, text.split("\n"))))
    return text[:MAX_TEXT_CHARS]
