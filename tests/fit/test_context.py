"""What the company does outweighs what a page mentions: claims, venues, masks,
false friends, trade ceilings, the inquiry as evidence, and the issue's vocabulary."""

from __future__ import annotations

import pytest

from leadcheck.fit.matcher import compile_taxonomy
from leadcheck.fit.normalize import fold
from leadcheck.fit.page import fit_input
from leadcheck.fit.scoring import FitInput, FitResult, score_fit
from leadcheck.fit.taxonomy import load_taxonomy
from leadcheck.verify.page import read_page


def terms_of(result: FitResult, group: str) -> set[str]:
    for entry in (*result.segments, *result.negatives):
        if entry.id == group:
            return {m.term for m in entry.matches}
    return set()


def test_an_inquiry_naming_our_product_and_an_application_is_a() -> None:
    result = score_fit(FitInput(message="Need UV lamp for shrimp pond water, 200 sets"))
    assert result.tier == "A", result.summary
    assert any("the inquiry names our product" in r for r in result.reasons)
    assert "shrimp pond(s)" in terms_of(result, "aquaculture")


def test_an_inquiry_naming_only_our_product_is_not_a() -> None:
    result = score_fit(FitInput(message="Please send the price list of your germicidal lamps."))
    assert result.tier in ("B", "C"), result.summary
    assert not result.may_be_a


def test_the_inquiry_counts_whatever_the_website_says() -> None:
    hotel = FitInput(
        title="Hotel Lotus Bay – beachfront resort with swimming pool and spa",
        body="Rooms, suites, restaurant, swimming pool, spa treatments.",
    )
    assert score_fit(hotel).tier in ("C", "D")
    asked = hotel.model_copy(
        update={"message": "We need UV sterilizers for our swimming pool water, 60 m3/h."}
    )
    assert score_fit(asked).tier == "A"


def test_a_hotels_pool_and_spa_are_amenities() -> None:
    result = score_fit(
        FitInput(
            title="Seabreeze Resort & Spa – Beachfront Hotel with Swimming Pool",
            headings=("Pool & spa", "Rooms and suites"),
            body="Heated outdoor pool with pool bar. All rooms are cleaned and deodorized daily.",
        )
    )
    assert result.tier == "C", result.summary
    assert result.venue is not None
    assert any("amenities" in r for r in result.reasons)
    assert result.ceiling == "C"


def test_a_garage_is_no_customer_for_its_ac_disinfection() -> None:
    result = score_fit(FitInput(title="Usta Oto Servis – Oto Klima, Bakım ve Dezenfeksiyon"))
    assert result.tier == "D", result.summary
    assert result.negatives[0].id == "automotive_services"


@pytest.mark.parametrize(
    "title",
    [
        "48W UV LED nail curing lamp",
        "UV lamp for gel nail polish",
        "Gel nail polish and UV lamps for salons",
        "UV tattoo ink that glows under blacklight",
        "UV tattoo lights 395 nm",
        "UV printing on glass and acrylic",
        "UV curing lamps for adhesives and coatings",
        "Mineral sunscreen SPF 50, UVA/UVB",
        "UV protective clothing UPF 50+",
        "Counterfeit money detector with UV lamp",
    ],
)
def test_traps_are_d(title: str) -> None:
    result = score_fit(FitInput(title=title, body=title))
    assert result.tier == "D", result.summary


def test_a_false_friend_voids_our_product_words_in_its_sentence_only() -> None:
    compiled = compile_taxonomy(load_taxonomy())
    counts = compiled.count(fold("UV lamp for gel nail polish. We also sell UV lamps for water."))
    found = {compiled.terms[i].text for i in counts}
    assert "uv lamp(s)" in found  # the second sentence's lamp
    assert counts[next(i for i in counts if compiled.terms[i].text == "uv lamp(s)")] == 1


def test_an_idiom_is_no_negative_evidence() -> None:
    page = FitInput(
        title="Idroeco – Impianti di depurazione acque reflue",
        body="La sostenibilità non è una moda: progettiamo impianti di depurazione con "
        "disinfezione UV.",
    )
    result = score_fit(page)
    assert result.tier == "A", result.summary
    assert "unrelated_trades" not in {n.id for n in result.negatives}


def test_an_aside_hurts_less_than_a_trade() -> None:
    aside = score_fit(
        FitInput(
            title="AquaPure – water treatment and UV sterilizers",
            body="We supply reverse osmosis plants to food, pharma and cosmetics factories.",
        )
    )
    assert aside.tier == "A", aside.summary
    trade = score_fit(FitInput(title="AquaPure cosmetics and UV sterilizers", body="Cosmetics."))
    assert trade.negative_score > aside.negative_score


def test_claims_weigh_more_than_mentions() -> None:
    claim = score_fit(FitInput(body="Our company. We manufacture UV sterilizers for hospitals."))
    mention = score_fit(FitInput(body="Our company. News: a visit from UV sterilizers makers."))
    assert claim.score > mention.score
    match = next(m for s in claim.segments for m in s.matches if m.term == "uv steril*")
    assert match.claimed == 1
    other = next(m for s in mention.segments for m in s.matches if m.term == "uv steril*")
    assert other.claimed == 0


def test_a_claim_vouches_for_its_own_sentence_only() -> None:
    result = score_fit(FitInput(body="We manufacture pumps. UV sterilizers are sold elsewhere."))
    match = next(m for s in result.segments for m in s.matches if m.term == "uv steril*")
    assert match.claimed == 0


