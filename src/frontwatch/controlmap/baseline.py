"""Control states from a map layer, and where the text and the layer disagree.

:func:`baseline_states` takes a :class:`~frontwatch.controlmap.layer.ControlLayer` and
gazetteer places and returns one :class:`~frontwatch.model.ControlState` per located
settlement: ``valid_from`` the snapshot's day, ``basis`` ``("baseline:<file>",)``, the
controller the layer gives. :func:`disagreements` compares controllers derived from text
with the layer.

Assumes places carry WGS84 coordinates. Places without coordinates, or located only to a
region or a country (an oblast's centroid says nothing about who holds it), are left out;
so are points the layer says nothing about (``unknown``: outside Ukraine).

Confidence is ``confidence`` (default 0.9: DeepState lags events by a day or more and
draws lines by hand) times 0.85 when the place's precision is not stated and 0.6 when it is
``near`` (a hromada centre, not the settlement), scaled down linearly to half within
:data:`EDGE_KM` of an occupied or contested area's edge, where a settlement may be split.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Final, Literal

from frontwatch.controlmap.layer import ControlLayer
from frontwatch.model import Controller, ControlState, GeoPrecision, Place

__all__ = [
    "BASELINE_CONFIDENCE",
    "EDGE_KM",
    "Disagreement",
    "DisagreementKind",
    "baseline_states",
    "disagreements",
]

BASELINE_CONFIDENCE: Final = 0.9
EDGE_KM: Final = 2.0
"""Within this distance of an area edge a baseline state's confidence is lowered."""

_PRECISION_FACTOR: Final[Mapping[GeoPrecision | None, float]] = {
    "exact": 1.0,
    None: 0.85,
    "near": 0.6,
}

DisagreementKind = Literal["opposite", "contested"]
"""``opposite``: one says UA, the other RU. ``contested``: one of them says contested."""


@dataclass(frozen=True)
class Disagreement:
    """A place whose controller from text differs from the control layer's."""

    place_id: str
    place: Place
    text: Controller
    """What the text-derived timeline says."""
    layer: Controller
    """What the layer says."""
    kind: DisagreementKind
    day: dt.date | None
    """The layer's day."""
    source: str
    """The layer's file name."""
    edge_km: float | None
    """Distance from the place to the nearest occupied/contested edge: a small one often
    means the front moved through the place and one of the two lags."""


def _located(place: Place) -> tuple[float, float] | None:
    if place.lat is None or place.lon is None or place.precision in ("region", "country"):
        return None
    return place.lat, place.lon


def _confidence(base: float, place: Place, edge_km: float | None) -> float:
    value = base * _PRECISION_FACTOR.get(place.precision, 1.0)
    if edge_km is not None and edge_km < EDGE_KM:
        value *= 0.5 + 0.5 * edge_km / EDGE_KM
    return round(value, 3)


def baseline_states(
    layer: ControlLayer,
    places: Iterable[Place],
    *,
    day: dt.date | None = None,
    confidence: float = BASELINE_CONFIDENCE,
) -> list[ControlState]:
    """One control state per located place, in input order (see the module docstring).

    ``day`` defaults to the layer's day; a layer without one needs it (ValueError otherwise).
    """
    valid_from = day or layer.day
    if valid_from is None:
        raise ValueError(f"{layer.source}: the layer has no day; pass day=")
    located = [(place, point) for place in places if (point := _located(place)) is not None]
    controllers = layer.statuses(point for _, point in located)
    basis = (f"baseline:{layer.source}",)
    states: list[ControlState] = []
    for (place, (lat, lon)), controller in zip(located, controllers, strict=True):
        if controller == "unknown":
            continue
        edge = layer.edge_distance_km(lat, lon)
        states.append(
            ControlState(
                place=place,
                controller=controller,
                valid_from=valid_from,
                basis=basis,
                confidence=_confidence(confidence, place, edge),
            )
        )
    return states


def disagreements(
    layer: ControlLayer,
    text: Mapping[str, Controller],
    places: Mapping[str, Place],
) -> list[Disagreement]:
    """Places where the text's controller (place id → controller) differs from the layer's.

    ``places`` maps the same ids to places with coordinates. A text ``unknown``, a layer
    ``unknown`` and unlocated places are not disagreements (nothing to compare). Ids missing
    from ``places`` raise ValueError. Sorted by place id.
    """
    missing = sorted(set(text) - set(places))
    if missing:
        shown = ", ".join(missing[:5]) + (", ..." if len(missing) > 5 else "")
        raise ValueError(f"no place for {len(missing)} id(s) of the text timeline: {shown}")
    ids = [i for i in sorted(text) if text[i] != "unknown" and _located(places[i]) is not None]
    points = [_located(places[i]) for i in ids]
    located = [p for p in points if p is not None]
    found: list[Disagreement] = []
    for place_id, (lat, lon), controller in zip(ids, located, layer.statuses(located), strict=True):
        said = text[place_id]
        if controller in ("unknown", said):
            continue
        found.append(
            Disagreement(
                place_id=place_id,
                place=places[place_id],
                text=said,
                layer=controller,
                kind="contested" if "contested" in (said, controller) else "opposite",
                day=layer.day,
                source=layer.source,
                edge_km=layer.edge_distance_km(lat, lon),
            )
        )
    return found
