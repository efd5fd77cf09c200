"""Realistic pages in many languages: tiers and the evidence behind them."""

from __future__ import annotations

import pytest

from leadcheck.fit.scoring import FitResult, score_fit
from tests.fit.conftest import page


def terms(result: FitResult, segment: str) -> set[str]:
    for entry in result.segments:
        if entry.id == segment:
            return {match.term for match in entry.matches}
    return set()


def top(result: FitResult) -> str:
    return result.segments[0].id


# (file, tier, best segment, terms that must be in that segment's evidence)
FITS = [
    (
        "en_uv_distributor.html",
        "A",
        "uv_disinfection",
        {"uv lamp(s)", "germicidal lamp(s)", "quartz sleeve(s)"},
    ),
    ("de_wasseraufbereitung.html", "A", "water_treatment", {"*wasseraufbereit*", "umkehrosmose"}),
    ("es_depuradoras.txt", "A", "wastewater", {"depuradora(s)", "aguas residuales", "edar"}),
    (
        "pt_carcinicultura.html",
        "A",
        "aquaculture",
        {"carcinicultura", "aquicultura", "piscicultura"},
    ),
    ("fr_pisciniste.html", "A", "pools_spas", {"piscine(s)", "pisciniste(s)"}),
    ("zh_water_engineering.html", "A", "uv_disinfection", {"紫外线消毒", "紫外线杀菌器"}),
    ("ru_vodopodgotovka.txt", "A", "water_treatment", {"водоподготовк*", "обратного осмоса"}),
    ("ar_disinfection.html", "A", "water_treatment", {"*معالجة المياه", "*تحلية المياه"}),
    ("vi_nuoi_tom.txt", "A", "aquaculture", {"nuôi tôm", "ao nuôi", "nuôi trồng thủy sản"}),
    ("tr_havalandirma.html", "A", "hvac_ventilation", {"havalandırma*", "klima*"}),
    (
        "pl_uzdatnianie.txt",
        "A",
        "water_treatment",
        {"stacje uzdatniania wody", "odwróconej osmozy"},
    ),
    (
        "it_illuminazione.html",
        "B",
        "lighting_distribution",
        {"illuminazione", "alimentatori elettronici"},
    ),
    ("nl_kwekerij.txt", "C", "agriculture", {"glastuinbouw", "kassen", "irrigatie"}),
]


@pytest.mark.parametrize(("name", "tier", "segment", "evidence"), FITS)
def test_fits(name: str, tier: str, segment: str, evidence: set[str]) -> None:
    result = score_fit(page(name))
    assert result.tier == tier, result.summary
    assert top(result) == segment
    assert evidence <= terms(result, segment)
    assert result.negatives == ()


def test_secondary_evidence_is_reported() -> None:
    result = score_fit(page("zh_water_engineering.html"))
    assert {"水处理工程"} <= terms(result, "water_treatment")
    assert {"黑臭水体", "河道治理"} <= terms(result, "river_purification")
    assert "zh" in result.languages


def test_core_languages_and_buyer_types() -> None:
    distributor = score_fit(page("en_uv_distributor.html"))
    assert distributor.buyer_types[0].id == "distributor"
    epc = score_fit(page("es_depuradoras.txt"))
    assert "integrator" in {b.id for b in epc.buyer_types}
    assert {m.term for m in epc.buyer_types[0].matches} >= {"llave en mano"}


@pytest.mark.parametrize(
    ("name", "negative", "evidence"),
    [
        ("en_nail_salon.html", "nails_beauty_tanning", {"uv nail lamp(s)", "gel polish"}),
        ("de_uv_druck.html", "uv_curing_printing", {"uv druck", "uv lack"}),
        ("es_moda.html", "unrelated_trades", {"moda", "ropa", "joyería"}),
        ("id_properti.html", "unrelated_trades", {"properti", "asuransi"}),
    ],
)
def test_non_fits(name: str, negative: str, evidence: set[str]) -> None:
    result = score_fit(page(name))
    assert result.tier == "D", result.summary
    assert result.negatives[0].id == negative
    assert evidence <= {m.term for m in result.negatives[0].matches}


def test_false_friend_uv_is_no_evidence() -> None:
    # "uv" inside "UV-Druck" is masked by the negative term; only stray "uv" remains.
    result = score_fit(page("de_uv_druck.html"))
    assert all(s.score < 15 for s in result.segments)


def test_inquiry_message_and_company_lift_a_bare_page() -> None:
    bare = score_fit(page("nl_kwekerij.txt"))
    asked = score_fit(
        page(
            "nl_kwekerij.txt",
            message="We zoeken UV-desinfectie voor ons drainwater; een offerte voor UV lampen.",
            company="Van der Berg Glastuinbouw",
        )
    )
    assert asked.score > bare.score
    # "UV lampen" is spelt the same in German, listed first: it counts once, as German.
    assert {"uv desinfectie", "uv lampe(n)"} <= terms(asked, "uv_disinfection")
    match = next(m for s in asked.segments for m in s.matches if m.term == "uv desinfectie")
    assert match.fields == ("message",)
