"""Resolution in context: namesakes, the names of countries and spelled-out abbreviations."""

from __future__ import annotations

from typing import Any

import pytest

from frontwatch.gazetteer.geo import distance_km
from frontwatch.gazetteer.lookup import Gazetteer
from frontwatch.pipeline.places import Resolver, Toponym

from ._resolve import resolve


def near(result: Any, point: tuple[float, float], km: float = 100) -> bool:
    best = result.best
    return best is not None and distance_km(best.lat, best.lon, *point) < km


@pytest.mark.parametrize("name", ["Mexico", "Kuwait", "Panama"])
def test_resolve_a_country_name_is_not_its_capital(gazetteer: Gazetteer, name: str) -> None:
    text = f"Talks between {name} and the United States resumed on Monday."
    country, _ = resolve(gazetteer, text, name, "United States")
    assert country.best.kind == "country"


def test_resolve_style_guide_saint_is_the_saint(gazetteer: Gazetteer) -> None:
    text = "Russia will close the US consulate in St. Petersburg, the ministry said."
    _, _, city = resolve(gazetteer, text, "Russia", "US", "St. Petersburg")
    assert near(city, (59.94, 30.31))


def test_resolve_saint_spelled_out_keeps_the_official_name(gazetteer: Gazetteer) -> None:
    (city,) = resolve(gazetteer, "The team flew home to Saint Louis on Monday.", "Saint Louis")
    assert (city.best.admin1, city.best.matched) == ("Missouri", "official")


@pytest.mark.parametrize(
    ("text", "name", "point"),
    [
        ("Qatar and its neighbours in the Gulf cut ties.", "Gulf", (27.0, 51.0)),
        ("Bushfires spread across NSW on Sunday.", "NSW", (-32.2, 147.0)),
        ("The T&T government met in Port of Spain.", "T&T", (10.7, -61.3)),
        ("A Sicilian court ruled on Friday.", "Sicilian", (37.6, 14.1)),
        ("Rebels held Eastern Ghouta outside Damascus.", "Eastern Ghouta", (33.55, 36.45)),
        ("Oil spills fouled the Niger Delta again.", "Niger Delta", (5.0, 6.2)),
        ("Tech leaders on the West Coast met in Seattle.", "West Coast", (40.7, -123.0)),
    ],
)
def test_resolve_world_regions_abbreviations_and_demonyms(
    gazetteer: Gazetteer, text: str, name: str, point: tuple[float, float]
) -> None:
    # Every capitalized word of the sentence that the gazetteer knows is a toponym too.
    toponyms = [Toponym(text.index(name), text.index(name) + len(name), name, demonym=True)]
    for other in ("Qatar", "Port of Spain", "Damascus", "Seattle"):
        if other in text:
            toponyms.append(Toponym(text.index(other), text.index(other) + len(other), other))
    result, *_ = Resolver(gazetteer).resolve(text, toponyms)
    assert near(result, point, km=150)


@pytest.mark.parametrize(
    ("text", "name", "region"),
    [
        ("The race moved to Croft, Yorkshire, last week.", "Croft", "Yorkshire"),
        ("A fete was held in Qwertzby, Northamptonshire.", "Qwertzby", "Northamptonshire"),
    ],
)
def test_resolve_a_place_the_text_puts_in_a_region_stays_in_it(
    gazetteer: Gazetteer, text: str, name: str, region: str
) -> None:
    place, area = resolve(gazetteer, text, name, region)
    assert (place.best.kind, place.best.precision) == ("vicinity", "region")
    assert (place.best.lat, place.best.lon) == (area.best.lat, area.best.lon)


def test_resolve_a_list_is_not_a_place_in_a_region(gazetteer: Gazetteer) -> None:
    text = "Stores in Zilina, Nitra, Presov and Kosice closed."
    results = resolve(gazetteer, text, "Zilina", "Nitra", "Presov", "Kosice")
    assert all(r.best.kind != "vicinity" for r in results)


def test_resolve_names_listed_together_are_of_one_kind(gazetteer: Gazetteer) -> None:
    text = "Storms hit Florida, Alabama and Georgia on Monday."
    *_, georgia = resolve(gazetteer, text, "Florida", "Alabama", "Georgia")
    assert (georgia.best.kind, georgia.best.country) == ("admin1", "US")


def test_resolve_a_pair_with_a_comma_is_not_a_list(gazetteer: Gazetteer) -> None:
    text = "The band played in Paris, Texas, last night."
    paris, _ = resolve(gazetteer, text, "Paris", "Texas")
    assert (paris.best.kind, paris.best.admin1) == ("settlement", "Texas")


