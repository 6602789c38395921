"""Control-change evaluation against a DeepState-style archive of control-map snapshots.

Takes reports (ingested into a temporary store with the full pipeline) or an existing store,
merges the stored events into clusters and turns them into control changes
(:mod:`frontwatch.merge.timeline`). Each change (settlement, new controller, day) is checked
against the archive's status of that settlement's point ``k`` days later (k = 3 and 7):
right when the archive says the same controller (a predicted ``contested`` is right when the
archive says contested). Changes the archive cannot judge (no snapshot within its gap, or a
point outside Ukraine) are counted apart, and so are changes at places located only
``near`` (a register entry placed at its hromada's centre): the map's status at that point
is not the settlement's (``imprecise``).

Recall is over the archive's flips: status changes between consecutive snapshots of the
settlements the reports mention (resolved, exact or near points in Ukraine). A flip to
controller C on day d is found when a predicted change of that settlement to C falls within
``recall_days`` of d.

Fails with :class:`~frontwatch.errors.FrontwatchError` subclasses naming the input (missing
or empty archive, unreadable store).
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from frontwatch.config import Settings
from frontwatch.controlmap import ControlArchive
from frontwatch.merge import ControlChange, Reported, cluster_events, control_changes
from frontwatch.model import Controller
from frontwatch.pipeline.ingest import Ingestor
from frontwatch.situation.picture import reported_events
from frontwatch.store.base import Store

__all__ = ["OFFSETS", "Judgement", "evaluate_control", "evaluate_control_store", "judge"]

OFFSETS = (3, 7)
"""Days after a change at which the archive is asked."""


@dataclass(frozen=True)
class Judgement:
    """One inferred change and the archive's status of its place around it."""

    change: ControlChange
    before: Controller
    """The archive's status the day before the change."""
    after: dict[int, Controller]
    """Offset in days → the archive's status then (``unknown``: not judged)."""

    def right(self, offset: int) -> bool | None:
        """Whether the archive agrees ``offset`` days later; None when it cannot tell."""
        status = self.after[offset]
        return None if status == "unknown" else status == self.change.controller


def evaluate_control(
    reports: Path,
    truth: Path,
    settings: Settings | None = None,
    *,
    recall_days: int = 7,
    progress: Callable[[int, int], None] | None = None,
    pipeline: Any = None,
) -> dict[str, Any]:
    """Ingest ``reports`` into a temporary store and score its control changes."""
    from frontwatch.pipeline.runner import Pipeline
    from frontwatch.store import open_store, pipeline_signature

    settings = settings or Settings()
    archive = ControlArchive(truth)
    pipeline = pipeline or Pipeline.from_settings(settings)
    signature = pipeline_signature(pipeline.stage_names, pipeline.model)
    with tempfile.TemporaryDirectory(prefix="frontwatch-eval-") as folder:
        store_settings = settings.model_copy(update={"database": str(Path(folder) / "eval.sqlite")})
        with open_store(store_settings) as store:
            ingestor = Ingestor(settings)
            total = len(ingestor.discover([reports])[0])
            seen: list[object] = []

            def report(source: object) -> None:
                seen.append(source)
                if progress is not None:
                    progress(len(seen), total)

            batch = ingestor.ingest([reports], on_source=report)
            failed = len(batch.failures)
            for analysis in pipeline.run(batch):
                store.add_article(analysis, signature=signature)
            items = reported_events(store)
            points = settlement_points(store)
    result: dict[str, Any] = {"reports": total, "failed": failed}
    result.update(_score(items, points, archive, recall_days))
    return result


def evaluate_control_store(store: Store, truth: Path, *, recall_days: int = 7) -> dict[str, Any]:
    """Score the control changes of the events already in ``store``."""
    archive = ControlArchive(truth)
    items = reported_events(store)
    result: dict[str, Any] = {"reports": store.counts().articles, "failed": len(store.failures())}
    result.update(_score(items, settlement_points(store), archive, recall_days))
    return result


def settlement_points(store: Store) -> dict[str, tuple[float, float]]:
    """Gazetteer id → point of every Ukrainian settlement the stored reports mention."""
    points: dict[str, tuple[float, float]] = {}
    for analysis in store.analyses():
        for mention in analysis.places or ():
            place = mention.place
            if (
                place.gazetteer_id
                and place.kind in {"settlement", "capital"}
                and place.country == "UA"
                and place.lat is not None
                and place.lon is not None
                and place.precision in {"exact", "near"}
            ):
                points[place.gazetteer_id] = (place.lat, place.lon)
    return points


def judge(changes: Sequence[ControlChange], archive: ControlArchive) -> list[Judgement]:
    """The archive's status of each change's place the day before and at each offset
    (``unknown`` throughout for a place without an exact point)."""
    judgements = []
    for change in changes:
        place = change.place
        if place.lat is None or place.lon is None or place.precision != "exact":
            before: Controller = "unknown"
            after: dict[int, Controller] = dict.fromkeys(OFFSETS, "unknown")
        else:
            before = archive.status(place.lat, place.lon, change.day - dt.timedelta(days=1))
            after = {
                offset: archive.status(place.lat, place.lon, change.day + dt.timedelta(offset))
                for offset in OFFSETS
            }
        judgements.append(Judgement(change, before, after))
    return judgements


def _score(
    items: list[Reported],
    points: dict[str, tuple[float, float]],
    archive: ControlArchive,
    recall_days: int,
) -> dict[str, Any]:
    clusters = cluster_events(items)
    changes = control_changes(clusters)
    result: dict[str, Any] = {
        "events": len(items),
        "clusters": len(clusters),
        "changes": len(changes),
        "imprecise": sum(change.place.precision != "exact" for change in changes),
    }
    judgements = judge(changes, archive)
    for offset in OFFSETS:
        verdicts = [v for v in (j.right(offset) for j in judgements) if v is not None]
        result[f"judged_{offset}d"] = len(verdicts)
        result[f"precision_{offset}d"] = (
            round(sum(verdicts) / len(verdicts), 4) if verdicts else None
        )
    days = archive.days
    if days:
        flips = [
            flip
            for flip in archive.flips(points, days[0], days[-1])
            if "unknown" not in (flip.before, flip.after)
        ]
        by_place: dict[str, list[ControlChange]] = {}
        for change in changes:
            if change.place.gazetteer_id:
                by_place.setdefault(change.place.gazetteer_id, []).append(change)
        window = dt.timedelta(days=recall_days)
        found = sum(
            any(
                c.controller == flip.after and abs(c.day - flip.day) <= window
                for c in by_place.get(str(flip.point_id), [])
            )
            for flip in flips
        )
        result["settlements"] = len(points)
        result["flips"] = len(flips)
        result["recall"] = round(found / len(flips), 4) if flips else None
    return result
