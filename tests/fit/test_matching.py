"""Folding, word boundaries, inflections, CJK, saturation and field weights."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from leadcheck.fit.matcher import compile_taxonomy
from leadcheck.fit.normalize import fold
from leadcheck.fit.scoring import FitInput, score_fit
from leadcheck.fit.taxonomy import Taxonomy, load_taxonomy, parse_taxonomy
from leadcheck.fit.terms import Key, TermSyntaxError, term_keys


def found(text: str, taxonomy: Taxonomy | None = None) -> dict[str, int]:
    compiled = compile_taxonomy(taxonomy or load_taxonomy())
    return {compiled.terms[i].text: n for i, n in compiled.count(fold(text)).items()}


def small(**segment_terms: list[str]) -> Taxonomy:
    data = {
        "schema": 1,
        "segment": [
            {"id": sid, "name": sid, "weight": 1.0, "core": True, "terms": {"en": terms}}
            for sid, terms in segment_terms.items()
        ],
    }
    return parse_taxonomy(data, __import__("pathlib").Path("test.toml"))


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Tratamento de ÁGUAS", "tratamento de aguas"),
        ("Łódź — ŻÓŁW", "lodz zolw"),
        ("Nước thải", "nuoc thai"),
        ("ＵＶ－Ｃ", "uv c"),
        ("Straße", "strasse"),
        ("UV杀菌灯", "uv杀菌灯"),
        ("أجهزة التعقيم", "اجهزه التعقيم"),
        ("ёлка", "елка"),
        ("l'eau,  water-\ntreatment", "l eau, water treatment"),
        ("e\u0301", "e"),  # decomposed accent
        ("", ""),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


@given(st.text(max_size=200))
def test_fold_is_idempotent(text: str) -> None:
    once = fold(text)
    assert "  " not in once
    assert once == once.strip()
    assert fold(once) == once


def test_word_boundaries() -> None:
    assert "uv" not in found("The uvula is part of the throat; UVA and uvas.")
    assert found("Our UV lamp") == {"uv lamp(s)": 1, "lamp(s)": 1}
    # "lamp(s)" must not match inside "lampshade" or "clamps".
    assert "lamp(s)" not in found("lampshades and clamps")


def test_stems_and_compounds() -> None:
    assert "depuradora(s)" in found("construimos depuradoras")
    assert "*wasseraufbereit*" in found("Trinkwasseraufbereitungsanlagen")
    assert "водоподготовк*" in found("станции водоподготовки")
    assert "tratamento de água(s)" in found("Tratamento de Águas industriais")
    assert "uv steril*" in found("UV-Sterilisators and UV sterilizers")
    # A stem must start a word; without the leading '*' it does not match inside one.
    assert "trinkwasser*" not in found("Industrietrinkwasser")


def test_optional_endings_and_arabic_prefixes() -> None:
    assert found("lámparas germicidas")["lámpara(s) germicida(s)"] == 1
    assert found("lámpara germicida")["lámpara(s) germicida(s)"] == 1
    assert "*معالجة المياه" in found("شركة لمعالجة المياه")


def test_cjk_without_boundaries_and_traditional() -> None:
    assert "紫外线消毒" in found("专业紫外线消毒设备生产")
    assert "紫外线消毒器" in found("专业紫外线消毒器生产")  # the longest term wins
    assert "紫外線殺菌" in found("紫外線殺菌燈專業製造")


def test_sentence_barrier_stops_phrases() -> None:
    assert "water treatment" in found("water treatment")
    assert "water treatment" not in found("clean water. Treatment of ...")


def test_overlaps_in_one_group_count_once() -> None:
    tax = small(core=["uv", "uv lamp(s)", "lamp(s)"])
    assert found("uv lamps", tax) == {"uv lamp(s)": 1}


def test_repeats_saturate_and_distinct_terms_add() -> None:
    tax = small(core=["sterilizer(s)", "germicidal", "uv c"])
    once = score_fit(FitInput(body="sterilizer"), tax)
    many = score_fit(FitInput(body="sterilizer " * 50), tax)
    distinct = score_fit(FitInput(body="sterilizer. germicidal. uv c"), tax)
    assert once.score < many.score < distinct.score
    assert many.segments[0].matches[0].count == 50
    assert many.score <= 40  # one word repeated is never a core target


def test_title_weighs_more_than_body() -> None:
    tax = small(core=["sterilizer(s)"])
    in_title = score_fit(FitInput(title="UV sterilizers"), tax)
    in_body = score_fit(FitInput(body="UV sterilizers"), tax)
    in_message = score_fit(FitInput(message="UV sterilizers"), tax)
    assert in_title.score > in_message.score > in_body.score
    assert in_title.segments[0].matches[0].fields == ("title",)


def test_headings_do_not_run_into_each_other() -> None:
    tax = small(core=["water treatment"])
    assert score_fit(FitInput(headings=("water", "treatment")), tax).segments == ()


def test_automaton_built_once_per_taxonomy() -> None:
    tax = load_taxonomy()
    assert compile_taxonomy(tax) is compile_taxonomy(tax)
    assert load_taxonomy() is tax


def test_empty_input_is_d() -> None:
    result = score_fit(FitInput())
    assert (result.score, result.tier, result.segments) == (0, "D", ())


def test_json_contract() -> None:
    result = score_fit(FitInput(title="UV water sterilizer", body="germicidal lamps"))
    data = result.model_dump(mode="json")
    assert 0 <= data["score"] <= 100
    assert data["tier"] in "ABCD"
    for segment in data["segments"]:
        assert {"id", "score", "matches"} <= segment.keys()
        for match in segment["matches"]:
            assert isinstance(match["term"], str)
            assert match["count"] >= 1


@pytest.mark.parametrize(
    ("term", "problem"),
    [
        ("", "empty"),
        ("*", "empty"),
        ("wa*ter", "'*' may only"),
        ("uv*", "at least 3 letters"),
        ("水", "single CJK"),
        ("lamp(s", "parentheses"),
        ("a(b)c(d)e(f)g(h)i(j)", "optional endings"),
        ("uv. lamp", "letters, digits, spaces"),
    ],
)
def test_term_syntax_errors(term: str, problem: str) -> None:
    with pytest.raises(TermSyntaxError, match=problem):
        term_keys(term)


def test_term_keys() -> None:
    assert term_keys("UV-Lampe(n)") == (
        Key("uv lampe", True, True),
        Key("uv lampen", True, True),
    )
    assert term_keys("*wasseraufbereit*") == (Key("wasseraufbereit", False, False),)
    assert term_keys("杀菌灯") == (Key("杀菌灯", False, False),)
    assert term_keys("uv灯") == (Key("uv灯", True, False),)


def test_latin_next_to_cjk_has_a_boundary() -> None:
    assert "uv灯" in found("专业UV灯管")
    assert "uv" in found("UV设备")  # weak "uv", then CJK: a boundary
    assert "uv" not in found("UVA设备")


def test_boundaries_next_to_multibyte_letters() -> None:
    assert "бактерицидные лампы" in found("Бактерицидные лампы")
    assert "бактерицидные лампы" not in found("Небактерицидные лампы")
    assert "uv" not in found("UVé")  # é folds to e: still one word
    assert "uv" in found("«UV»")
