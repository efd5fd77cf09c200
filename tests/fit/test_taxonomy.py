"""Loading the taxonomy: the shipped file, and every kind of malformed file."""

from __future__ import annotations

from pathlib import Path

import pytest

from leadcheck.errors import DataFileError
from leadcheck.fit.taxonomy import load_taxonomy

LANGUAGES = {"en", "de", "fr", "es", "it", "pt", "nl", "pl", "tr", "ru", "ar", "vi", "id", "zh"}

GOOD = """\
schema = 1

[[segment]]
id = "water"
name = "Water"
weight = 1.0
core = true
[segment.terms]
en = ["water treatment"]

[[segment]]
id = "pools"
name = "Pools"
weight = 0.5
[segment.terms]
en = ["swimming pool(s)"]
"""


def test_shipped_taxonomy_covers_the_brief() -> None:
    tax = load_taxonomy()
    ids = {s.id for s in tax.segments}
    assert {
        "uv_disinfection",
        "water_treatment",
        "drinking_water",
        "wastewater",
        "river_purification",
        "aquaculture",
        "pools_spas",
        "air_hvac",
        "sterilization_disinfection",
        "oil_fume_exhaust",
        "food_beverage",
        "pharma_cleanroom",
        "healthcare",
        "agriculture",
        "schools_homes",
        "lighting_distribution",
    } <= ids
    assert {b.id for b in tax.buyer_types} == {"distributor", "oem", "integrator", "end_user"}
    assert tax.negatives
    for segment in tax.segments:
        assert set(segment.terms) >= LANGUAGES, segment.id
    core = next(s for s in tax.segments if s.id == "uv_disinfection")
    assert "zh-hant" in core.terms
    assert tax.source is not None
    assert tax.source.name == "taxonomy.toml"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "tax.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_good_file_loads(tmp_path: Path) -> None:
    tax = load_taxonomy(write(tmp_path, GOOD))
    assert [s.id for s in tax.segments] == ["water", "pools"]


@pytest.mark.parametrize(
    ("text", "location", "problem"),
    [
        (
            GOOD.replace("weight = 0.5", "weight = 1.5"),
            "line 14, segment 'pools' weight",
            "less than or equal to 1",
        ),
        (GOOD.replace("weight = 0.5\n", ""), "segment 'pools'", "Field required"),
        (GOOD.replace('id = "pools"', 'id = "water"'), "segment 'water' id", "already used"),
        (GOOD.replace('id = "pools"', 'id = "Pools!"'), "segment 'Pools!' id", "pattern"),
        (
            GOOD.replace("core = true", "core = true\nwieght = 1"),
            "segment 'water' wieght",
            "Extra inputs",
        ),
        (
            GOOD.replace('["swimming pool(s)"]', '["swim*ming"]'),
            "line 16, segment 'pools' terms.en[0]",
            "'*' may only",
        ),
        (
            GOOD.replace('["swimming pool(s)"]', '["pool", "Pool"]'),
            "line 16, segment 'pools' terms.en[1]",
            "repeats 'pool'",
        ),
        (GOOD.replace('en = ["swimming', 'EN = ["swimming'), "segment 'pools' terms.EN", "pattern"),
        (GOOD.replace("schema = 1", "schema = 2"), "schema", "Input should be 1"),
        (GOOD.replace('["water treatment"]', "[]"), "segment 'water' terms", "no terms"),
        (GOOD + "\n[scoring.tiers]\na = 10\nb = 20\n", "scoring.tiers", "a > b > c"),
    ],
)
def test_malformed_files(tmp_path: Path, text: str, location: str, problem: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(DataFileError) as caught:
        load_taxonomy(path)
    error = caught.value
    assert error.path == path
    assert error.location is not None
    assert location in error.location
    assert problem in error.problem
    assert str(path) in str(error)


def test_toml_syntax_error_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace('name = "Pools"', 'name = "Pools'))
    with pytest.raises(DataFileError, match=r"line 13") as caught:
        load_taxonomy(path)
    assert "invalid TOML" in caught.value.problem


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="cannot read"):
        load_taxonomy(tmp_path / "nope.toml")
