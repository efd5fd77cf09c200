"""Stage 2 on the labelled development corpus: confusion matrix, accuracy, traps, cut-offs.

Run:  python benchmarks/calibrate_fit.py [--corpus benchmarks/fit_corpus] [--taxonomy PATH]
                                         [--suggest] [--wrong] [--markdown]

Every item is read through the production route (the page reader, then score_fit;
an inquiry item is scored as the inquiry message alone) with the shipped taxonomy or
the one given. Printed: the confusion matrix (rows: labelled tier, columns: tier
given), accuracy per language, per language group and per kind, every trap, the
score distributions of core fits and non-fits, and with --wrong every item the
scorer gets wrong with its evidence. --suggest searches the tier cut-offs the corpus
supports best (docs/taxonomy.md says how they are chosen); --markdown prints the
matrix and the accuracy tables as docs/taxonomy.md shows them.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from leadcheck.fit.calibration import (
    LANGUAGE_GROUPS,
    TIERS,
    Evaluation,
    describe,
    evaluate,
    format_matrix,
    histogram,
    load_corpus,
    suggest_cutoffs,
)
from leadcheck.fit.taxonomy import load_taxonomy

DEFAULT_CORPUS = Path(__file__).resolve().parent / "fit_corpus"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--taxonomy", type=Path, default=None)
    parser.add_argument("--suggest", action="store_true", help="search the best tier cut-offs")
    parser.add_argument("--wrong", action="store_true", help="list every wrong item")
    parser.add_argument("--markdown", action="store_true", help="tables for docs/taxonomy.md")
    args = parser.parse_args()

    taxonomy = load_taxonomy(args.taxonomy)
    corpus = load_corpus(args.corpus, taxonomy)
    start = time.perf_counter()
    evaluation = evaluate(corpus, taxonomy)
    took = time.perf_counter() - start
    if args.markdown:
        print_markdown(evaluation)
        return 0

    languages = sorted({item.language for item in corpus.items})
    print(
        f"{len(corpus.items)} items in {len(languages)} languages, scored in {took:.2f} s; "
        f"accuracy {evaluation.accuracy:.1%}\n"
    )
    print("\n".join(format_matrix(evaluation.confusion)))

    print("\nby language group")
    for group, (share, count) in evaluation.accuracy_by(lambda o: o.group).items():
        members = ", ".join(LANGUAGE_GROUPS.get(group, ()))
        print(f"  {group:<24}{share:6.1%}  of {count:>3}   ({members})")
    print("\nby language")
    by_language = evaluation.accuracy_by(lambda o: o.item.language)
    for language, (share, count) in by_language.items():
        print(f"  {language:<6}{share:6.1%}  of {count:>3}")
    print("\nby kind")
    for kind, (share, count) in evaluation.accuracy_by(lambda o: o.item.kind).items():
        print(f"  {kind:<10}{share:6.1%}  of {count:>3}")

    print("\ntraps")
    for outcome in evaluation.traps:
        mark = "ok " if outcome.right else "MISS"
        print(f"  {mark} {outcome.item.id:<28} {outcome.result.tier} {outcome.result.score:>3}")

    core_mean, none_mean, core_min, none_max = evaluation.separation()
    print(
        f"\nscores: core A fits mean {core_mean:.1f} (lowest {core_min}), "
        f"non-fits mean {none_mean:.1f} (highest {none_max})"
    )
    print("core A fits:")
    print("\n".join("  " + line for line in histogram(evaluation.scores(["core"], ["A"]))))
    print("non-fits (traps and unrelated):")
    print("\n".join("  " + line for line in histogram(evaluation.scores(["trap", "unrelated"]))))
    for tier in TIERS:
        scores = [o.result.score for o in evaluation.outcomes if o.item.tier == tier]
        if scores:
            median = sorted(scores)[len(scores) // 2]
            print(f"  labelled {tier}: {min(scores)}..{max(scores)}, median {median}")

    if args.wrong:
        print(f"\nwrong ({len(evaluation.wrong)})")
        for outcome in evaluation.wrong:
            print("  " + describe(outcome))

    if args.suggest:
        current = taxonomy.scoring.tiers
        cut = suggest_cutoffs(evaluation, min_a=current.a_min_core_segment)
        traps = "all right" if cut.traps_right else "NOT all right"
        print(
            f"\nsuggested cut-offs: a = {cut.a}, b = {cut.b}, c = {cut.c} "
            f"(now {current.a}/{current.b}/{current.c}): robust accuracy of the worst group "
            f"{cut.min_group_accuracy:.1%}, overall {cut.accuracy:.1%}, traps {traps}, "
            f"gaps {cut.margin} points wide in all"
        )
    return 0


def print_markdown(evaluation: Evaluation) -> None:
    print("| labelled \\ given | A | B | C | D | right |")
    print("|---|---:|---:|---:|---:|---:|")
    for tier in TIERS:
        row = evaluation.confusion[tier]
        total = sum(row.values())
        cells = " | ".join(str(row[t]) for t in TIERS)
        print(
            f"| {tier} | {cells} | {row[tier] / total:.0%} |"
            if total
            else f"| {tier} | {cells} | - |"
        )
    print("\n| language group | items | right |")
    print("|---|---:|---:|")
    for group, (share, count) in evaluation.accuracy_by(lambda o: o.group).items():
        print(f"| {group} ({', '.join(LANGUAGE_GROUPS.get(group, ()))}) | {count} | {share:.0%} |")
    print("\n| language | items | right |")
    print("|---|---:|---:|")
    for language, (share, count) in evaluation.accuracy_by(lambda o: o.item.language).items():
        print(f"| {language} | {count} | {share:.0%} |")


if __name__ == "__main__":
    sys.exit(main())
