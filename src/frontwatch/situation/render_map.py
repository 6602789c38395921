"""A static situation map for one day: settlements by controller, what changed, the front.

Takes settlements (:class:`MapPoint`), the control changes since the previous day
(:class:`MapChange`), the day, and optionally a control-map layer
(:class:`~frontwatch.controlmap.layer.ControlLayer`); writes a PNG (or an SVG, by the file
suffix) that needs no internet: oblast outlines and neighbouring countries from the boundary
data shipped with frontwatch (Natural Earth), the layer's areas shaded (occupied red,
contested hatched, retaken light blue), settlements coloured by controller, changed places
ringed with a callout, a legend, a scale bar, lat/lon ticks, a locator inset, attributions.

The map is plate carrée with the aspect of its centre latitude (scale true to about 1 %
across an oblast). It zooms to the points and changes with padding, never tighter than
:attr:`MapOptions.min_span_km`; with nothing to show it shows all of Ukraine. Labels go to
every changed place, then to at most :attr:`MapOptions.max_labels` other points by
``priority``, then to the oblasts and countries in view; a label that would overlap a
placed label, a marker, the legend, the scale bar or the inset tries the next of eight slots
around its point (callouts: growing circles) and is dropped when none is free.

Output is deterministic: fixed size and dpi, no timestamp or software version in the file
metadata, a fixed SVG id salt, matplotlib's bundled DejaVu Sans. Uses the Agg canvas
directly (no pyplot state). Fails with :class:`ValueError` for a suffix other than
``.png``/``.svg`` or an empty extent.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import matplotlib as mpl
import shapely  # type: ignore[import-untyped,unused-ignore]  # shapely ships no type hints
from matplotlib import patheffects
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, PathPatch, Rectangle
from matplotlib.path import Path as MplPath
from matplotlib.text import Annotation, Text
from matplotlib.transforms import Bbox
from shapely.geometry import box  # type: ignore[import-untyped,unused-ignore]
from shapely.geometry.base import BaseGeometry  # type: ignore[import-untyped,unused-ignore]

from frontwatch.controlmap.boundaries import neighbours, oblasts, ukraine_outline
from frontwatch.controlmap.layer import ControlLayer
from frontwatch.controlmap.styles import AreaKind
from frontwatch.gazetteer.geo import EARTH_RADIUS_KM
from frontwatch.model import Controller

__all__ = ["UKRAINE_EXTENT", "Extent", "MapChange", "MapOptions", "MapPoint", "render_map"]

Extent = tuple[float, float, float, float]
"""``(west, south, east, north)`` in degrees."""

UKRAINE_EXTENT: Final[Extent] = (22.0, 44.2, 40.4, 52.5)

_COLOURS: Final[dict[Controller, str]] = {
    "UA": "#1f5fbf",
    "RU": "#c8102e",
    "contested": "#f28e1c",
    "unknown": "#9e9e9e",
}
_NAMES: Final[dict[Controller, str]] = {
    "UA": "Ukraine",
    "RU": "Russia",
    "contested": "contested",
    "unknown": "unknown",
}
_LEGEND_POINTS: Final[dict[Controller, str]] = {
    "UA": "Ukrainian-held settlement",
    "RU": "Russian-held settlement",
    "contested": "Contested settlement",
    "unknown": "Control unknown",
}
# Fill, fill alpha, hatch, edge colour, legend text; drawn in this order (last on top).
_AREAS: Final[dict[AreaKind, tuple[str, float, str | None, str, str]]] = {
    "liberated": ("#5b8fd9", 0.13, None, "#7ea6e0", "Retaken by Ukraine since 24 Feb"),
    "occupied_before_2022": ("#9c2a4a", 0.32, None, "#7a1f3a", "Occupied before 2022"),
    "occupied": ("#e4573d", 0.30, None, "#b3261e", "Occupied since 24 Feb 2022"),
    "contested": ("#f5b041", 0.20, "////", "#d68910", "Contested / grey zone"),
}
_SEA, _NEIGHBOUR, _LAND, _INK = "#dce8f2", "#e9e7e3", "#fbfaf6", "#222222"
_MAP_BOX: Final = (0.06, 0.085, 0.92, 0.815)
_HALO: Final = [patheffects.withStroke(linewidth=2.6, foreground="white")]
_KM_PER_DEG: Final = math.pi * EARTH_RADIUS_KM / 180.0
# Label slots around a marker (offset in points, alignment), and callout directions.
_SLOTS: Final = ((6, 4, "left", "bottom"), (6, -4, "left", "top"), (-6, 4, "right", "bottom"))
_SLOTS_ALL: Final = (
    *_SLOTS,
    (-6, -4, "right", "top"),
    (8, 0, "left", "center"),
    (-8, 0, "right", "center"),
    (0, 7, "center", "bottom"),
    (0, -7, "center", "top"),
)
_CALLOUT_ANGLES: Final = (45, 135, -45, -135, 0, 180, 90, -90)


@dataclass(frozen=True)
class MapPoint:
    """A settlement to draw."""

    name: str
    lat: float
    lon: float
    controller: Controller
    changed: bool = False
    """Ringed and called out as changed since the previous day."""
    note: str | None = None
    """A short remark under the name of a changed place ("recaptured")."""
    priority: float = 0.0
    """Label priority among unchanged places (e.g. population); higher first."""


@dataclass(frozen=True)
class MapChange:
    """A control change since the previous day: a ring and a callout "name, before → after"."""

    name: str
    lat: float
    lon: float
    before: Controller
    after: Controller
    note: str | None = None


@dataclass(frozen=True)
class MapOptions:
    """Rendering settings; the defaults make a 1,500 x 1,200 pixel PNG."""

    width_in: float = 10.0
    height_in: float = 8.0
    dpi: int = 150
    max_labels: int = 20
    """Unchanged places labelled at most (changed places are always called out)."""
    padding: float = 0.15
    """Margin around the points, as a fraction of their span."""
    min_span_km: float = 120.0
    """Smallest north-south extent of an auto-zoomed map."""


def _path(geometry: BaseGeometry) -> MplPath | None:
    """One compound path for a (multi)polygon, holes included."""
    vertices: list[tuple[float, float]] = []
    codes: list[int] = []
    for polygon in shapely.get_parts(geometry):
        if polygon.geom_type != "Polygon" or polygon.is_empty:
            continue
        for ring in (polygon.exterior, *polygon.interiors):
            coords = list(ring.coords)
            vertices.extend(coords)
            codes.extend([int(MplPath.MOVETO)] + [int(MplPath.LINETO)] * (len(coords) - 2))
            codes.append(int(MplPath.CLOSEPOLY))
    return MplPath(vertices, codes) if vertices else None


def _auto_extent(coords: Sequence[tuple[float, float]], padding: float) -> Extent:
    if not coords:
        return UKRAINE_EXTENT
    lats, lons = [lat for lat, _ in coords], [lon for _, lon in coords]
    pad_lat = max((max(lats) - min(lats)) * padding, 0.05)
    pad_lon = max((max(lons) - min(lons)) * padding, 0.05)
    return (min(lons) - pad_lon, min(lats) - pad_lat, max(lons) + pad_lon, max(lats) + pad_lat)


def _fit_extent(extent: Extent, aspect: float, min_span_km: float) -> Extent:
    """Grow the extent to the map's width/height ratio and to the minimum span."""
    west, south, east, north = extent
    if not (east > west and north > south):
        raise ValueError(f"empty map extent {extent}: need west < east and south < north")
    lat, lon = (south + north) / 2, (west + east) / 2
    cos_lat = math.cos(math.radians(lat))
    height = max(north - south, min_span_km / _KM_PER_DEG)
    width = max((east - west) * cos_lat, height * aspect)
    height = max(height, width / aspect)
    half = width / cos_lat / 2
    return (lon - half, lat - height / 2, lon + half, lat + height / 2)


