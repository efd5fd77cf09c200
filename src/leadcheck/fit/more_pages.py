"""Which other pages of a site say what the company does: products, services, about.

Many sites say little on the home page and name their trade on the products,
services or about pages. :func:`pick_more_pages` chooses, from a parsed page's links,
up to ``limit`` same-site links that look like those pages, in the page's own
language. It is pure (no network, no clock): the caller fetches what it returns,
under its own bounds and deadline.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from urllib.parse import unquote

from leadcheck.fit.normalize import fold
from leadcheck.net.domains import registered_domain
from leadcheck.net.urls import join_url, split_url

MAX_LINKS_READ = 2_000  # links of one page looked at, at most
MAX_URL_LENGTH = 2_000


def _names(joined: str) -> tuple[str, ...]:
    return tuple(joined.split("|"))


# Words in a link's path, folded, that name a kind of page. Latin-script words are
# matched as whole path words (``/produkte/``, ``/about-us``, ``/chanpin/``); the
# others anywhere in the path (``/产品中心/``, ``/о-компании``).
KINDS: dict[str, tuple[str, ...]] = {
    "products": _names(
        "product|products|produkte|produkt|produits|produit|productos|producto|prodotti|"
        "prodotto|produtos|produto|producten|produkty|urunler|urun|san pham|sanpham|"
        "produk|catalog|catalogue|catalogo|katalog|shop|chanpin|cpzx|seihin|equipment|"
        "systems|range|продукция|продукты|каталог|товары|المنتجات|منتجات|产品|產品|製品|商品|제품|"
        "สินค้า|ผลิตภัณฑ์|उत्पाद"
    ),
    "services": _names(
        "services|service|solutions|solution|applications|application|leistungen|losungen|"
        "anwendungen|servicios|soluciones|aplicaciones|servizi|soluzioni|applicazioni|"
        "servicos|solucoes|aplicacoes|diensten|oplossingen|uslugi|rozwiazania|hizmetler|"
        "cozumler|dich vu|dichvu|giai phap|layanan|solusi|fangan|jiejue|услуги|решения|"
        "الخدمات|الحلول|解决方案|服务|应用|サービス|事業|사업|솔루션|บริการ|सेवाएं|सेवा"
    ),
    "about": _names(
        "about|about us|aboutus|company|profile|who we are|uber uns|ueber uns|unternehmen|"
        "a propos|qui sommes nous|societe|entreprise|nosotros|quienes somos|empresa|"
        "chi siamo|azienda|sobre|sobre nos|quem somos|over ons|bedrijf|o firmie|o nas|"
        "hakkimizda|kurumsal|gioi thieu|gioithieu|tentang kami|tentang|profil|guanyu|gsjj|"
        "gaiyou|kaisha|o kompanii|о компании|о нас|من نحن|عن الشركة|"
        "关于我们|公司简介|關於我們|会社概要|企業情報|회사소개|"
        "เกี่ยวกับเรา|हमारे बारे में"
    ),
}
_KIND_WEIGHT = {"products": 3.0, "services": 2.5, "about": 2.0}
_SKIP_WORDS = frozenset(
    _names(
        "account|agb|basket|cart|checkout|cookie|cookies|datenschutz|download|downloads|"
        "feed|impressum|legal|login|logout|print|privacy|register|rss|search|signin|"
        "signup|sitemap|tag|tags|terms|wishlist|wp admin|wp login"
    )
)
_FILE_EXTENSIONS = frozenset(
    _names(
        "7z|apk|avi|css|dmg|doc|docx|exe|gif|gz|ico|jpeg|jpg|js|json|mov|mp3|mp4|pdf|png|"
        "ppt|pptx|rar|svg|webp|xls|xlsx|xml|zip"
    )
)
_LANGUAGE_PREFIX = re.compile(r"^([a-z]{2})(?:[-_]([a-z]{2}|hans|hant))?$")
# Two-letter path prefixes that are language versions (``/de/``, ``/zh-cn/``), with the
# country codes sites use for them; other two-letter segments (``/cp/``) are not.
_LANGUAGES = frozenset(
    [
        "en",
        "de",
        "fr",
        "es",
        "it",
        "pt",
        "nl",
        "pl",
        "ru",
        "tr",
        "ar",
        "vi",
        "th",
        "id",
        "ja",
        "ko",
        "zh",
        "hi",
        "cs",
        "sk",
        "hu",
        "ro",
        "bg",
        "el",
        "sv",
        "da",
        "no",
        "nb",
        "fi",
        "uk",
        "he",
        "fa",
        "ms",
        "tl",
        "bn",
        "ur",
        "sr",
        "hr",
        "sl",
        "lt",
        "lv",
        "et",
        "ka",
        "az",
        "kk",
        "uz",
    ]
)
_COUNTRY_LANGUAGE = {
    "cn": "zh",
    "tw": "zh",
    "hk": "zh",
    "jp": "ja",
    "kr": "ko",
    "br": "pt",
    "gb": "en",
    "us": "en",
    "vn": "vi",
    "ua": "uk",
}
_WORD_SPLIT = re.compile(r"[/\s]+")
_NOT_LATIN = re.compile(r"[^\x00-\u024f]")


@dataclass(frozen=True, slots=True)
class _Candidate:
    url: str
    kind: str
    score: float
    order: int


def pick_more_pages(
    links: Iterable[str],
    base_url: str,
    *,
    language: str | None = None,
    limit: int = 3,
) -> tuple[str, ...]:
    """Up to ``limit`` same-site links to products, services or about pages.

    ``links`` are the page's ``href`` values as written (relative or absolute);
    ``base_url`` is the page's own URL; ``language`` its declared language (``de``,
    ``pt-BR``), if known. Links to another site, to files, to other language versions
    and to the page itself are left out; one page of each kind comes first (products,
    then services, then about), then the next best. The result is absolute URLs
    without fragments, in the order to fetch them.
    """
    if limit <= 0:
        return ()
    base = split_url(base_url)
    if base is None or base.scheme not in ("http", "https") or not base.hostname:
        return ()
    site = registered_domain(base.hostname)
    own = _page_key(base_url)
    wanted = _language_code(language)
    seen: set[str] = {own} if own else set()
    candidates: list[_Candidate] = []
    for order, href in enumerate(links):
        if order >= MAX_LINKS_READ:
            break
        candidate = _candidate(href, base_url, site, wanted, order)
        if candidate is None:
            continue
        key = _page_key(candidate.url)
        if key is None or key in seen:
            continue
        seen.add(key)
        candidates.append(candidate)
    candidates.sort(key=lambda c: (-c.score, len(c.url), c.order))
    chosen: list[_Candidate] = []
    for kind in ("products", "services", "about"):  # one of each kind first
        first = next((c for c in candidates if c.kind == kind), None)
        if first is not None:
            chosen.append(first)
    rest = [c for c in candidates if c not in chosen]
    chosen.extend(rest)
    return tuple(c.url for c in chosen[:limit])


def _candidate(
    href: str, base_url: str, site: str, wanted: str | None, order: int
) -> _Candidate | None:
    href = href.strip()
    if not href or len(href) > MAX_URL_LENGTH or href.startswith("#"):
        return None
    absolute = join_url(base_url, href)
    parts = split_url(absolute) if absolute else None
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    if registered_domain(parts.hostname) != site:
        return None
    path = unquote(parts.path or "/")
    segments = [s for s in path.split("/") if s]
    if segments and "." in segments[-1]:
        extension = segments[-1].rsplit(".", 1)[-1].lower()
        if extension in _FILE_EXTENSIONS:
            return None
    link_language = _path_language(segments) or _query_language(parts.query)
    if wanted and link_language and link_language != wanted:
        return None  # another language version of the site
    words = _words(path)
    if words & _SKIP_WORDS:
        return None
    kind, score = _kind(path, words)
    if kind is None:
        return None
    if parts.query:
        score -= 0.5  # a listing or a filter, rather than the page itself
    score -= 0.1 * max(0, len(segments) - 2)  # deep pages say less about the company
    url = parts._replace(fragment="").geturl()
    return _Candidate(url=url, kind=kind, score=score, order=order)


def _kind(path: str, words: set[str]) -> tuple[str | None, float]:
    folded = fold(path.replace("/", " / "))
    best: tuple[str | None, float] = (None, 0.0)
    for kind, latin, others in _kind_names():
        weight = _KIND_WEIGHT[kind]
        if weight <= best[1]:
            continue
        if not latin.isdisjoint(words) or any(name in folded for name in others):
            best = (kind, weight)
    return best


@cache
def _kind_names() -> tuple[tuple[str, frozenset[str], tuple[str, ...]], ...]:
    """Per kind: its Latin-script names (matched as path words) and the folded forms of
    the others (matched anywhere in the folded path), folded once."""
    return tuple(
        (
            kind,
            frozenset(name for name in names if not _NOT_LATIN.search(name)),
            tuple(fold(name) for name in names if _NOT_LATIN.search(name)),
        )
        for kind, names in KINDS.items()
    )


def _words(path: str) -> set[str]:
    """Folded path words and their runs: ``/about-us/`` gives ``about``, ``us``, ``about us``."""
    words: set[str] = set()
    for segment in _WORD_SPLIT.split(path):
        if not segment:
            continue
        stem = segment.rsplit(".", 1)[0] if "." in segment else segment
        folded = fold(stem)
        if not folded:
            continue
        words.add(folded)
        words.update(folded.split(" "))
    return words


def _language_code(language: str | None) -> str | None:
    if not language:
        return None
    code = language.strip().lower().replace("_", "-").split("-")[0]
    return code if re.fullmatch(r"[a-z]{2}", code) else None


def _path_language(segments: list[str]) -> str | None:
    if not segments:
        return None
    match = _LANGUAGE_PREFIX.match(segments[0].lower())
    if match is None:
        return None
    code = _COUNTRY_LANGUAGE.get(match.group(1), match.group(1))
    return code if code in _LANGUAGES else None


def _query_language(query: str) -> str | None:
    for pair in query.split("&"):
        name, _, value = pair.partition("=")
        if name.lower() in ("lang", "language", "hl", "locale"):
            return _language_code(value)
    return None


def _page_key(url: str) -> str | None:
    """A URL without scheme, ``www.``, fragment and trailing slash: one key per page."""
    parts = split_url(url)
    if parts is None or not parts.hostname:
        return None
    host = parts.hostname.removeprefix("www.")
    path = (parts.path or "/").rstrip("/") or "/"
    return f"{host}{path}?{parts.query}" if parts.query else f"{host}{path}"
