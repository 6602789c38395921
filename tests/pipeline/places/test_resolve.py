"""Resolution in context: namesakes, the names of countries and spelled-out abbreviations."""

from __future__ import annotations

from typing import Any

import pytest

from frontwatch.gazetteer.geo import distance_km
from frontwatch.gazetteer.lookup import Gazetteer
from frontwatch.pipeline.places import Resolver, Toponym


def resolve(gazetteer: Gazetteer, text: str, *names: str) -> list[Any]:
    toponyms = []
    for name in names:
        start = text.index(name)
        toponyms.append(Toponym(start, start + len(name), name))
    return Resolver(gazetteer).resolve(text, toponyms)


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