def _change_text(change: MapChange) -> str:
    text = f"{change.name}\n{_NAMES[change.before]} → {_NAMES[change.after]}"
    return f"{text}\n{change.note}" if change.note else text


class _Map:
    """One figure being drawn, and the screen boxes that labels must avoid."""

    def __init__(self, extent: Extent, options: MapOptions) -> None:
        self.extent = extent
        self.fig = Figure(figsize=(options.width_in, options.height_in), dpi=options.dpi)
        # matplotlib's hints leave get_renderer untyped; it returns a RendererAgg.
        self.renderer = FigureCanvasAgg(self.fig).get_renderer()  # type: ignore[no-untyped-call]
        self.ax = self.fig.add_axes(_MAP_BOX)
        west, south, east, north = extent
        self.ax.set_xlim(west, east)
        self.ax.set_ylim(south, north)
        self.ax.set_aspect(1 / math.cos(math.radians((south + north) / 2)), adjustable="box")
        self.view = box(*extent)
        self.frame = self.ax.get_window_extent(self.renderer).shrunk(0.985, 0.985)
        self.taken: list[Bbox] = []
        self.dots: list[tuple[float, float]] = []
        """Display positions of the settlement markers (a label must not sit at another)."""

    # Drawing -------------------------------------------------------------------------

    def polygon(self, geometry: BaseGeometry, ax: Axes | None = None, **style: Any) -> None:
        path = _path(geometry)
        if path is not None:
            (ax or self.ax).add_patch(PathPatch(path, **style))

    def basemap(self) -> None:
        self.ax.set_facecolor(_SEA)
        for country in neighbours():
            self.polygon(country.geometry, fc=_NEIGHBOUR, ec="#b9b4ab", lw=0.6, zorder=1)
        self.polygon(ukraine_outline(), fc=_LAND, ec="none", zorder=1)

    def borders(self) -> None:
        dashed = (0, (4, 2))
        for oblast in oblasts():
            self.polygon(oblast.geometry, fc="none", ec="#a8a8a8", lw=0.5, ls=dashed, zorder=6)
        self.polygon(ukraine_outline(), fc="none", ec="#5a5a5a", lw=1.3, zorder=6)

    def areas(self, layer: ControlLayer) -> list[AreaKind]:
        """Shade the layer's areas, merged per kind and clipped to Ukraine and the view."""
        clip = ukraine_outline().buffer(0.005).intersection(self.view.buffer(0.5))
        drawn: list[AreaKind] = []
        for kind, (face, alpha, hatch, edge, _) in _AREAS.items():
            parts = [a.geometry for a in layer.areas if a.kind == kind]
            # Closing by 300 m removes the slivers between adjacent hand-drawn polygons.
            merged = shapely.union_all(parts).buffer(0.003).buffer(-0.003).intersection(clip)
            if merged.is_empty:
                continue
            drawn.append(kind)
            self.polygon(merged, fc=mpl.colors.to_rgba(face, alpha), ec="none", zorder=3)
            if hatch:
                hatch_ink = mpl.colors.to_rgba(edge, 0.75)
                self.polygon(merged, fc="none", ec=hatch_ink, hatch=hatch, lw=0, zorder=3)
            width = 0.5 if kind == "liberated" else 0.9
            self.polygon(merged, fc="none", ec=edge, lw=width, zorder=5)
        return drawn

    def ticks(self) -> None:
        west, south, east, north = self.extent
        span = max(east - west, north - south)
        step = next((s for s in (0.25, 0.5, 1.0, 2.0) if span / s <= 8), 5.0)
        xs = [i * step for i in range(math.ceil(west / step), math.floor(east / step) + 1)]
        ys = [i * step for i in range(math.ceil(south / step), math.floor(north / step) + 1)]
        self.ax.set_xticks(xs, [f"{x:g}°E" for x in xs])
        self.ax.set_yticks(ys, [f"{y:g}°N" for y in ys])
        self.ax.tick_params(labelsize=7, colors="#555555", length=3)
        self.ax.grid(True, color="#8899aa", linewidth=0.3, alpha=0.5, zorder=2)

    def marker(self, lon: float, lat: float, controller: Controller, ring: bool = False) -> None:
        shape = "D" if controller == "contested" else "o"
        colour = _COLOURS[controller]
        self.ax.scatter(
            [lon], [lat], s=38, c=colour, marker=shape, ec="white", lw=0.9, zorder=12 + ring
        )
        if ring:
            for ink, width in ((_INK, 2.2), ("#ffd21f", 0.9)):
                self.ax.scatter([lon], [lat], s=270, fc="none", ec=ink, lw=width, zorder=14)
        self.block(lon, lat, 10 if ring else 4)
        self.dots.append(tuple(self.ax.transData.transform((lon, lat))))

    def legend(
        self, controllers: set[Controller], areas: Sequence[AreaKind], changed: bool
    ) -> None:
        handles: list[Artist] = [
            Line2D(
                [], [], ls="none", marker="D" if c == "contested" else "o", ms=6.5,
                mfc=_COLOURS[c], mec="white", label=_LEGEND_POINTS[c],
            )
            for c in _COLOURS
            if c in controllers or (controllers and c in ("UA", "RU"))
        ]  # fmt: skip
        if changed:
            ring = Line2D(
                [], [], ls="none", marker="o", ms=13, mfc="none", mec=_INK, mew=2.2,
                label="Changed since the previous day",
            )  # fmt: skip
            handles.append(ring)
        for kind in areas:
            face, alpha, hatch, edge, text = _AREAS[kind]
            fill = mpl.colors.to_rgba(face, alpha)
            handles.append(Patch(fc=fill, ec=edge, hatch=hatch, lw=0.8, label=text))
        if not handles:
            return
        legend = self.ax.legend(
            handles=handles, loc="lower right", fontsize=7.5, framealpha=0.94, edgecolor="#999999",
            fancybox=False, borderpad=0.8, labelspacing=0.6, title="Control", title_fontsize=8.5,
        )  # fmt: skip
        legend.set_zorder(30)
        self.taken.append(legend.get_window_extent(self.renderer).padded(4))

    def scale_bar(self) -> None:
        west, south, east, north = self.extent
        lat = south + (north - south) * 0.05
        km_per_lon = _KM_PER_DEG * math.cos(math.radians(lat))
        target = (east - west) * km_per_lon / 6
        length = next((s for s in (5, 10, 20, 25, 50, 100, 200, 250) if s >= target), 500)
        x0 = west + (east - west) * 0.03
        x1 = x0 + length / km_per_lon
        tick = (north - south) * 0.008
        style: dict[str, Any] = {"color": _INK, "lw": 1.4, "zorder": 20, "solid_capstyle": "butt"}
        self.ax.plot([x0, x1], [lat, lat], **style)
        for x in (x0, (x0 + x1) / 2, x1):
            self.ax.plot([x, x], [lat - tick, lat + tick], **style)
        text = self.ax.text(
            (x0 + x1) / 2, lat + tick * 1.6, f"{length:g} km", ha="center", va="bottom",
            fontsize=8, color=_INK, zorder=20, path_effects=_HALO,
        )  # fmt: skip
        corners = self.ax.transData.transform([(x0, lat - tick), (x1, lat + tick)])
        self.taken.append(Bbox(corners).padded(4))
        self.taken.append(text.get_window_extent(self.renderer).padded(2))

    def locator(self) -> None:
        """A small map of Ukraine with the view's rectangle, when the view is regional."""
        west, south, east, north = self.extent
        w, s, e, n = UKRAINE_EXTENT
        if east - west > 0.6 * (e - w):
            return
        pos = self.ax.get_position()
        inset = self.fig.add_axes((pos.x1 - 0.205, pos.y1 - 0.175, 0.2, 0.17))
        inset.set_facecolor(_SEA)
        for country in neighbours():
            self.polygon(country.geometry, inset, fc=_NEIGHBOUR, ec="#b9b4ab", lw=0.3)
        self.polygon(ukraine_outline(), inset, fc=_LAND, ec="#5a5a5a", lw=0.6)
        rectangle = Rectangle((west, south), east - west, north - south, fill=False)
        rectangle.set(edgecolor=_COLOURS["RU"], linewidth=1.2)
        inset.add_patch(rectangle)
        inset.set_xlim(w, e)
        inset.set_ylim(s, n)
        inset.set_aspect(1 / math.cos(math.radians((s + n) / 2)), adjustable="datalim")
        inset.set_xticks([])
        inset.set_yticks([])
        for spine in inset.spines.values():
            spine.set(edgecolor="#777777", linewidth=0.8)
        self.taken.append(inset.get_window_extent(self.renderer).padded(4))

    # Labels ----------------------------------------------------------------------------

    def block(self, lon: float, lat: float, radius: float) -> None:
        x, y = self.ax.transData.transform((lon, lat))
        self.taken.append(Bbox.from_extents(x - radius, y - radius, x + radius, y + radius))

    def _free(self, extent: Bbox) -> bool:
        inside = self.frame.contains(extent.x0, extent.y0) and self.frame.contains(
            extent.x1, extent.y1
        )
        return inside and not any(extent.overlaps(other) for other in self.taken)

    def _extent(self, artist: Text, pad: float) -> Bbox:
        # The text alone: an Annotation's own extent also spans its leader line.
        if isinstance(artist, Annotation):
            artist.update_positions(self.renderer)
        return Text.get_window_extent(artist, self.renderer).padded(pad)

    def _try(self, artist: Text, pad: float) -> bool:
        extent = self._extent(artist, pad)
        if self._free(extent):
            self.taken.append(extent)
            return True
        artist.remove()
        return False

    def label(self, lon: float, lat: float, text: str, slots: Sequence[Any] = _SLOTS_ALL) -> bool:
        """A settlement's name beside its marker, else on a short leader line, in the first
        free spot; False when there is none."""
        for dx, dy, ha, va in slots:
            artist = self.ax.annotate(
                text, (lon, lat), xytext=(dx, dy), textcoords="offset points", ha=ha, va=va,
                fontsize=8, color=_INK, zorder=15, path_effects=_HALO, annotation_clip=False,
            )  # fmt: skip
            if self._beside_another(artist, lon, lat):
                artist.remove()
                continue
            if self._try(artist, 1.0):
                return True
        # No free slot beside the marker: a short leader line says whose name it is.
        for radius in (26, 40, 56):
            for angle in _CALLOUT_ANGLES:
                dx = radius * math.cos(math.radians(angle))
                dy = radius * math.sin(math.radians(angle)) * 0.75
                artist = self.ax.annotate(
                    text, (lon, lat), xytext=(dx, dy), textcoords="offset points",
                    ha="left" if dx > 1 else "right" if dx < -1 else "center",
                    va="bottom" if dy > 1 else "top" if dy < -1 else "center",
                    fontsize=8, color=_INK, zorder=15, path_effects=_HALO,
                    annotation_clip=False,
                    arrowprops={"arrowstyle": "-", "color": "#555555", "lw": 0.7,
                                "shrinkA": 1, "shrinkB": 4},
                )  # fmt: skip
                if self._beside_another(artist, lon, lat) or self._crosses_another(
                    artist, lon, lat
                ):
                    artist.remove()
                    continue
                if self._try(artist, 1.0):
                    return True
        return False

    def _beside_another(self, artist: Text, lon: float, lat: float, pad: float = 24.0) -> bool:
        """The label would sit within ``pad`` points of another settlement's marker, where a
        reader would take it for that settlement's name."""
        own = self.ax.transData.transform((lon, lat))
        extent = self._extent(artist, pad)
        return any(
            extent.contains(x, y) and math.hypot(x - own[0], y - own[1]) > 1.0 for x, y in self.dots
        )

    def _crosses_another(self, artist: Annotation, lon: float, lat: float) -> bool:
        """The leader line from the marker to the label passes another settlement's marker."""
        x0, y0 = self.ax.transData.transform((lon, lat))
        box = self._extent(artist, 0.0)
        x1 = min(max(x0, box.x0), box.x1)  # the label's nearest edge point
        y1 = min(max(y0, box.y0), box.y1)
        length = math.hypot(x1 - x0, y1 - y0) or 1.0
        for x, y in self.dots:
            if math.hypot(x - x0, y - y0) <= 1.0:
                continue
            along = ((x - x0) * (x1 - x0) + (y - y0) * (y1 - y0)) / length**2
            along = min(max(along, 0.0), 1.0)
            if math.hypot(x - (x0 + along * (x1 - x0)), y - (y0 + along * (y1 - y0))) < 16.0:
                return True
        return False

    def _callout(
        self, lon: float, lat: float, text: str, colour: str, radius: float, angle: float
    ) -> Annotation:
        dx = radius * math.cos(math.radians(angle))
        dy = radius * math.sin(math.radians(angle)) * 0.75
        return self.ax.annotate(
            text, (lon, lat), xytext=(dx, dy), textcoords="offset points",
            ha="left" if dx > 1 else "right" if dx < -1 else "center",
            va="bottom" if dy > 1 else "top" if dy < -1 else "center",
            fontsize=8.5, fontweight="bold", color=_INK, zorder=18, linespacing=1.3,
            bbox={"boxstyle": "round,pad=0.4", "fc": "white", "ec": colour, "lw": 1.4},
            arrowprops={"arrowstyle": "-", "color": colour, "lw": 1.3, "shrinkB": 10},
        )  # fmt: skip

    def callout(self, lon: float, lat: float, text: str, colour: str) -> None:
        """A boxed label on a leader line, in the first free spot on growing circles."""
        candidates = [(r, a) for r in (40, 65, 95, 135, 180) for a in _CALLOUT_ANGLES]
        for radius, angle in candidates:
            if self._try(self._callout(lon, lat, text, colour, radius, angle), 7.0):
                return
        # Nowhere free: the first spot, overlapping whatever is there.
        artist = self._callout(lon, lat, text, colour, *candidates[0])
        self.taken.append(self._extent(artist, 7.0))

    def region_labels(self) -> None:
        """Oblast names (grey italic caps) and countries where enough of them shows."""
        west, south, east, north = self.extent
        min_area = (east - west) * (north - south) * 0.008
        regions = [(r.geometry, f"{r.name.upper()}\nOBLAST", False) for r in oblasts()]
        regions += [(r.geometry, r.name.upper(), True) for r in neighbours()]
        for geometry, text, foreign in regions:
            visible = geometry.intersection(self.view)
            if visible.is_empty or visible.area < min_area:
                continue
            part = max(shapely.get_parts(visible), key=lambda g: g.area)
            spots = [part.point_on_surface(), part.centroid]
            core = part.buffer(-0.15 * math.sqrt(part.area))
            spots += [] if core.is_empty else [core.point_on_surface()]
            if "OBLAST" in text and text.split("\n")[0] in ("CRIMEA", "KYIV CITY", "SEVASTOPOL"):
                text = text.split("\n")[0]
            for spot in spots:
                if not part.contains(spot):
                    continue
                artist = self.ax.text(
                    spot.x, spot.y, text, ha="center", va="center", linespacing=1.1, zorder=4,
                    fontsize=9 if foreign else 7.5, color="#8a8578" if foreign else "#9d9d9d",
                    fontweight="bold" if foreign else "normal",
                    fontstyle="normal" if foreign else "italic",
                )  # fmt: skip
                if self._try(artist, 5.0):
                    break


