"""Instructions per site of the page steps, counted by valgrind: an A/B that noise cannot move.

Run:  python benchmarks/bench_instructions.py [--reference OLD/src] [--sites 60]
                                              [--steps read,classify,contacts,fit]

On a shared or throttled machine, CPU times of the same code move by 10-20 % from one
run to the next (and the second of two back-to-back runs is often the slower), which
hides a change of that size. The number of instructions a step executes does not
move. For each source tree (this checkout's ``src``, and ``--reference`` if given),
this script runs a small driver under ``valgrind --tool=cachegrind --cache-sim=no``:
once to build the pages of ``bench_pages.py`` and read them (the set-up), and once
per step, set-up included; a step's count is its run minus the set-up, per site.

Steps: ``read`` (``read_document``), ``classify`` (``classify_page`` and the clone
check's copyright lines), ``contacts`` (``extract_contacts`` for the site's country)
``fit`` (``score_fit`` a page's first time) and ``leads`` (a batch's fits of four
leads of the site, each with a message of its own, ``CheckSession._score``: the page's
first fit and three with its matches known). Needs valgrind; a count is of the
interpreter's instructions, so compare trees under one Python only.
"""

from __future__ import annotations

import argparse
import os
import pickle
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
STEPS = ("read", "classify", "contacts", "fit", "leads")
LEADS_PER_SITE = 4


def drive(step: str, sites: int) -> None:
    """The driver: build and read the pages, then run ``step`` over them once."""
    sys.path.insert(0, str(HERE))
    from inquiries import inquiry_message, session_fit
    from leadcheck.contacts import extract_contacts
    from leadcheck.fit import load_taxonomy
    from leadcheck.fit.matcher import compile_taxonomy
    from leadcheck.fit.page import fit_input
    from leadcheck.fit.scoring import score_fit
    from leadcheck.pipeline import CheckSession  # imported in the set-up: not counted
    from leadcheck.verify import clone, page_kinds
    from leadcheck.verify.page import read_document
    from pages import company_site

    bodies = [company_site(index)[2].encode("utf-8") for index in range(sites)]
    taxonomy = load_taxonomy()
    compile_taxonomy(taxonomy)
    page_kinds.load_signatures()
    extract_contacts("+49 30 1234567", (), region="DE")
    documents = [read_document(body, "text/html") for body in bodies]
    pickles = [pickle.dumps(document.content) for document in documents]
    compile_taxonomy(taxonomy).clear_cache()
    if step == "read":
        for body in bodies:
            read_document(body, "text/html")
    elif step == "classify":
        for document in documents:
            page = document.content
            page_kinds.classify_page(
                title=page.title, text=page.text, html=document.markup, urls=["https://x/"]
            )
            clone._copyright_lines(page.text)
    elif step == "contacts":
        for document in documents:
            extract_contacts(document.content.text, document.content.links, region="DE")
    elif step == "fit":
        for document in documents:
            doc = fit_input(document.content, company="Acme Water", message="UV lamps")
            score_fit(doc, taxonomy)
    elif step == "leads":
        session = CheckSession()
        session._taxonomy = taxonomy
        rng = random.Random(5)
        for round_ in range(LEADS_PER_SITE):
            for index, document in enumerate(documents):
                company = f"Company {index:05} GmbH"
                # the site memo thaws a page afresh for each lead: new strings, hashed anew
                page = document.content if round_ == 0 else pickle.loads(pickles[index])
                session_fit(session, page, company, inquiry_message(rng))


def count(src: Path, step: str, sites: int) -> int:
    """Instructions of one driver run with ``src`` first on the path."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    command = ["valgrind", "--tool=cachegrind", "--cache-sim=no",
               "--cachegrind-out-file=/dev/null", sys.executable, __file__,
               "--drive", step, "--sites", str(sites)]  # fmt: skip
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    found = re.search(r"I\s+refs:\s+([\d,]+)", result.stderr)
    if found is None:
        raise SystemExit(f"no instruction count in valgrind's output:\n{result.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", type=Path, help="another checkout's src folder")
    parser.add_argument("--sites", type=int, default=60)
    parser.add_argument("--steps", default=",".join(STEPS))
    parser.add_argument("--drive", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.drive:
        drive(args.drive, args.sites)
        return
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed")
    steps = [step for step in args.steps.split(",") if step]
    unknown = sorted(set(steps) - set(STEPS))
    if unknown:
        raise SystemExit(f"unknown steps: {', '.join(unknown)} (known: {', '.join(STEPS)})")
    trees = {"this checkout": HERE.parent / "src"}
    if args.reference:
        trees = {"reference": args.reference.resolve(), **trees}
    print(f"{args.sites} sites, instructions per site (millions), valgrind cachegrind")
    results: dict[str, dict[str, float]] = {}
    for name, src in trees.items():
        setup = count(src, "setup", args.sites)
        results[name] = {
            step: (count(src, step, args.sites) - setup) / args.sites / 1e6 for step in steps
        }
    print(f"  {'step':10}" + "".join(f"{name:>16}" for name in trees))
    for step in steps:
        row = "".join(f"{results[name][step]:16.2f}" for name in trees)
        change = ""
        if args.reference:
            old, new = results["reference"][step], results["this checkout"][step]
            change = f"   {100 * (new - old) / old:+.1f} %"
        print(f"  {step:10}{row}{change}")
    total = {name: sum(values.values()) for name, values in results.items()}
    change = ""
    if args.reference:
        change = (
            f"   {100 * (total['this checkout'] - total['reference']) / total['reference']:+.1f} %"
        )
    print(f"  {'all':10}" + "".join(f"{total[name]:16.2f}" for name in trees) + change)


if __name__ == "__main__":
    main()
