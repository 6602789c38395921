"""A folder of daily control-map snapshots, looked up by day.

Takes a directory of ``YYYY-MM-DD.geojson.gz`` (or ``.geojson``) files; other files are
ignored. Returns the controller of a point on any day, from that day's snapshot or the
latest one before it, provided it is at most ``max_gap`` old (DeepState skips days; the
shared archive misses up to two in a row). Older than that, or before the first snapshot:
``unknown``, never carried forward without bound.

:meth:`ControlArchive.flips` lists the changes of status of a set of points between
consecutive snapshots, the ground truth to score text-derived control changes against.

Snapshots load lazily and a few are cached (:attr:`ControlArchive.cache_size`). The
constructor only lists file names. Fails with :class:`~frontwatch.errors.InputNotFoundError`
(no such directory) or :class:`~frontwatch.errors.EmptyInputError` (no snapshot in it);
unreadable snapshots fail when first used, naming the file.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import NamedTuple

from frontwatch.controlmap.layer import ControlLayer, Territory
from frontwatch.controlmap.snapshot import snapshot_day
from frontwatch.errors import EmptyInputError, InputNotFoundError
from frontwatch.model import Controller

__all__ = ["DEFAULT_MAX_GAP", "ControlArchive", "Flip"]

DEFAULT_MAX_GAP = dt.timedelta(days=3)
"""How long a snapshot stays valid when later days have none."""


class Flip(NamedTuple):
    """A point's status changed between two consecutive snapshots."""

    point_id: str
    day: dt.date
    """The day of the snapshot that first shows the new status."""
    before: Controller
    after: Controller


class ControlArchive:
    """Daily snapshots by date, with point lookups on any day."""

    def __init__(
        self,
        directory: Path,
        *,
        max_gap: dt.timedelta = DEFAULT_MAX_GAP,
        territory: Territory = "ukraine",
        cache_size: int = 4,
    ) -> None:
        if not directory.is_dir():
            raise InputNotFoundError(str(directory), "no such directory")
        found: dict[dt.date, Path] = {}
        for path in sorted(directory.iterdir()):
            day = snapshot_day(path)
            # Prefer the compressed file when both forms of a day exist: sorted() puts it last.
            if day is not None and path.is_file():
                found[day] = path
        if not found:
            raise EmptyInputError(
                str(directory), "no snapshots named YYYY-MM-DD.geojson[.gz] in this directory"
            )
        self.directory = directory
        self.max_gap = max_gap
        self.territory = territory
        self.cache_size = max(1, cache_size)
        self._paths = dict(sorted(found.items()))
        self._days = list(self._paths)
        self._cache: OrderedDict[dt.date, ControlLayer] = OrderedDict()

    @property
    def days(self) -> tuple[dt.date, ...]:
        """The days that have a snapshot, in order."""
        return tuple(self._days)

    def path(self, day: dt.date) -> Path:
        """The file of the snapshot of exactly ``day`` (KeyError when there is none)."""
        return self._paths[day]

    def snapshot_day_for(self, day: dt.date) -> dt.date | None:
        """The day of the snapshot in force on ``day``: that day's or the latest before it
        within ``max_gap``; None when there is none."""
        position = bisect.bisect_right(self._days, day)
        if position == 0:
            return None
        found = self._days[position - 1]
        return found if day - found <= self.max_gap else None

    def layer(self, day: dt.date) -> ControlLayer:
        """The snapshot of exactly ``day``, loaded on first use (KeyError when there is none)."""
        if day in self._cache:
            self._cache.move_to_end(day)
            return self._cache[day]
        layer = ControlLayer.from_file(self._paths[day], day=day, territory=self.territory)
        self._cache[day] = layer
        while len(self._cache) > self.cache_size:
            self._cache.popitem(last=False)
        return layer

    def layer_for(self, day: dt.date) -> ControlLayer | None:
        """The snapshot in force on ``day`` (see :meth:`snapshot_day_for`), or None."""
        found = self.snapshot_day_for(day)
        return None if found is None else self.layer(found)

    def status(self, lat: float, lon: float, day: dt.date) -> Controller:
        """The controller at a point on ``day``; ``unknown`` when no snapshot is in force."""
        layer = self.layer_for(day)
        return "unknown" if layer is None else layer.status(lat, lon)

    def statuses(self, points: Iterable[tuple[float, float]], day: dt.date) -> list[Controller]:
        """The controller at each ``(lat, lon)`` on ``day``."""
        pairs = list(points)
        layer = self.layer_for(day)
        return ["unknown"] * len(pairs) if layer is None else layer.statuses(pairs)

    def flips(
        self, points: Mapping[str, tuple[float, float]], start: dt.date, end: dt.date
    ) -> list[Flip]:
        """Status changes of ``points`` (id → ``(lat, lon)``) from ``start`` to ``end``.

        Compares each snapshot dated in ``(start, end]`` with the one before it; the first
        comparison is against the snapshot in force on ``start`` (or, when there is none,
        the first snapshot of the range only serves as the starting state). Sorted by day,
        then by point id. A change to or from ``unknown`` is reported like any other.
        """
        ids = sorted(points)
        coords = [points[i] for i in ids]
        days = [d for d in self._days if start < d <= end]
        base = self.snapshot_day_for(start)
        if base is None:
            if not days:
                return []
            base = days.pop(0)
        before = self.layer(base).statuses(coords)
        result: list[Flip] = []
        for day in days:
            after = self.layer(day).statuses(coords)
            result.extend(
                Flip(point_id, day, old, new)
                for point_id, old, new in zip(ids, before, after, strict=True)
                if old != new
            )
            before = after
        return result
