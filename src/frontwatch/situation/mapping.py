"""From a situation picture to the static map: settlements coloured by controller, changes
marked (drawing in :mod:`frontwatch.situation.render_map`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from frontwatch.situation.picture import Picture
from frontwatch.situation.render_map import MapChange, MapPoint, render_map

__all__ = ["draw"]


def draw(picture: Picture, path: Path, *, layer: Any = None) -> Path:
    """Render the picture's map to ``path`` and return it."""
    changed = {(c.state.place.gazetteer_id or c.state.place.name): c for c in picture.changes}
    points = []
    for _key, state in sorted(picture.states.items()):
        place = state.place
        if place.lat is None or place.lon is None:
            continue
        change = changed.get(place.gazetteer_id or place.name)
        points.append(
            MapPoint(
                name=place.name,
                lat=place.lat,
                lon=place.lon,
                controller=state.controller,
                changed=change is not None,
                priority=2.0 if change is not None else state.confidence,
            )
        )
    changes = [
        MapChange(
            name=c.state.place.name,
            lat=c.state.place.lat,
            lon=c.state.place.lon,
            before=c.before,  # type: ignore[arg-type]
            after=c.state.controller,
        )
        for c in picture.changes
        if c.state.place.lat is not None and c.state.place.lon is not None
    ]
    return render_map(points, changes, picture.day, path, layer=layer)