def _rings(points: Sequence[MapPoint], changes: Sequence[MapChange]) -> list[MapChange]:
    """The changes, plus the points flagged ``changed`` that no change names."""
    named = {change.name for change in changes}
    extra = [
        MapChange(p.name, p.lat, p.lon, "unknown", p.controller, p.note)
        for p in points
        if p.changed and p.name not in named
    ]
    return [*changes, *extra]


def render_map(
    points: Sequence[MapPoint],
    changes: Sequence[MapChange],
    day: dt.date,
    path: Path,
    *,
    layer: ControlLayer | None = None,
    title: str | None = None,
    extent: Extent | None = None,
    options: MapOptions | None = None,
) -> Path:
    """Draw the situation on ``day`` and write it to ``path`` (``.png`` or ``.svg``).

    ``extent`` overrides the auto-zoom (it is still widened to the map's proportions).
    Returns ``path``.
    """
    options = options or MapOptions()
    suffix = path.suffix.lower()
    if suffix not in (".png", ".svg"):
        raise ValueError(f"{path}: the map is written as .png or .svg, not {suffix or 'nothing'}")
    aspect = options.width_in * _MAP_BOX[2] / (options.height_in * _MAP_BOX[3])
    coords = [(p.lat, p.lon) for p in points] + [(c.lat, c.lon) for c in changes]
    wanted = extent or _auto_extent(coords, options.padding)
    rings = _rings(points, changes)
    # Fixed font and SVG id salt: the same input gives the same bytes.
    with mpl.rc_context(
        {"font.family": "DejaVu Sans", "svg.hashsalt": "frontwatch", "hatch.linewidth": 0.6}
    ):
        canvas = _Map(_fit_extent(wanted, aspect, 0.0 if extent else options.min_span_km), options)
        canvas.basemap()
        areas = canvas.areas(layer) if layer is not None else []
        canvas.borders()
        canvas.ticks()
        for point in points:
            canvas.marker(point.lon, point.lat, point.controller)
        for ring in rings:
            canvas.marker(ring.lon, ring.lat, ring.after, ring=True)
        controllers = {p.controller for p in points} | {r.after for r in rings}
        canvas.legend(controllers, areas, bool(rings))
        canvas.scale_bar()
        canvas.locator()
        for ring in rings:
            text = _change_text(ring)
            if ring.before == "unknown":  # a flagged point: the previous state is not given
                text = text.replace(f"{_NAMES['unknown']} → ", "now ")
            canvas.callout(ring.lon, ring.lat, text, _COLOURS[ring.after])
        ringed = {(r.lon, r.lat) for r in rings}
        others = sorted(
            (p for p in points if (p.lon, p.lat) not in ringed), key=lambda p: (-p.priority, p.name)
        )
        labelled = 0
        for point in others:
            if labelled < options.max_labels:
                labelled += canvas.label(point.lon, point.lat, point.name)
        canvas.region_labels()
        fig = canvas.fig
        fig.text(
            0.06, 0.955, title or f"Situation on {day.day} {day:%B %Y}", fontsize=15,
            fontweight="bold", color=_INK, va="bottom",
        )  # fmt: skip
        what = "Settlement control" if points or rings else "Control"
        subtitle = f"{what} as of {day.isoformat()}"
        if rings:
            subtitle += "; ringed: changed since the previous day"
        fig.text(0.06, 0.925, subtitle, fontsize=9, color="#555555", va="bottom")
        credits = ["Boundaries: Natural Earth (public domain)"]
        if layer is not None:
            snapshot = f", snapshot {layer.day.isoformat()}" if layer.day else ""
            credits.append(f"Control areas: DeepStateMap.live{snapshot}")
        credits.append("Settlement control: frontwatch, from sourced reports")
        fig.text(0.06, 0.018, " · ".join(credits), fontsize=7, color="#666666", va="bottom")
        path.parent.mkdir(parents=True, exist_ok=True)
        metadata: dict[str, Any] = (
            {"Software": None} if suffix == ".png" else {"Date": None, "Creator": None}
        )
        fig.savefig(path, dpi=options.dpi, metadata=metadata, facecolor="white")
    return path
