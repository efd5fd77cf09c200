"""CPU per site of reading a real-sized page: the page reader, page kinds, contacts, fit.

Run:  python benchmarks/bench_pages.py [--sites 300]

The pages are those of bench_batch.py (benchmarks/pages.py: 30-80 KB home pages in ten
languages). For each site, in one process, the CPU time (``time.process_time``) of:
``read_document`` (decode, bound the markup, parse with lexbor, extract the text,
headings, links and alts), ``classify_page`` (parked, for sale, default...), the
copyright lines a clone check reads,
``extract_contacts`` (e-mails, phones read for the site's country, social links) and
``score_fit`` the first time a page is scored (folding and matching its fields) and
again with another lead's words (its matches come from the cache). The median and the
mean of three passes over all sites; lexbor's parse alone for scale.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pages import company_site

COUNTRIES = ("DE", "ES", "IT", "FR", "VN", "BR", "IN", "TR", "US", "AE")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sites", type=int, default=300)
    args = parser.parse_args()

    from selectolax.lexbor import LexborHTMLParser

    from leadcheck.contacts import extract_contacts
    from leadcheck.fit import load_taxonomy
    from leadcheck.fit.matcher import compile_taxonomy
    from leadcheck.fit.page import fit_input
    from leadcheck.fit.scoring import score_fit
    from leadcheck.verify import clone, page_kinds
    from leadcheck.verify.page import decode_body, read_document

    bodies = []
    for index in range(args.sites):
        _, _, html = company_site(index)
        bodies.append(html.encode("utf-8"))
    taxonomy = load_taxonomy()
    compile_taxonomy(taxonomy)
    page_kinds.load_signatures()
    read_document(bodies[0], "text/html")
    extract_contacts("+49 30 1234567", (), region="DE")

    times: dict[str, list[float]] = {}

    def clock(name: str, work: Callable[[], Any]) -> Any:
        started = time.process_time()
        result = work()
        times.setdefault(name, []).append(time.process_time() - started)
        return result

    for _ in range(3):
        compile_taxonomy(taxonomy).clear_cache()
        for index, body in enumerate(bodies):
            text = decode_body(body, "text/html; charset=utf-8")
            clock("lexbor parse alone", lambda text=text: LexborHTMLParser(text))
            document = clock("read_document", lambda body=body: read_document(body, "text/html"))
            page = document.content
            clock(
                "classify_page",
                lambda page=page, document=document: page_kinds.classify_page(
                    title=page.title, text=page.text, html=document.markup, urls=["https://x/"]
                ),
            )
            clock("copyright lines", lambda page=page: clone._copyright_lines(page.text))
            clock(
                "extract_contacts",
                lambda page=page, index=index: extract_contacts(
                    page.text, page.links, region=COUNTRIES[index % len(COUNTRIES)]
                ),
            )
            for label, message in (
                ("score_fit, first", "UV lamps for our water plant"),
                ("score_fit, again", "Please quote 40 W lamps"),
            ):
                clock(
                    label,
                    lambda page=page, message=message: score_fit(
                        fit_input(page, company="Company GmbH", message=message), taxonomy
                    ),
                )
    print(f"{args.sites} sites, {sum(map(len, bodies)) / len(bodies) / 1000:.1f} KB per page")
    for name, values in times.items():
        print(
            f"  {name:20s} median {statistics.median(values) * 1000:6.2f} ms, "
            f"mean {statistics.fmean(values) * 1000:6.2f} ms per site"
        )


if __name__ == "__main__":
    main()
