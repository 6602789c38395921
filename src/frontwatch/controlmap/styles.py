"""Which control area a DeepStateMap feature draws, from its fill colour and its name.

Takes one GeoJSON feature's ``properties`` and geometry type; returns an :data:`AreaKind`,
or the reason the feature is not a control area (a point, a line, Transnistria, an unknown
style). The rules live in ``frontwatch/data/boundaries/deepstate_styles.json``:

1. Points and lines are annotations (unit markers, airfields, arrows), never areas.
2. A name mentioning Transnistria (``Придністров'я``) is outside Ukraine: ignored, whatever
   its fill (DeepState drew it in the pre-2022 maroon for a while, then in ``#ff5252``).
3. The fill colour decides: ``#a52714`` occupied since 24 Feb 2022; ``#880e4f``/``#000000``
   occupied before 2022 (ORDLO, Crimea, Tuzla); ``#0f9d58``/``#0288d1`` liberated;
   ``#bcaaa4``/``#bdbdbd``/``#757575`` contested, grey zone or situation unknown.
4. A name that says contested ("Під питанням", "Contested", "Сіра зона", ...) overrides an
   occupied fill: DeepState left a few such polygons in the occupied style.
5. A fill not in the table falls back to the name ("Окуповано", "Звільнено", "ОРДЛО", ...);
   a feature matching nothing is skipped and counted, never guessed.

Assumes the package data file is present; the table is read once and cached.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any, Final, Literal, NamedTuple, get_args

from frontwatch.model import Controller

__all__ = [
    "AREA_CONTROLLER",
    "AreaKind",
    "Classification",
    "StyleRules",
    "classify_feature",
    "style_rules",
]

AreaKind = Literal["occupied", "occupied_before_2022", "contested", "liberated"]
"""What a control polygon says about the ground it covers."""

AREA_CONTROLLER: Final[Mapping[AreaKind, Controller]] = {
    "occupied": "RU",
    "occupied_before_2022": "RU",
    "contested": "contested",
    "liberated": "UA",
}
"""The frontwatch controller of each kind of area. Liberated areas are Ukrainian-held ground
that Russia had occupied after 24 Feb 2022."""

_AREA_TYPES = frozenset({"Polygon", "MultiPolygon", "GeometryCollection"})


@dataclass(frozen=True)
class StyleRules:
    """The classification table (see the module docstring for the order)."""

    names_ignored: tuple[str, ...]
    fills: Mapping[str, AreaKind | None]
    names_contested: tuple[str, ...]
    names_fallback: tuple[tuple[AreaKind, tuple[str, ...]], ...]


@functools.cache
def style_rules() -> StyleRules:
    """The DeepState style table shipped with frontwatch."""
    path = resources.files("frontwatch.data").joinpath("boundaries", "deepstate_styles.json")
    raw: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    kinds = set(get_args(AreaKind))
    fills: dict[str, AreaKind | None] = {}
    for fill, kind in raw["fills"].items():
        if kind != "ignored" and kind not in kinds:
            raise ValueError(f"deepstate_styles.json: unknown kind {kind!r} for fill {fill}")
        fills[fill.lower()] = None if kind == "ignored" else kind
    fallback = tuple((kind, tuple(words)) for kind, words in raw["names_fallback"].items())
    if any(kind not in kinds for kind, _ in fallback):
        raise ValueError("deepstate_styles.json: unknown kind in names_fallback")
    return StyleRules(
        names_ignored=tuple(raw["names_ignored"]),
        fills=fills,
        names_contested=tuple(raw["names_contested"]),
        names_fallback=fallback,
    )


def _normalize(name: object) -> str:
    return " ".join(str(name).replace("\xa0", " ").split()).casefold() if name else ""


class Classification(NamedTuple):
    """The outcome for one feature: its area kind (None when skipped) and the rule that fired."""

    kind: AreaKind | None
    rule: str
    """``fill #a52714``, ``name: contested``, ``not an area (Point)``, ``outside Ukraine
    (Transnistria)``, ``ignored style #ff5252``, ``unknown style #123456``."""


def classify_feature(
    properties: Mapping[str, Any] | None,
    geometry_type: str | None,
    rules: StyleRules | None = None,
) -> Classification:
    """Classify one feature by the rules in the module docstring."""
    rules = rules or style_rules()
    if geometry_type not in _AREA_TYPES:
        return Classification(None, f"not an area ({geometry_type})")
    props = properties or {}
    name = _normalize(props.get("name"))
    if any(word in name for word in rules.names_ignored):
        return Classification(None, "outside Ukraine (Transnistria)")
    fill = str(props.get("fill") or "").lower()
    contested_name = any(word in name for word in rules.names_contested)
    if fill in rules.fills:
        kind = rules.fills[fill]
        if kind is None:
            return Classification(None, f"ignored style {fill}")
        if kind in ("occupied", "occupied_before_2022") and contested_name:
            return Classification("contested", f"name: contested (fill {fill})")
        return Classification(kind, f"fill {fill}")
    if contested_name:
        return Classification("contested", "name: contested")
    for kind, words in rules.names_fallback:
        if any(word in name for word in words):
            return Classification(kind, f"name: {kind}")
    return Classification(None, f"unknown style {fill or '(no fill)'}")
