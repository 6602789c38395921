"""The control timeline of each settlement, from event clusters (DESIGN.md's rules).

A capture gives the place to the actor's side, a withdrawal to the other side; advances,
combat and strikes do not change control. A cluster moves the state when its modality is
``reported``, ``assessed`` or ``confirmed``; a ``claimed`` cluster only when it is
corroborated: two or more independent sources, or claimants of both sides. A cluster with a
contradiction (a denial, a negation, the other side named as the captor) makes the place
``contested`` instead. Forecasts, hypotheticals, denials and negations alone change nothing.

A change takes effect on the last day of the cluster's time when the text dates it (to a day
or a week), else on the day of its first report. A baseline (e.g. imported from a control-map
layer) gives the states before the first change. The result is a list of
:class:`~frontwatch.model.ControlState` per place: consecutive intervals, each with the
clusters and evidence behind it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from frontwatch.model import Controller, ControlState, EventCluster, Place

__all__ = ["ControlChange", "control_changes", "control_timeline"]

MOVING = frozenset({"reported", "assessed", "confirmed"})
OPPOSITE: dict[str, Controller] = {"UA": "RU", "RU": "UA"}
"""The other side of the war, for captures and withdrawals."""
_SETTLEMENTS = frozenset({"settlement", "capital"})


@dataclass(frozen=True)
class ControlChange:
    """One inferred change of control."""

    place: Place
    controller: Controller
    day: dt.date
    cluster: EventCluster
    confidence: float


def place_key(place: Place) -> str:
    return place.gazetteer_id or f"name:{place.name.lower()}"


def control_changes(clusters: Iterable[EventCluster]) -> list[ControlChange]:
    """The changes of control that the clusters support, sorted by day and place."""
    changes = []
    for cluster in clusters:
        change = _change(cluster)
        if change is not None:
            changes.append(change)
    return sorted(changes, key=lambda c: (c.day, place_key(c.place), c.cluster.id))


def _change(cluster: EventCluster) -> ControlChange | None:
    if cluster.type not in {"control.capture", "control.withdrawal"}:
        return None
    place = cluster.place
    if place is None or place.gazetteer_id is None or place.kind not in _SETTLEMENTS:
        return None
    if place.country not in {None, "UA"}:
        return None  # the timeline covers Ukraine's settlements (the war's control maps)
    side = cluster.actor.side if cluster.actor else None
    if side not in OPPOSITE:
        return None
    gaining: Controller = side if cluster.type == "control.capture" else OPPOSITE[side]  # type: ignore[assignment]
    if cluster.modality in MOVING:
        moves = True
    elif cluster.modality == "claimed":
        moves = cluster.independent_sources >= 2 or set(cluster.claiming_sides) >= {"UA", "RU"}
    else:
        moves = False
    if not moves:
        return None
    controller: Controller = "contested" if cluster.contradictions else gaining
    day = _day(cluster)
    if day is None:
        return None
    return ControlChange(place, controller, day, cluster, cluster.confidence)


def _day(cluster: EventCluster) -> dt.date | None:
    time = cluster.time
    if (
        time is not None
        and time.latest is not None
        and time.precision in {"day", "week"}
        and (cluster.first_report is None or time.latest <= cluster.first_report)
    ):
        return time.latest
    return cluster.first_report


def control_timeline(
    clusters: Iterable[EventCluster], baseline: Sequence[ControlState] = ()
) -> dict[str, list[ControlState]]:
    """Per place key (gazetteer id), its consecutive control states."""
    by_place: dict[str, list[ControlState]] = {}
    for state in sorted(baseline, key=lambda s: (place_key(s.place), s.valid_from)):
        by_place.setdefault(place_key(state.place), []).append(state)
    for change in control_changes(clusters):
        states = by_place.setdefault(place_key(change.place), [])
        state = ControlState(
            place=change.place,
            controller=change.controller,
            valid_from=change.day,
            basis=(change.cluster.id,),
            confidence=change.confidence,
            evidence=change.cluster.evidence,
        )
        states.append(state)
    return {key: _intervals(states) for key, states in sorted(by_place.items())}


def _intervals(states: list[ControlState]) -> list[ControlState]:
    ordered = sorted(states, key=lambda s: (s.valid_from, s.basis))
    merged: list[ControlState] = []
    for state in ordered:
        if merged and merged[-1].controller == state.controller:
            last = merged[-1]
            merged[-1] = last.model_copy(
                update={
                    "basis": (*last.basis, *state.basis),
                    "evidence": (*last.evidence, *state.evidence),
                    "confidence": max(last.confidence, state.confidence),
                }
            )
            continue
        if merged and merged[-1].valid_from == state.valid_from:
            # Two different controllers on the same day: the place is contested.
            last = merged[-1]
            merged[-1] = last.model_copy(
                update={
                    "controller": "contested",
                    "basis": (*last.basis, *state.basis),
                    "evidence": (*last.evidence, *state.evidence),
                }
            )
            continue
        merged.append(state)
    result = []
    for current, following in zip(merged, [*merged[1:], None], strict=True):
        valid_to = following.valid_from - dt.timedelta(days=1) if following else None
        result.append(current.model_copy(update={"valid_to": valid_to}))
    return result
