"""Events from different reports that describe the same happening become one cluster.

Two events are the same happening when they have the same type, the same kind of modality
(assertions, denials and negations of a thing merge with each other; forecasts and
hypotheticals only with their like), a compatible place (the same gazetteer entry, or points
within ``same_place_km``), overlapping times (the event's own span, else the week before its
report, widened by ``slack_days``) and, outside control events, compatible sides. Clusters are
the connected components of that relation, found with union-find over every pair in a block
(type and place), so the result depends only on the set of events: merging is
order-independent and idempotent. A control event whose actor is the other side, a denial and
a negation are kept in the cluster as its contradictions.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from frontwatch.gazetteer.geo import distance_km
from frontwatch.model import (
    Claimant,
    Contradiction,
    Event,
    EventCluster,
    Modality,
    Place,
    Side,
    TimeSpan,
)

__all__ = ["Reported", "cluster_events"]

POSITIVE: tuple[Modality, ...] = ("confirmed", "reported", "assessed", "claimed")
"""Modalities that assert the event, strongest first."""
CONTRARY: frozenset[Modality] = frozenset({"denied", "negated"})
PROSPECTIVE: frozenset[Modality] = frozenset({"forecast", "hypothetical"})
CONTROL = frozenset({"control.capture", "control.withdrawal", "control.advance"})
_WINDOW_DAYS = 7


@dataclass(frozen=True)
class Reported:
    """An event with the report it comes from."""

    event: Event
    article_id: str
    published: dt.date | None = None
    outlet: str | None = None
    copy_of: str | None = None
    """For a near-duplicate (syndicated copy), the article it copies: counted once."""


def cluster_events(
    items: Iterable[Reported], *, same_place_km: float = 5.0, slack_days: int = 2
) -> list[EventCluster]:
    """Cluster events across reports; clusters come sorted by first report, type and id."""
    unique = {item.event.id: item for item in items}
    ordered = sorted(unique.values(), key=lambda item: item.event.id)
    blocks: dict[tuple[str, str, str], list[Reported]] = {}
    for item in ordered:
        blocks.setdefault(_block(item), []).append(item)
    clusters: list[EventCluster] = []
    for members in blocks.values():
        parent = list(range(len(members)))
        find = _finder(parent)
        for i in range(len(members)):
            for j in range(i + 1, len(members)):
                if _compatible(members[i], members[j], same_place_km, slack_days):
                    a, b = find(i), find(j)
                    if a != b:
                        parent[max(a, b)] = min(a, b)
        groups: dict[int, list[Reported]] = {}
        for i, member in enumerate(members):
            groups.setdefault(find(i), []).append(member)
        clusters.extend(_cluster(group) for group in groups.values())
    return sorted(clusters, key=lambda c: (c.first_report or dt.date.min, c.type, c.id))


def _finder(parent: list[int]) -> Callable[[int], int]:
    """Union-find's root lookup with path halving, over ``parent``."""

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    return find


def _block(item: Reported) -> tuple[str, str, str]:
    event = item.event
    kind = "prospective" if event.modality in PROSPECTIVE else "factual"
    place = event.place
    if place is None:
        key = f"event:{event.id}"  # nothing to tell two such events apart: never merged
    elif place.gazetteer_id is None:
        key = f"name:{place.name.lower()}"
    else:
        # A coarse grid cell keeps the pairwise check cheap; neighbours meet in one cell
        # except near its edges, where the gazetteer id usually agrees anyway.
        key = place.gazetteer_id if place.lat is None or place.lon is None else (
            f"cell:{round(place.lat, 1)}:{round(place.lon, 1)}"
        )  # fmt: skip
    return (event.type, kind, key)


def _compatible(a: Reported, b: Reported, same_place_km: float, slack_days: int) -> bool:
    ea, eb = a.event, b.event
    if (ea.modality in PROSPECTIVE) != (eb.modality in PROSPECTIVE):
        return False
    pa, pb = ea.place, eb.place
    if pa is None or pb is None:
        return False
    if pa.gazetteer_id != pb.gazetteer_id:
        if None in (pa.lat, pa.lon, pb.lat, pb.lon):
            return False
        if distance_km(pa.lat, pa.lon, pb.lat, pb.lon) > same_place_km:  # type: ignore[arg-type]
            return False
    wa, wb = _window(a), _window(b)
    if wa is None or wb is None:
        return False
    slack = dt.timedelta(days=slack_days)
    if wa[0] - slack > wb[1] or wb[0] - slack > wa[1]:
        return False
    if ea.type not in CONTROL:
        sa = ea.actor.side if ea.actor else None
        sb = eb.actor.side if eb.actor else None
        if sa and sb and sa != sb:
            return False
    return True


