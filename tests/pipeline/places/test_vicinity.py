"""Vicinity: toponyms the gazetteer does not know, placed by the article's settlements."""

from __future__ import annotations

from frontwatch.gazetteer.geo import distance_km
from frontwatch.gazetteer.lookup import Gazetteer
from frontwatch.pipeline.places import Resolver, Toponym, to_place

from ._resolve import resolve


def test_vicinity_unknown_venue_takes_the_nearby_town(gazetteer: Gazetteer) -> None:
    text = "The rally at the Qwertz Memorial Arena in Kramatorsk drew a crowd."
    arena, town = resolve(gazetteer, text, "Qwertz Memorial Arena", "Kramatorsk")
    assert arena.best.kind == "vicinity"
    assert (arena.best.lat, arena.best.lon) == (town.best.lat, town.best.lon)
    assert arena.confidence == 0.25
    place = to_place(arena)
    assert place.gazetteer_id is None
    assert (place.precision, place.kind, place.name) == ("near", "vicinity", arena.toponym.text)


def test_vicinity_prefers_the_settlement_next_to_it(gazetteer: Gazetteer) -> None:
    text = (
        "Kharkiv was shelled again. Kharkiv officials said so. Far to the south, "
        "the Qwertzovka depot near Kherson burned."
    )
    *_, depot, kherson = resolve(gazetteer, text, "Kharkiv", "Kharkiv", "Qwertzovka", "Kherson")
    assert depot.best.kind == "vicinity"
    assert distance_km(depot.best.lat, depot.best.lon, kherson.best.lat, kherson.best.lon) < 1


def test_vicinity_keeps_a_contained_name_near_the_other_places(gazetteer: Gazetteer) -> None:
    text = "Guests flew into London for the wedding at Windsor Castle."
    _, castle = resolve(gazetteer, text, "London", "Windsor Castle")
    assert castle.best.matched == "part"
    assert castle.best.country == "GB"


def test_vicinity_replaces_a_contained_name_far_from_the_article(gazetteer: Gazetteer) -> None:
    # "Hatch" alone names a village in New Mexico, nowhere near Kent.
    text = "The season opens at Brands Hatch, near Maidstone, on Sunday."
    hatch, maidstone = resolve(gazetteer, text, "Brands Hatch", "Maidstone")
    assert hatch.best.kind == "vicinity"
    assert distance_km(hatch.best.lat, hatch.best.lon, maidstone.best.lat, maidstone.best.lon) < 1


def test_vicinity_without_a_settlement_stays_unresolved(gazetteer: Gazetteer) -> None:
    (result,) = resolve(gazetteer, "fighting near Qwertzovka", "Qwertzovka")
    assert result.best is None
    assert to_place(result).lat is None


def test_vicinity_leaves_demonyms_alone(gazetteer: Gazetteer) -> None:
    (people, _) = resolve(
        gazetteer, "Ukrainian troops entered Kramatorsk.", "Ukrainian", "Kramatorsk"
    )
    assert people.best is None


def test_vicinity_stays_in_the_country_the_article_is_about(gazetteer: Gazetteer) -> None:
    text = (
        "Kharkiv was shelled. Kharkiv officials said Ukraine needs more air defence. "
        "Families left the Qwertzivka district to live in Paris."
    )
    *_, district, _ = resolve(
        gazetteer, text, "Kharkiv", "Kharkiv", "Ukraine", "Qwertzivka", "Paris"
    )
    assert (district.best.kind, district.best.country) == ("vicinity", "UA")


def test_vicinity_takes_the_settlement_the_text_attaches(gazetteer: Gazetteer) -> None:
    text = (
        "Kyiv asked for talks. Kyiv and Ukraine's allies met at the Qwertz Hall in Geneva. "
        "The Qwertz Hall was full."
    )
    toponyms = []
    for name, at in (("Kyiv", 0), ("Kyiv", 22), ("Ukraine", 31), ("Qwertz Hall", 58)):
        start = text.index(name, at)
        toponyms.append(Toponym(start, start + len(name), name))
    start = text.rindex("Qwertz Hall")
    toponyms += [
        Toponym(text.index("Geneva"), text.index("Geneva") + 6, "Geneva"),
        Toponym(start, start + len("Qwertz Hall"), "Qwertz Hall"),
    ]
    results = Resolver(gazetteer).resolve(text, toponyms)
    hall, geneva, again = results[3], results[4], results[5]
    assert hall.best.kind == again.best.kind == "vicinity"
    assert distance_km(hall.best.lat, hall.best.lon, geneva.best.lat, geneva.best.lon) < 1
    assert (again.best.lat, again.best.lon) == (hall.best.lat, hall.best.lon)


def test_vicinity_falls_back_to_a_region_then_a_country(gazetteer: Gazetteer) -> None:
    text = "Farmers in Tamil Nadu said the Qwertzery river ran dry."
    region, river = resolve(gazetteer, text, "Tamil Nadu", "Qwertzery")
    assert (river.best.kind, river.best.precision) == ("vicinity", "region")
    assert (river.best.lat, river.best.lon) == (region.best.lat, region.best.lon)
    text = "Officials in Syria said the Qwertz crossing was closed."
    _, crossing = resolve(gazetteer, text, "Syria", "Qwertz crossing")
    assert (crossing.best.kind, crossing.best.precision) == ("vicinity", "country")
    assert crossing.best.country == "SY"


def test_vicinity_a_compass_word_in_a_name_is_no_place(gazetteer: Gazetteer) -> None:
    text = "He was treated at Northwestern Memorial Hospital in Chicago."
    hospital, chicago = resolve(gazetteer, text, "Northwestern Memorial Hospital", "Chicago")
    assert hospital.best.kind == "vicinity"
    assert (hospital.best.lat, hospital.best.lon) == (chicago.best.lat, chicago.best.lon)


def test_vicinity_an_institution_is_in_the_city_the_text_names(gazetteer: Gazetteer) -> None:
    # "St. Thomas" alone would be a parish of Barbados or Jamaica, "California" the state.
    text = "said Maria Lopez, a professor at the University of St. Thomas in Houston."
    school, houston = resolve(gazetteer, text, "University of St. Thomas", "Houston")
    assert school.best.kind == "vicinity"
    assert (school.best.lat, school.best.lon) == (houston.best.lat, houston.best.lon)
    text = "said a lecturer at the University of California, Los Angeles, on Monday."
    school, city = resolve(gazetteer, text, "University of California", "Los Angeles")
    assert school.best.kind == "vicinity"
    assert (school.best.lat, school.best.lon) == (city.best.lat, city.best.lon)


def test_vicinity_keeps_a_big_city_inside_an_event_name(gazetteer: Gazetteer) -> None:
    text = (
        "The plant in Bowling Green, Kentucky, builds the car, which was shown "
        "at the New York Auto Show last week."
    )
    *_, show = resolve(gazetteer, text, "Bowling Green", "Kentucky", "New York Auto Show")
    assert (show.best.matched, show.best.name) == ("part", "New York City")