def test_the_trade_caps_the_tier_without_our_product() -> None:
    pumps = score_fit(
        FitInput(
            title="Atlas Pumps – centrifugal and submersible pumps",
            headings=("Booster sets for drinking water supply",),
            body="Pumps for water supply, wastewater lifting and irrigation.",
        )
    )
    assert pumps.tier == "C", pumps.summary
    assert pumps.trade == "pumps_plumbing"
    assert any("at most" in r for r in pumps.reasons)
    with_uv = pumps.model_copy()
    uv = score_fit(
        FitInput(
            title="Atlas Pumps – pumps and UV sterilizers",
            body="Pumps and UV sterilizers for drinking water supply.",
        )
    )
    assert uv.tier == "A", uv.summary
    assert with_uv.ceiling == "C"
    assert uv.ceiling is None


def test_vague_terms_alone_are_no_evidence() -> None:
    result = score_fit(FitInput(title="UV Sports Club – UV light shows"))
    assert result.tier == "D", result.summary
    assert any("vague" in r for r in result.reasons)


def test_a_plain_texts_first_line_is_its_title() -> None:
    doc = fit_input(read_page("AquaShield – UV sterilizers\nCall us today."))
    assert doc.title == "AquaShield – UV sterilizers"
    assert doc.body == "Call us today."
    result = score_fit(doc)
    assert result.tier == "A", result.summary
    assert result.segments[0].matches[0].fields == ("title",)


# One-sentence probes of the issue's vocabulary gaps: each must now be found.
@pytest.mark.parametrize(
    ("text", "segment", "lowest"),
    [
        (
            "Electrostatic precipitator (ESP) for restaurant kitchen exhaust",
            "oil_fume_exhaust",
            "B",
        ),
        ("Grease filters and range-hood purifiers", "oil_fume_exhaust", "B"),
        ("Oil mist and cooking smoke control", "oil_fume_exhaust", "B"),
        ("Regenerative thermal oxidizer (RTO) and RCO systems", "oil_fume_exhaust", "B"),
        ("VOC abatement: scrubbers and biofilters", "oil_fume_exhaust", "B"),
        ("Odour control for sewage works", "oil_fume_exhaust", "B"),
        ("総合病院・クリニック", "healthcare", "C"),
        ("โรงพยาบาลกรุงเทพ คลินิกทันตกรรม", "healthcare", "C"),
        ("सिटी अस्पताल और क्लिनिक", "healthcare", "C"),
        ("Klinikum Nord – Chirurgie", "healthcare", "B"),
        ("Pool service and repair", "pools_spas", "C"),
        ("Depurazione", "water_treatment", "B"),
        ("Dairy plant", "food_beverage", "C"),
        ("Beverage bottling plant", "food_beverage", "B"),
        ("Shrimp ponds", "aquaculture", "B"),
        ("Fish ponds", "aquaculture", "B"),
        ("UV sterilizer", "uv_disinfection", "A"),
        ("UV-Entkeimungsanlagen für Trinkwasser", "uv_disinfection", "A"),
        ("정수기를 판매합니다", "water_treatment", "C"),
    ],
)
def test_vocabulary_gaps_of_the_issue(text: str, segment: str, lowest: str) -> None:
    result = score_fit(FitInput(title=text))
    assert segment in {s.id for s in result.segments}, result.summary
    assert result.tier <= lowest, result.summary  # "A" < "B" < "C" < "D"


def test_every_segment_has_terms_in_every_shipped_language() -> None:
    taxonomy = load_taxonomy()
    languages = {"en", "de", "fr", "es", "it", "pt", "nl", "pl", "tr", "ru", "ar", "vi", "id",
                 "zh", "th", "ja", "ko", "hi"}  # fmt: skip
    core = [s for s in taxonomy.segments if s.core]
    for segment in core:
        assert set(segment.terms) >= languages, (segment.id, languages - set(segment.terms))


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Umkehrosmoseanlagen für Labore", "umkehrosmose"),  # de: a compound of the stem
        ("Reparto ospedaliero", "ospedale"),  # it
        ("Tratamiento de efluente industrial", "tratamiento de efluentes"),  # es
        ("Поставки в медицинские учреждениях области", "медицинские учреждения"),  # ru
    ],
)
def test_a_stemmer_lets_the_last_word_inflect(text: str, term: str) -> None:
    compiled = compile_taxonomy(load_taxonomy())
    found = {compiled.terms[i].text for i in compiled.count(fold(text))}
    assert term in found, found


def test_stems_are_for_segments_only() -> None:
    # Spanish "seguros" (insurance) is a negative term; its stem would match "seguridad".
    compiled = compile_taxonomy(load_taxonomy())
    found = {compiled.terms[i].text for i in compiled.count(fold("seguridad alimentaria"))}
    assert "seguros" not in found


def test_a_language_without_a_stemmer_is_refused(tmp_path: pytest.TempPathFactory) -> None:
    from pathlib import Path

    from leadcheck.errors import DataFileError

    path = Path(str(tmp_path)) / "tax.toml"
    path.write_text(
        'schema = 1\n[morphology]\nstem_languages = ["vi"]\n'
        '[[segment]]\nid = "a"\nname = "a"\nweight = 1.0\n[segment.terms]\nen = ["uv"]\n',
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match="no stemmer for vi"):
        load_taxonomy(path)


@pytest.mark.parametrize(
    "message",
    [
        "Dear sir, we are interested in UV lamps for our water plant, please quote.",
        "Interested in UV-C disinfection lamps for room units, 500 pcs per quarter.",
        "We specialise in UV sterilizers for hospitals.",
    ],
)
def test_english_in_uv_is_not_vietnamese_uv_printing(message: str) -> None:
    """Vietnamese "in UV" means UV printing; the English "in UV" must not read as it."""
    result = score_fit(FitInput(message=message))
    assert not result.negatives
    assert result.tier in ("A", "B")
