"""Long holiday runs: Tết, Eid al-Fitr, Golden Week, Diwali, Christmas–New Year."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from leadcheck.errors import DataFileError
from leadcheck.followup.breaks import BreakCalendar, load_breaks
from leadcheck.followup.channels import load_channels
from leadcheck.followup.countries import load_countries
from leadcheck.followup.timing import WorkCalendar

D = dt.date


def breaks(code: str) -> BreakCalendar:
    return BreakCalendar(code, WorkCalendar(code, load_channels()), load_breaks())


@pytest.mark.parametrize(
    ("code", "inside", "name", "first", "last"),
    [
        # Tết 2026: 16-20 Feb in the holidays package, two days before, four after
        ("VN", D(2026, 2, 19), "Tết (Lunar New Year)", D(2026, 2, 14), D(2026, 2, 24)),
        # Lebaran 2026 (Eid al-Fitr 21-22 Mar): a week around it
        ("ID", D(2026, 3, 25), "Eid al-Fitr (end of Ramadan)", D(2026, 3, 19), D(2026, 3, 29)),
        # Saudi Arabia: Eid holiday 19-24 Mar, then their Fri-Sat weekend
        ("SA", D(2026, 3, 18), "Eid al-Fitr (end of Ramadan)", D(2026, 3, 18), D(2026, 3, 28)),
        # Golden Week 2026: 29 Apr to 5 May, the substitute holiday on the 6th joins it
        ("JP", D(2026, 4, 30), "Golden Week", D(2026, 4, 29), D(2026, 5, 6)),
        # Diwali 2026 is Sunday 8 Nov: Dhanteras to Bhai Dooj
        ("IN", D(2026, 11, 10), "Diwali", D(2026, 11, 6), D(2026, 11, 10)),
        # Christmas 2025 to New Year 2026 in Germany: 1 Jan is a Thursday, 2 Jan a workday
        ("DE", D(2025, 12, 30), "Christmas–New Year", D(2025, 12, 24), D(2026, 1, 1)),
        # ...and in 2026/27 New Year's Day is a Friday: the weekend joins the break
        ("DE", D(2026, 12, 29), "Christmas–New Year", D(2026, 12, 24), D(2027, 1, 3)),
        # China's Spring Festival 2026: three days before the eve, a week after the festival
        (
            "CN",
            D(2026, 2, 25),
            "Spring Festival (Chinese New Year)",
            D(2026, 2, 13),
            D(2026, 2, 26),
        ),
    ],
)
def test_runs_on_known_dates(
    code: str, inside: dt.date, name: str, first: dt.date, last: dt.date
) -> None:
    run = breaks(code).run_on(inside)
    assert run is not None
    assert (run.name, run.first, run.last) == (name, first, last)
    assert run.note


def test_working_days_inside_a_break_are_in_it() -> None:
    # 30 Dec 2025 is an ordinary Tuesday in Germany, but nobody is at work
    calendar = WorkCalendar("DE", load_channels())
    assert calendar.is_working_day(D(2025, 12, 30))
    assert breaks("DE").run_on(D(2025, 12, 30)) is not None


def test_no_break_outside_runs_or_elsewhere() -> None:
    assert breaks("VN").run_on(D(2026, 3, 2)) is None
    assert breaks("VN").run_on(D(2026, 2, 13)) is None  # the Friday before Tết still works
    assert breaks("BR").run_on(D(2026, 2, 19)) is None  # no Tết in Brazil
    assert breaks("ZZ").run_on(D(2026, 12, 28)) is None  # unknown country: no breaks


def test_a_break_wrapping_the_new_year_is_found_from_both_years() -> None:
    de = breaks("DE")
    late = de.run_on(D(2026, 12, 28))
    early = de.run_on(D(2027, 1, 1))
    assert late is not None
    assert late == early


@pytest.mark.parametrize("year", [2025, 2026, 2027, 2028])
def test_every_anchor_still_names_a_holiday(year: int) -> None:
    """Keeps data/breaks.toml in step with the holidays package: a renamed holiday fails."""
    table = load_breaks()
    countries = load_countries()
    for rule in table.rules:
        for code in rule.countries:
            assert code in countries.countries, f"{rule.name}: unknown country {code}"
            if not rule.anchors:
                continue
            calendar = WorkCalendar(code, load_channels())
            names = [
                h.name.casefold() for h in calendar.holidays_between(D(year, 1, 1), D(year, 12, 31))
            ]
            assert any(anchor.casefold() in name for anchor in rule.anchors for name in names), (
                f"{rule.name}: no {rule.anchors} in {code}'s holidays of {year}"
            )


def test_bad_files_are_refused(tmp_path: Path) -> None:
    both = tmp_path / "both.toml"
    both.write_text(
        '[[breaks]]\nname = "x"\ncountries = ["DE"]\nanchors = ["Christmas"]\n'
        'start = "12-24"\nend = "12-26"\nnote = "n"\nsource = "s"\n',
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match="either anchors"):
        load_breaks(both)
    code = tmp_path / "code.toml"
    code.write_text(
        '[[breaks]]\nname = "x"\ncountries = ["de"]\nstart = "12-24"\nend = "12-26"\n'
        'note = "n"\nsource = "s"\n',
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match="two capital letters"):
        load_breaks(code)
    date = tmp_path / "date.toml"
    date.write_text(
        '[[breaks]]\nname = "x"\ncountries = ["DE"]\nstart = "24-12"\nend = "12-26"\n'
        'note = "n"\nsource = "s"\n',
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match="MM-DD"):
        load_breaks(date)
