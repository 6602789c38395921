"""Control-change evaluation against a DeepState-style archive of control-map snapshots.

The reports are ingested into a temporary store (the full pipeline), merged into clusters and
turned into control changes (:mod:`frontwatch.merge.timeline`). Each change (settlement,
new controller, day) is checked against the archive's status of that settlement's point
``k`` days later (k = 3 and 7): right when the archive says the same controller (a predicted
``contested`` is right when the archive says contested). Changes the archive cannot judge
(no snapshot within its gap, or a point outside Ukraine) are counted apart.

Recall is over the archive's flips: status changes between consecutive snapshots of the
settlements the reports mention (resolved, exact or near points in Ukraine). A flip to
controller C on day d is found when a predicted change of that settlement to C falls within
``recall_days`` of d.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from frontwatch.config import Settings
from frontwatch.controlmap import ControlArchive
from frontwatch.merge import cluster_events, control_changes
from frontwatch.pipeline.ingest import Ingestor
from frontwatch.situation.picture import reported_events

__all__ = ["evaluate_control"]

OFFSETS = (3, 7)


def evaluate_control(
    reports: Path,
    truth: Path,
    settings: Settings | None = None,
    *,
    recall_days: int = 7,
    progress: Callable[[int, int], None] | None = None,
    pipeline: Any = None,
) -> dict[str, Any]:
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
    clusters = cluster_events(items)
    changes = control_changes(clusters)
    result: dict[str, Any] = {
        "reports": total,
        "failed": failed,
        "events": len(items),
        "clusters": len(clusters),
        "changes": len(changes),
    }
    for offset in OFFSETS:
        right = judged = 0
        for change in changes:
            place = change.place
            if place.lat is None or place.lon is None:
                continue
            status = archive.status(place.lat, place.lon, change.day + dt.timedelta(days=offset))
            if status == "unknown":
                continue
            judged += 1
            right += status == change.controller
        result[f"judged_{offset}d"] = judged
        result[f"precision_{offset}d"] = round(right / judged, 4) if judged else None
    days = archive.days
    if days:
        flips = [
            flip
            for flip in archive.flips(points, days[0], days[-1])
            if "unknown" not in (flip.before, flip.after)
        ]
        by_place: dict[str, list[Any]] = {}
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