def _window(item: Reported) -> tuple[dt.date, dt.date] | None:
    time = item.event.time
    if time is not None and time.earliest is not None and time.latest is not None:
        return time.earliest, time.latest
    if item.published is None:
        return None
    return item.published - dt.timedelta(days=_WINDOW_DAYS), item.published


def _cluster(group: Sequence[Reported]) -> EventCluster:
    group = sorted(group, key=lambda item: item.event.id)
    events = [item.event for item in group]
    positive = [item for item in group if item.event.modality in POSITIVE]
    modality: Modality
    if positive:
        modality = min((item.event.modality for item in positive), key=lambda m: POSITIVE.index(m))
    else:
        modality = sorted(e.modality for e in events)[0]
    main = positive or list(group)
    side = _majority([item.event.actor.side for item in main if item.event.actor])
    actor = next(
        (item.event.actor for item in main if item.event.actor and item.event.actor.side == side),
        next((item.event.actor for item in main if item.event.actor), None),
    )
    contradictions: list[Contradiction] = []
    if positive:
        for item in group:
            event = item.event
            other_side = event.actor.side if event.actor else None
            if event.modality in CONTRARY:
                note = f"{event.modality} while other reports assert it"
            elif event.type in CONTROL and side and other_side and other_side != side:
                note = f"says the actor was {other_side}, not {side}"
            else:
                continue
            contradictions.append(
                Contradiction(
                    event_id=event.id,
                    article_id=item.article_id,
                    modality=event.modality,
                    claimants=event.attribution,
                    note=note,
                )
            )
    outlets = sorted({item.outlet for item in group if item.outlet})
    sources: set[str] = set()
    claimants: dict[str, Claimant] = {}
    sides: set[Side] = set()
    for item in positive or group:
        origin = item.copy_of or item.article_id
        if item.event.attribution:
            original = item.event.attribution[-1]  # the innermost claimant is the source
            sources.add(f"claimant:{original.name.lower()}")
            for claimant in item.event.attribution:
                claimants.setdefault(claimant.name, claimant)
                if claimant.side in {"UA", "RU"}:
                    sides.add(claimant.side)
        else:
            sources.add(f"outlet:{(item.outlet or origin).lower()}")
    dates = [item.published for item in group if item.published is not None]
    members = tuple(sorted(e.id for e in events))
    confidence = 1.0
    for item in positive:
        confidence *= 1 - 0.9 * item.event.confidence
    score = (1 - confidence) if positive else max(e.confidence for e in events)
    if contradictions:
        score *= 0.6
    return EventCluster(
        id="c" + hashlib.sha256(members[0].encode()).hexdigest()[:15],
        type=events[0].type,
        modality=modality,
        place=_best_place(events),
        time=_tightest([e.time for e in (item.event for item in main)]),
        actor=actor,
        members=members,
        articles=tuple(sorted({item.article_id for item in group})),
        outlets=tuple(outlets),
        independent_sources=len(sources),
        claimants=tuple(claimants[name] for name in sorted(claimants)),
        claiming_sides=tuple(sorted(sides)),
        first_report=min(dates) if dates else None,
        last_report=max(dates) if dates else None,
        contradictions=tuple(sorted(contradictions, key=lambda c: c.event_id)),
        quantities=tuple(
            sorted(
                {q for e in events for q in e.quantities},
                key=lambda q: (q.kind, q.value or 0, q.text),
            )
        ),
        confidence=round(min(1.0, score), 3),
        evidence=tuple(
            sorted(
                (ev for e in events for ev in e.evidence), key=lambda ev: (ev.article_id, ev.start)
            )
        ),
    )


def _majority(sides: list[Side | None]) -> Side | None:
    counts: dict[Side, int] = {}
    for side in sides:
        if side is not None:
            counts[side] = counts.get(side, 0) + 1
    if not counts:
        return None
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def _best_place(events: list[Event]) -> Place | None:
    places = [e.place for e in events if e.place is not None]
    if not places:
        return None
    return sorted(places, key=lambda p: (-p.confidence, p.gazetteer_id or "", p.name))[0]


def _tightest(times: list[TimeSpan | None]) -> TimeSpan | None:
    resolved = [t for t in times if t is not None and t.earliest and t.latest]
    if not resolved:
        return None
    return sorted(
        resolved,
        key=lambda t: ((t.latest - t.earliest).days, t.earliest, t.text),  # type: ignore[operator]
    )[0]