def test_resolve_the_district_of_columbia_is_not_a_second_washington(
    gazetteer: Gazetteer,
) -> None:
    names = {(c.kind, c.admin1_code) for c in gazetteer.candidates("Washington")}
    assert ("admin1", "US.WA") in names
    assert ("admin1", "US.DC") not in names


def test_resolve_an_embassy_is_not_in_its_country(gazetteer: Gazetteer) -> None:
    text = "Protesters gathered outside the Russian Embassy in London on Sunday."
    embassy, london = resolve(gazetteer, text, "Russian Embassy", "London")
    assert embassy.best.country == "GB"
    assert (embassy.best.lat, embassy.best.lon) == (london.best.lat, london.best.lon)


@pytest.mark.parametrize(
    ("text", "name", "point"),
    [
        ("Flights were cancelled at Heathrow after the storm.", "Heathrow", (51.47, -0.46)),
        (
            "He landed at Dulles International Airport late.",
            "Dulles International Airport",
            (38.95, -77.46),
        ),
        ("Passengers at Schiphol waited for hours.", "Schiphol", (52.31, 4.76)),
    ],
)
def test_resolve_airports_by_their_names(
    gazetteer: Gazetteer, text: str, name: str, point: tuple[float, float]
) -> None:
    (airport,) = resolve(gazetteer, text, name)
    assert airport.best.kind == "facility"
    assert near(airport, point, km=5)


def test_resolve_an_airport_does_not_take_a_towns_name(gazetteer: Gazetteer) -> None:
    assert all(c.kind != "facility" for c in gazetteer.candidates("Orlando"))


def test_resolve_lists_are_read_in_text_order(gazetteer: Gazetteer) -> None:
    text = "Storms hit Florida, Alabama and Georgia on Monday."
    georgia, *_ = resolve(gazetteer, text, "Georgia", "Alabama", "Florida")
    assert (georgia.best.kind, georgia.best.country) == ("admin1", "US")


def test_resolve_a_large_island_beats_a_small_namesake_in_its_country(
    gazetteer: Gazetteer,
) -> None:
    text = "The minister in Trinidad said T&T would vote with its neighbours."
    trinidad, _ = resolve(gazetteer, text, "Trinidad", "T&T")
    assert (trinidad.best.kind, trinidad.best.country) == ("island", "TT")


def test_resolve_a_compass_word_makes_a_name_an_area(gazetteer: Gazetteer) -> None:
    # Bare "Washington" is the capital; "central Washington" is the state. A city's part
    # ("northern Bakhmut", "eastern Kharkiv") does not move a city to its region.
    (bare,) = resolve(gazetteer, "Officials in Washington agreed.", "Washington")
    assert bare.best.kind == "capital"
    (state,) = resolve(gazetteer, "Fires spread across central Washington.", "Washington")
    assert (state.best.kind, state.best.admin1) == ("admin1", "Washington")
    for text, name in (
        ("Fighting continued in northern Bakhmut.", "Bakhmut"),
        ("Missiles hit eastern Kharkiv overnight.", "Kharkiv"),
    ):
        (city,) = resolve(gazetteer, text, name)
        assert city.best.kind in {"settlement", "capital"}, text


@pytest.mark.parametrize(
    ("name", "country", "official"),
    [("al-Nabk", "SY", "An Nabk"), ("ar-Raqqa", "SY", "Ar Raqqah"), ("el-Arish", "EG", None)],
)
def test_resolve_arabic_article_spellings(
    gazetteer: Gazetteer, name: str, country: str, official: str | None
) -> None:
    (result,) = resolve(gazetteer, f"Strikes hit {name} on Monday.", name)
    assert result.best.country == country
    assert result.best.matched != "part"
    if official:
        assert result.best.name == official


def test_resolve_the_arabic_article_is_not_a_place(gazetteer: Gazetteer) -> None:
    # Without the article's variants "ash-Shaddadi" took the village of Ash in England.
    (result,) = resolve(gazetteer, "Troops left ash-Shaddadi.", "ash-Shaddadi")
    assert result.best is None


def test_resolve_the_west_is_no_west_region(gazetteer: Gazetteer) -> None:
    # Cameroon's West Region and Iceland's Western Region are no reading of "the West" in
    # "Russia and the West"; frontwatch has no point for the Western world and says so.
    text = "Relations between Russia and the West worsened near Kharkiv."
    _, west, _ = resolve(gazetteer, text, "Russia", "West", "Kharkiv")
    assert west.best is None
    (town,) = resolve(gazetteer, "The plant in West, Texas, exploded.", "West")
    assert (town.best.name, town.best.admin1) == ("West", "Texas")
