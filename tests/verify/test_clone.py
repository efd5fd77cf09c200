"""Cloned websites (leadcheck.verify.clone) from what a page says it is."""

from __future__ import annotations

import json

from leadcheck.contacts import emails_in
from leadcheck.verify.clone import find_clone
from leadcheck.verify.maillists import load_free_providers
from leadcheck.verify.page import read_page


def page(
    *,
    canonical: str | None = None,
    og_url: str | None = None,
    ld: dict[str, object] | None = None,
    email: str | None = None,
    footer: str = "© 2025 Aqua Systems GmbH. All rights reserved.",
) -> str:
    head = ""
    if canonical:
        head += f'<link rel="canonical" href="{canonical}">'
    if og_url:
        head += f'<meta property="og:url" content="{og_url}">'
    if ld:
        head += f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    contact = f'<p>Mail: <a href="mailto:{email}">{email}</a></p>' if email else ""
    return (
        f"<html><head><title>Aqua Systems</title>{head}</head><body><h1>Aqua Systems</h1>"
        f"<p>UV disinfection for water works.</p>{contact}<footer>{footer}</footer></body></html>"
    )


def clone_of(html: str, served: str) -> tuple[str, tuple[str, ...]] | None:
    content = read_page(html)
    found = find_clone(
        content, served, emails_in(content.text, content.links), load_free_providers()
    )
    return (found.of, found.markers) if found is not None else None


def test_a_copy_that_kept_the_original_canonical_and_structured_data() -> None:
    html = page(
        canonical="https://www.aqua-systems.de/",
        og_url="https://www.aqua-systems.de/",
        ld={"@type": "Organization", "url": "https://www.aqua-systems.de/"},
        email="sales@aqua-systems-export.com",
    )
    assert clone_of(html, "www.aqua-systems-export.com") == ("aqua-systems.de", ("json-ld", "self"))


def test_a_copy_on_a_look_alike_domain_is_told_by_its_canonical_alone() -> None:
    html = page(canonical="https://www.aquatech-wasser.de/", email="info@aquatech-waser.de")
    assert clone_of(html, "www.aquatech-waser.de") == ("aquatech-wasser.de", ("self",))


def test_a_copy_without_canonical_is_told_by_three_statements() -> None:
    html = page(
        ld={"url": "https://jinghua-water.com.cn/", "email": "export@jinghua-water.com.cn"},
        email="export@jinghua-water.com.cn",
        footer="Copyright © 2024 jinghua-water.com.cn 版权所有",
    )
    found = clone_of(html, "jinghua-water-group.com")
    assert found == ("jinghua-water.com.cn", ("copyright", "email", "json-ld"))


def test_the_sites_own_statements_are_no_clone() -> None:
    html = page(
        canonical="https://www.aqua-systems.de/",
        og_url="https://aqua-systems.de/",
        ld={"url": "https://www.aqua-systems.de/"},
        email="info@aqua-systems.de",
    )
    assert clone_of(html, "aqua-systems.de") is None
    # the same name under another suffix is the same company
    assert clone_of(html, "www.aqua-systems.com") is None


def test_one_statement_is_not_enough() -> None:
    # a stale canonical (a moved site, a forgotten staging domain) alone proves nothing
    html = page(canonical="https://old-agency-staging.net/aqua/", email="info@aqua-systems.de")
    assert clone_of(html, "aqua-systems.de") is None


def test_free_mail_and_social_links_name_nobody() -> None:
    html = page(
        og_url="https://www.facebook.com/aquasystems",
        ld={"url": "https://schema.org/Organization", "sameAs": ["https://x.com/aqua"]},
        email="aquasystems@gmail.com",
    )
    assert clone_of(html, "aqua-systems.de") is None


def test_the_copyright_words_are_the_pattern_s_alternatives() -> None:
    import re

    from leadcheck.verify import clone

    # the plain search (the reference) and the folded one look for the same words
    alternatives = re.compile("|".join(re.escape(word) for word in clone._COPYRIGHT_WORDS))
    for text in ["© 2026", "(C) Acme", "COPYRIGHT", "版权所有", "All Rights Reserved", "(c"]:
        assert bool(clone._COPYRIGHT.search(text)) == bool(
            alternatives.search(clone._fold_for_copyright(text))
        )
    inner = clone._COPYRIGHT.pattern.removeprefix("(").removesuffix(")")
    assert inner.replace("\\", "").split("|") == list(clone._COPYRIGHT_WORDS)
