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


@pytest.mark.parametrize(
    ("name", "country", "region"),
    [
        ("Paris", "FR", "Île-de-France"),
        ("Bordeaux", "FR", "Nouvelle-Aquitaine"),
        ("Milan", "IT", "Lombardia"),
        ("Barcelona", "ES", "Catalunya"),
        ("Sydney", "AU", "New South Wales"),
        ("Manchester", "GB", "England"),
        ("Hanoi", "VN", "Hanoi"),
    ],
)
def test_divisions_cities_carry_their_first_level_region(
    gazetteer: Gazetteer, name: str, country: str, region: str
) -> None:
    # Natural Earth codes France's departments and Italy's provinces with GeoNames codes of
    # the level below; the gazetteer must not call Paris part of Aude.
    biggest = max(
        (c for c in gazetteer.candidates(name) if c.country == country and c.kind != "admin2"),
        key=lambda c: c.population,
    )
    assert biggest.admin1 == region


@pytest.mark.parametrize(
    ("text", "name", "point"),
    [
        ("Separatist parties won a majority in Catalonia.", "Catalonia", (41.8, 1.5)),
        ("Wildfires spread across Tuscany this week.", "Tuscany", (43.4, 11.1)),
        ("Farmers in Brittany blocked the roads.", "Brittany", (48.2, -2.9)),
    ],
)
def test_divisions_regions_named_in_english(
    gazetteer: Gazetteer, text: str, name: str, point: tuple[float, float]
) -> None:
    (result,) = resolve(gazetteer, text, name)
    assert result.best.kind == "admin1"
    assert distance_km(result.best.lat, result.best.lon, *point) < 80


def test_divisions_english_county_below_the_first_level(gazetteer: Gazetteer) -> None:
    # Natural Earth's English counties are now the second level under England; those GeoNames
    # lacks (Northamptonshire was split in 2021) stay in the gazetteer as such.
    text = "The race moves to Corby, Northamptonshire, next month."
    corby, county = resolve(gazetteer, text, "Corby", "Northamptonshire")
    assert (county.best.kind, county.best.admin1) == ("admin2", "England")
    assert distance_km(corby.best.lat, corby.best.lon, 52.49, -0.69) < 10
