"""Pages kept compact while a run remembers them.

A batch remembers each site it probed (and the extra pages fit read) for as long as
its leads keep coming: with real pages of 20,000 characters of text and more, a few
thousand sites would fill the memory, or push each other out of the cache and be
fetched again. So a remembered page keeps its text and links compressed (zlib, level
1: a few hundred microseconds per page in all), and is unpacked, as the same
:class:`~leadcheck.verify.page.PageContent`, when a lead needs it.
"""

from __future__ import annotations

import zlib

from leadcheck.verify.page import PageContent

PackedPage = tuple[
    str | None,  # title
    str | None,  # description
    str | None,  # language
    tuple[str, ...],  # headings
    bytes,  # the text, compressed
    tuple[str, ...],  # image alts
    bytes,  # the links, NUL-separated (the page reader removes NULs from links), compressed
    int,  # how many links
    str | None,  # meta refresh
    str | None,  # generator
    bool,  # flattened
    int,  # the words of the text (PageContent.word_count, counted once)
]


def pack_page(page: PageContent) -> PackedPage:
    links = "\x00".join(page.links).encode("utf-8", "surrogatepass")
    return (
        page.title,
        page.description,
        page.language,
        page.headings,
        zlib.compress(page.text.encode("utf-8", "surrogatepass"), 1),
        page.image_alts,
        zlib.compress(links, 1) if page.links else b"",
        len(page.links),
        page.meta_refresh,
        page.generator,
        page.flattened,
        page.word_count,
    )


def unpack_page(packed: PackedPage) -> PageContent:
    (title, description, language, headings, text, alts, links, count, refresh, generator,
     flattened, words) = packed  # fmt: skip
    link_text = zlib.decompress(links).decode("utf-8", "surrogatepass") if count else ""
    page = PageContent.model_construct(
        title=title,
        description=description,
        language=language,
        headings=headings,
        text=zlib.decompress(text).decode("utf-8", "surrogatepass"),
        image_alts=alts,
        links=tuple(link_text.split("\x00")) if count else (),
        meta_refresh=refresh,
        generator=generator,
        flattened=flattened,
    )
    page.__dict__["word_count"] = words  # the cached property, as it was counted
    return page


def packed_size(packed: PackedPage) -> int:
    """About how many bytes a packed page holds."""
    title, description, _lang, headings, text, alts, links, *_ = packed
    small = sum(len(item) for item in (*headings, *alts)) + len(title or "")
    return 400 + len(text) + len(links) + small + len(description or "")
