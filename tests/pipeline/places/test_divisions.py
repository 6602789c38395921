"""Second-level divisions: counties named bare or in lists, divisions outside the US, and
style-guide abbreviations of states."""

from __future__ import annotations

import pytest

from frontwatch.gazetteer.geo import distance_km
from frontwatch.gazetteer.lookup import Gazetteer
from frontwatch.pipeline.places import Resolver, Toponym

from ._resolve import resolve


def test_divisions_list_of_counties_names_counties(gazetteer: Gazetteer) -> None:
    text = "Flooding closed roads in Barrow and Jackson counties, Georgia officials said."
    barrow, _, _ = resolve(gazetteer, text, "Barrow", "Jackson", "Georgia")
    assert (barrow.best.kind, barrow.best.admin1) == ("admin2", "Georgia")


def test_divisions_bare_county_name_yields_to_the_town(gazetteer: Gazetteer) -> None:
    (dekalb,) = resolve(gazetteer, "A new library opened in DeKalb.", "DeKalb")
    assert dekalb.best.kind == "settlement"
    assert any(c.kind == "admin2" for c in dekalb.candidates)


def test_divisions_county_abbreviation(gazetteer: Gazetteer) -> None:
    (platte,) = resolve(gazetteer, "Deputies in Platte Co., Nebraska, said", "Platte Co.")
    assert (platte.best.kind, platte.best.admin1) == ("admin2", "Nebraska")


def test_divisions_independent_cities_are_not_counties(gazetteer: Gazetteer) -> None:
    assert not [c for c in gazetteer.candidates("Suffolk County") if c.admin1 == "Virginia"]


@pytest.mark.parametrize(
    ("text", "name", "point"),
    [
        ("Police in Suffolk, England, appealed for witnesses.", "Suffolk", (52.2, 1.0)),
        ("Police in Peel, Ontario, said", "Peel", (43.75, -79.8)),
        ("a farm in East Yorkshire", "East Yorkshire", (53.9, -0.5)),
    ],
)
def test_divisions_outside_the_us(
    gazetteer: Gazetteer, text: str, name: str, point: tuple[float, float]
) -> None:
    (result, *_) = resolve(gazetteer, text, name)
    assert result.best.kind == "admin2"
    assert distance_km(result.best.lat, result.best.lon, *point) < 50


@pytest.mark.parametrize("name", ["W.Va.", "W. Va."])
def test_divisions_dotted_state_abbreviations(gazetteer: Gazetteer, name: str) -> None:
    (state,) = resolve(gazetteer, f"CHARLESTON, {name} -- The council met.", name)
    assert state.best.admin1 == "West Virginia"


@pytest.mark.parametrize(
    ("name", "state"), [("Ohioans", "Ohio"), ("Texan", "Texas"), ("Ontarians", "Ontario")]
)
def test_divisions_demonyms_of_states_and_provinces(
    gazetteer: Gazetteer, name: str, state: str
) -> None:
    text = f"Many {name} said so."
    start = text.index(name)
    toponym = Toponym(start, start + len(name), name, demonym=True)
    (result,) = Resolver(gazetteer).resolve(text, [toponym])
    best = result.best
    assert best is not None
    assert (best.kind, best.admin1) == ("admin1", state)


def test_divisions_region_after_a_town_is_the_region_holding_it(gazetteer: Gazetteer) -> None:
    text = "A bakery in Tacoma, Washington shared its recipes."
    tacoma, washington = resolve(gazetteer, text, "Tacoma", "Washington")
    assert (washington.best.kind, washington.best.admin1) == ("admin1", "Washington")
    assert tacoma.best.admin1 == "Washington"
