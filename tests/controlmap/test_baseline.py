from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from frontwatch.controlmap import ControlLayer, baseline_states, disagreements
from frontwatch.model import Place

from .conftest import BELGOROD, CONTESTED, FEATURES, KHARKIV, LYMAN, collection


def place(name: str, point: tuple[float, float] | None, precision: str | None = "exact") -> Place:
    lat, lon = point if point else (None, None)
    return Place.model_validate(
        {"name": name, "gazetteer_id": name.lower(), "lat": lat, "lon": lon, "precision": precision}
    )


@pytest.fixture
def layer(write_snapshot: Callable[..., Path]) -> ControlLayer:
    return ControlLayer.from_file(write_snapshot())


def test_baseline_states(layer: ControlLayer) -> None:
    places = [
        place("Lyman", LYMAN),
        place("Kharkiv", KHARKIV),
        place("Contested", CONTESTED, precision="near"),
        place("Belgorod", BELGOROD),  # outside Ukraine: the layer does not say
        place("Nowhere", None),  # unlocated
        place("Donetsk Oblast", (48.0, 37.8), precision="region"),  # not a settlement
    ]
    states = baseline_states(layer, places)
    assert [(s.place.name, s.controller) for s in states] == [
        ("Lyman", "RU"),
        ("Kharkiv", "UA"),
        ("Contested", "contested"),
    ]
    assert {s.valid_from for s in states} == {dt.date(2022, 6, 15)}
    assert {s.basis for s in states} == {("baseline:2022-06-15.geojson.gz",)}
    assert all(s.valid_to is None for s in states)
    lyman, kharkiv, contested = (s.confidence for s in states)
    assert kharkiv == 0.9  # exact, far from any edge
    assert lyman == kharkiv  # 3 km and more from the nearest edge
    assert contested < lyman  # hromada-centre precision


def test_baseline_confidence_drops_at_the_edge(layer: ControlLayer) -> None:
    deep, edge = baseline_states(
        layer, [place("Deep", (49.0, 37.76)), place("Edge", (49.0, 37.705))]
    )
    assert deep.confidence == 0.9
    assert 0.45 <= edge.confidence < 0.6


def test_baseline_needs_a_day() -> None:
    layer = ControlLayer.from_geojson(collection(FEATURES), source="mem.geojson")
    with pytest.raises(ValueError, match=r"mem\.geojson: the layer has no day"):
        baseline_states(layer, [place("Lyman", LYMAN)])
    (state,) = baseline_states(layer, [place("Lyman", LYMAN)], day=dt.date(2022, 10, 1))
    assert state.valid_from == dt.date(2022, 10, 1)
    assert state.basis == ("baseline:mem.geojson",)


def test_disagreements(layer: ControlLayer) -> None:
    places = {
        "lyman": place("Lyman", LYMAN),
        "kharkiv": place("Kharkiv", KHARKIV),
        "contested": place("Contested", CONTESTED),
        "belgorod": place("Belgorod", BELGOROD),
        "nowhere": place("Nowhere", None),
        "agree": place("Agree", LYMAN),
    }
    text = {
        "lyman": "UA",  # the layer says RU
        "kharkiv": "contested",  # the layer says UA
        "contested": "unknown",  # the text does not know: nothing to compare
        "belgorod": "RU",  # the layer does not know
        "nowhere": "UA",  # unlocated
        "agree": "RU",
    }
    found = disagreements(layer, text, places)
    assert [(d.place_id, d.text, d.layer, d.kind) for d in found] == [
        ("kharkiv", "contested", "UA", "contested"),
        ("lyman", "UA", "RU", "opposite"),
    ]
    assert found[1].day == dt.date(2022, 6, 15)
    assert found[1].source == "2022-06-15.geojson.gz"
    assert found[1].edge_km is not None


def test_disagreements_unknown_place_id(layer: ControlLayer) -> None:
    with pytest.raises(ValueError, match="no place for 1 id"):
        disagreements(layer, {"lyman": "UA"}, {})
