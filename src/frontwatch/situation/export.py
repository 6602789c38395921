"""Exports of the merged picture: events (clusters), control timeline and places.

Rows are plain dicts; :func:`write` renders them as CSV, JSON lines or a GeoJSON
FeatureCollection of points. The events CSV starts with ACLED-like columns (event_date,
time_precision, event_type, sub_event_type, actor1, actor2, admin1, admin2, location,
latitude, longitude, geo_precision, source, notes, fatalities) and continues with
frontwatch's own (frontwatch_type, modality, claimants, corroboration, contradictions,
confidence, evidence, cluster_id).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any

from frontwatch.merge.timeline import place_key
from frontwatch.model import ControlState, EventCluster, Place
from frontwatch.pipeline.events.ontology import Ontology

__all__ = [
    "EVENT_COLUMNS",
    "PLACE_COLUMNS",
    "TIMELINE_COLUMNS",
    "event_rows",
    "place_rows",
    "timeline_rows",
    "write",
]

EVENT_COLUMNS: tuple[str, ...] = (
    "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
    "admin1", "admin2", "location", "latitude", "longitude", "geo_precision", "source",
    "notes", "fatalities", "frontwatch_type", "modality", "claimants", "corroboration",
    "contradictions", "confidence", "evidence", "cluster_id",
)  # fmt: skip
TIMELINE_COLUMNS: tuple[str, ...] = (
    "place", "gazetteer_id", "admin1", "latitude", "longitude", "controller", "valid_from",
    "valid_to", "confidence", "basis", "evidence",
)  # fmt: skip
PLACE_COLUMNS: tuple[str, ...] = (
    "place", "gazetteer_id", "admin1", "admin2", "latitude", "longitude", "precision",
    "controller", "since", "events", "last_event",
)  # fmt: skip
_OTHER = {"UA": "Russian forces", "RU": "Ukrainian forces"}


def _day(cluster: EventCluster) -> dt.date | None:
    if cluster.time is not None and cluster.time.latest is not None:
        return cluster.time.latest
    return cluster.first_report


def event_rows(
    clusters: Iterable[EventCluster], since: dt.date | None = None, until: dt.date | None = None
) -> list[dict[str, Any]]:
    ontology = Ontology.load()
    rows = []
    for cluster in clusters:
        day = _day(cluster)
        if (since and (day is None or day < since)) or (until and (day is None or day > until)):
            continue
        acled = ontology.get(cluster.type).acled
        place = cluster.place
        side = cluster.actor.side if cluster.actor else None
        # ACLED codes one figure per event: the largest killed count any report gives
        fatalities = [q.value for q in cluster.quantities if q.kind == "killed" and q.value]
        rows.append(
            {
                "event_date": day.isoformat() if day else "",
                "time_precision": cluster.time.precision if cluster.time else "report",
                "event_type": acled["event_type"],
                "sub_event_type": acled["sub_event_type"][0],
                "actor1": cluster.actor.name if cluster.actor else "",
                "actor2": _OTHER.get(side or "", "") if cluster.type.startswith("control") else "",
                "admin1": place.admin1 if place and place.admin1 else "",
                "admin2": place.admin2 if place and place.admin2 else "",
                "location": place.name if place else "",
                "latitude": place.lat if place and place.lat is not None else "",
                "longitude": place.lon if place and place.lon is not None else "",
                "geo_precision": place.precision if place and place.precision else "",
                "source": "; ".join(cluster.outlets),
                "notes": " ".join(cluster.evidence[0].sentence.split()) if cluster.evidence else "",
                "fatalities": max(fatalities) if fatalities else "",
                "frontwatch_type": cluster.type,
                "modality": cluster.modality,
                "claimants": "; ".join(c.name for c in cluster.claimants),
                "corroboration": cluster.independent_sources,
                "contradictions": len(cluster.contradictions),
                "confidence": cluster.confidence,
                "evidence": "; ".join(
                    f"{ev.article_id}:{ev.start}-{ev.end}" for ev in cluster.evidence
                ),
                "cluster_id": cluster.id,
                "_json": cluster.model_dump(mode="json", by_alias=True),
            }
        )
    return rows


def timeline_rows(
    timeline: dict[str, list[ControlState]],
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> list[dict[str, Any]]:
    rows = []
    for key, states in sorted(timeline.items()):
        for state in states:
            if since and state.valid_from < since:
                continue
            if until and state.valid_from > until:
                continue
            place = state.place
            rows.append(
                {
                    "place": place.name,
                    "gazetteer_id": place.gazetteer_id or key,
                    "admin1": place.admin1 or "",
                    "latitude": place.lat if place.lat is not None else "",
                    "longitude": place.lon if place.lon is not None else "",
                    "controller": state.controller,
                    "valid_from": state.valid_from.isoformat(),
                    "valid_to": state.valid_to.isoformat() if state.valid_to else "",
                    "confidence": state.confidence,
                    "basis": "; ".join(state.basis),
                    "evidence": len(state.evidence),
                    "_json": state.model_dump(mode="json", by_alias=True),
                }
            )
    rows.sort(key=lambda r: (r["valid_from"], r["place"]))
    return rows


def place_rows(
    clusters: Sequence[EventCluster],
    timeline: dict[str, list[ControlState]],
    day: dt.date | None = None,
) -> list[dict[str, Any]]:
    counts: dict[str, list[EventCluster]] = {}
    places: dict[str, Place] = {}
    for cluster in clusters:
        if cluster.place is None:
            continue
        key = place_key(cluster.place)
        counts.setdefault(key, []).append(cluster)
        places.setdefault(key, cluster.place)
    rows = []
    for key, place in sorted(places.items(), key=lambda kv: kv[1].name):
        states = [s for s in timeline.get(key, []) if day is None or s.valid_from <= day]
        state = states[-1] if states else None
        days = [d for c in counts[key] if (d := _day(c)) is not None]
        rows.append(
            {
                "place": place.name,
                "gazetteer_id": place.gazetteer_id or "",
                "admin1": place.admin1 or "",
                "admin2": place.admin2 or "",
                "latitude": place.lat if place.lat is not None else "",
                "longitude": place.lon if place.lon is not None else "",
                "precision": place.precision or "",
                "controller": state.controller if state else "unknown",
                "since": state.valid_from.isoformat() if state else "",
                "events": len(counts[key]),
                "last_event": max(days).isoformat() if days else "",
                "_json": {
                    "place": place.model_dump(mode="json"),
                    "controller": state.controller if state else "unknown",
                },
            }
        )
    return rows


def write(rows: list[dict[str, Any]], columns: Sequence[str], fmt: str) -> str:
    """Render rows as ``csv``, ``jsonl`` (the full records) or ``geojson`` (points)."""
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
        return buffer.getvalue()
    if fmt == "jsonl":
        return "".join(json.dumps(row["_json"], ensure_ascii=False) + "\n" for row in rows)
    features = []
    for row in rows:
        lat, lon = row.get("latitude"), row.get("longitude")
        geometry = None if lat in ("", None) else {"type": "Point", "coordinates": [lon, lat]}
        properties = {c: row[c] for c in columns if c in row}
        features.append({"type": "Feature", "geometry": geometry, "properties": properties})
    collection = {"type": "FeatureCollection", "features": features}
    return json.dumps(collection, ensure_ascii=False, indent=1) + "\n"
