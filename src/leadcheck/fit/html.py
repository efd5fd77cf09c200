"""Turn a web page or a text file into a :class:`FitInput`.

The extraction keeps what says what a company does: the title, the meta (or Open
Graph) description, the ``h1``-``h3`` headings, and the visible body text with image
``alt`` texts; scripts, styles and templates are dropped. Meta keywords are ignored:
they are stuffed too often to be evidence.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

from leadcheck.fit.scoring import FitInput

MAX_HEADINGS = 60
_HTML_SIGN = re.compile(r"<(?:!doctype\s+html|html|head|body|title|meta|div|p|h[1-6])[\s>/]", re.I)
_DROP = "script, style, noscript, template, svg, iframe"


def looks_like_html(text: str) -> bool:
    """Whether ``text`` looks like an HTML document (judged on its first 4 KB)."""
    return bool(_HTML_SIGN.search(text[:4096]))


def fit_input_from_html(
    html: str, *, company: str | None = None, message: str | None = None
) -> FitInput:
    """The fit-relevant parts of an HTML page."""
    tree = LexborHTMLParser(html)
    for node in tree.css(_DROP):
        node.decompose()
    title_node = tree.css_first("title")
    title = _squash(title_node.text()) if title_node is not None else None
    description = _meta(tree, 'meta[name="description" i]') or _meta(
        tree, 'meta[property="og:description" i]'
    )
    headings: list[str] = []
    for node in tree.css("h1, h2, h3"):
        text = _squash(node.text(separator=" "))
        if text and text not in headings:
            headings.append(text)
        if len(headings) >= MAX_HEADINGS:
            break
    body_node = tree.body or tree.root
    parts = [body_node.text(separator=" ")] if body_node is not None else []
    parts.extend(alt for node in tree.css("img[alt]") if (alt := node.attributes.get("alt")))
    return FitInput(
        title=title or None,
        description=description,
        headings=tuple(headings),
        body="\n".join(parts),
        company=company,
        message=message,
    )


def fit_input_from_text(
    text: str, *, company: str | None = None, message: str | None = None
) -> FitInput:
    """HTML is taken apart; anything else is body text."""
    if looks_like_html(text):
        return fit_input_from_html(text, company=company, message=message)
    return FitInput(body=text, company=company, message=message)


def _meta(tree: LexborHTMLParser, selector: str) -> str | None:
    node = tree.css_first(selector)
    if node is None:
        return None
    return _squash(node.attributes.get("content") or "") or None


def _squash(text: str) -> str:
    return " ".join(text.split())
