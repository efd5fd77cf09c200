"""The labelled development corpus: accuracy by language group, traps, separation.

The corpus (benchmarks/fit_corpus) is read through the production route and scored
with the shipped taxonomy; no network. benchmarks/calibrate_fit.py prints the same
figures in full.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from leadcheck.errors import DataFileError
from leadcheck.fit.calibration import (
    LANGUAGE_GROUPS,
    Evaluation,
    evaluate,
    load_corpus,
    suggest_cutoffs,
)
from leadcheck.fit.taxonomy import load_taxonomy

CORPUS = Path(__file__).resolve().parents[2] / "benchmarks" / "fit_corpus"


@pytest.fixture(scope="module")
def evaluation() -> Evaluation:
    return evaluate(load_corpus(CORPUS))


def test_the_corpus_is_broad(evaluation: Evaluation) -> None:
    items = [o.item for o in evaluation.outcomes]
    assert len(items) >= 220
    languages = {i.language for i in items}
    assert len(languages) >= 15
    assert all(any(i.language in members for i in items) for members in LANGUAGE_GROUPS.values())
    assert {i.tier for i in items} == {"A", "B", "C", "D"}
    assert {i.kind for i in items} == {"core", "adjacent", "trap", "unrelated"}
    assert sum(i.input == "message" for i in items) >= 20
    labelled = {i.segment for i in items}
    assert {s.id for s in load_taxonomy().segments} <= labelled
    assert {"uv_curing_printing", "nails_beauty_tanning", "sun_protection"} <= labelled
    for language in languages:
        assert sum(i.language == language for i in items) >= 8, language


def test_accuracy_in_every_language_group(evaluation: Evaluation) -> None:
    by_group = evaluation.accuracy_by(lambda o: o.group)
    assert set(by_group) == set(LANGUAGE_GROUPS)
    for group, (share, count) in by_group.items():
        assert share >= 0.9, (group, share, count, [o.item.id for o in evaluation.wrong])
    assert evaluation.accuracy >= 0.9


def test_every_trap_is_right(evaluation: Evaluation) -> None:
    assert len(evaluation.traps) >= 30
    wrong = [(o.item.id, o.result.tier, o.result.summary) for o in evaluation.traps if not o.right]
    assert wrong == []


def test_core_fits_and_non_fits_are_far_apart(evaluation: Evaluation) -> None:
    core_mean, none_mean, core_lowest, none_highest = evaluation.separation()
    assert core_mean - none_mean >= 50
    assert core_lowest > none_highest + 10


@pytest.mark.world  # a search over every cut-off: slow, run with the end-to-end tests
def test_the_shipped_cutoffs_are_the_ones_the_corpus_supports(evaluation: Evaluation) -> None:
    tiers = load_taxonomy().scoring.tiers
    cut = suggest_cutoffs(evaluation, min_a=tiers.a_min_core_segment)
    assert (cut.a, cut.b, cut.c) == (tiers.a, tiers.b, tiers.c), (
        "re-run benchmarks/calibrate_fit.py --suggest and copy the cut-offs into "
        "data/taxonomy.toml and docs/taxonomy.md"
    )
    assert cut.traps_right


def test_every_tier_is_explained(evaluation: Evaluation) -> None:
    for outcome in evaluation.outcomes:
        result = outcome.result
        for segment in result.segments:
            assert segment.matches, outcome.item.id
            assert all(match.fields for match in segment.matches)
        if result.tier != "D":
            top = next(s for s in result.segments if s.score > 0)
            assert result.reasons[0].startswith("evidence: "), outcome.item.id
            assert top.name in result.reasons[0]
            assert top.matches[0].term in result.reasons[0]
        if result.tier == "A":
            assert result.may_be_a
        if result.ceiling is not None:
            assert any("at most" in reason for reason in result.reasons), outcome.item.id
    for outcome in evaluation.traps:
        result = outcome.result
        explained = result.negatives or any("vague" in r for r in result.reasons)
        assert explained or not result.segments, outcome.item.id


@pytest.mark.parametrize(
    ("labels", "problem"),
    [
        (
            "[[item]]\nid = 'a'\nfile = 'x.txt'\nlanguage = 'en'\ntier = 'A'\n"
            "segment = 'uv_disinfection'\nkind = 'core'\nwhy = 'w'\n" * 2,
            "used twice",
        ),
        (
            "[[item]]\nid = 'a'\nfile = 'x.txt'\nlanguage = 'en'\ntier = 'A'\n"
            "segment = 'no_such'\nkind = 'core'\nwhy = 'w'\n",
            "not in the taxonomy",
        ),
        (
            "[[item]]\nid = 'a'\nfile = '../x.txt'\nlanguage = 'en'\ntier = 'A'\n"
            "segment = 'none'\nkind = 'core'\nwhy = 'w'\n",
            "outside the corpus",
        ),
        (
            "[[item]]\nid = 'a'\nfile = 'x.txt'\nlanguage = 'en'\ntier = 'E'\n"
            "segment = 'none'\nkind = 'core'\nwhy = 'w'\n",
            "tier",
        ),
        (
            "[[item]]\nid = 'a'\nfile = 'missing.txt'\nlanguage = 'en'\ntier = 'A'\n"
            "segment = 'none'\nkind = 'core'\nwhy = 'w'\n",
            "cannot read",
        ),
    ],
)
def test_a_bad_labels_file_is_refused(tmp_path: Path, labels: str, problem: str) -> None:
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "x.txt").write_text("UV sterilizers", encoding="utf-8")
    (tmp_path / "x.txt").write_text("outside", encoding="utf-8")
    (root / "labels.toml").write_text("schema = 1\n" + labels, encoding="utf-8")
    with pytest.raises(DataFileError, match=problem):
        load_corpus(root)
