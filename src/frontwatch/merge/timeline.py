"""The control timeline of each settlement, from event clusters (DESIGN.md's rules).

Takes event clusters (:func:`frontwatch.merge.cluster_events`) and an optional baseline;
returns per settlement consecutive :class:`~frontwatch.model.ControlState` intervals, each
with the clusters and evidence behind it, and the changes between them.

A capture gives the place to the actor's side, a withdrawal to the other side; advances,
combat and strikes do not change control. Which clusters move a settlement's state is decided
by :class:`ControlRules`, like an analyst would:

- **Modality.** ``reported``, ``assessed`` and ``confirmed`` clusters move the state. A
  ``claimed`` cluster moves it only when corroborated: claimants of both sides say so, or
  at least two independent sources tell it and one of them is a known third party or,
  told by another outlet, is not of the side that gains. One side's ministry, officials and
  milbloggers repeating each other are not independent, nor is an unnamed source in the
  same outlet's reporting.
  Forecasts, hypotheticals, denials and negations alone change nothing.
- **Place.** Only Ukrainian settlements resolved to a gazetteer entry with at least
  ``min_place_confidence``: an ambiguous toponym (there are dozens of villages of most
  names) that the context did not settle cannot move a settlement's state.
- **Contradictions.** A cluster that a report denies or negates, or that names the other
  side as the captor, does not change the state: the reports disagree about whether the
  change happened, which is not evidence that the settlement is split. (DESIGN.md says
  contradictions make a place ``contested``; see ``contradicted`` for why this deviates.)
  A place becomes ``contested`` when clusters that do move the state give it to both sides
  on the same day (the second one corroborated, see below).
- **Freshness.** A change needs fresh evidence: a cluster whose own time ends more than
  ``fresh_days`` before its first report is a passing mention of an old change, not news of
  one, and changes nothing.
- **Time.** A change takes effect on the last day of the cluster's time when the text
  dates it (to a day or a week) no later than its last report, else on the day of its first
  report. A date after every report is a deadline or a forecast, not the day of the change.
- **Overturning.** A cluster that gives a place to the side already holding it is not a
  new change; it adds its evidence to the current state. One that gives it to another side
  than the one holding it (from earlier text or the baseline) must be corroborated: confirmed,
  said by both sides, or told by two reports (its own or other clusters' giving the place to
  the same side within ``corroboration_days``). A single report is not enough to overturn
  what is known: on the development slice such flips were right 1 time in 8.

A baseline (e.g. imported from a control-map layer) gives the states before the first
change. Everything depends only on the set of clusters: the result is order-independent.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from frontwatch.model import OPPOSITE, Controller, ControlState, EventCluster, Place

__all__ = ["ControlChange", "ControlRules", "control_changes", "control_timeline"]

MOVING = frozenset({"reported", "assessed", "confirmed"})
_SETTLEMENTS = frozenset({"settlement", "capital"})


@dataclass(frozen=True)
class ControlRules:
    """Which clusters move a settlement's control state (see the module docstring)."""

    min_place_confidence: float = 0.5
    """The resolver's confidence in the place below which a cluster changes nothing."""
    contradicted: bool = False
    """Whether a contradicted cluster still moves the state, to ``contested``. Off: on the
    development slice 1 in 25 such changes matched a contested area on the control map;
    the contradiction is between reports, not on the ground."""
    fresh_days: int = 7
    """A cluster whose own time ends more than this many days before its first report is a
    passing mention of an old change ("captured it in late May", in October): it changes
    nothing, though it stays a cluster with its evidence."""
    corroboration_days: int = 7
    """How far apart two reports giving a place to the same side may be to corroborate each
    other when they overturn a known state."""


DEFAULT_RULES = ControlRules()


@dataclass(frozen=True)
class ControlChange:
    """One inferred change of control: a state of the timeline and the cluster that began it."""

    place: Place
    controller: Controller
    day: dt.date
    cluster: EventCluster
    confidence: float


def place_key(place: Place) -> str:
    return place.gazetteer_id or f"name:{place.name.lower()}"


def control_changes(
    clusters: Iterable[EventCluster], rules: ControlRules = DEFAULT_RULES
) -> list[ControlChange]:
    """The changes of control the clusters support (one per state of each settlement's
    timeline, without a baseline), sorted by day and place."""
    clusters = list(clusters)
    by_id = {cluster.id: cluster for cluster in clusters}
    changes = [
        ControlChange(
            place=state.place,
            controller=state.controller,
            day=state.valid_from,
            cluster=by_id[state.basis[0]],
            confidence=state.confidence,
        )
        for states in control_timeline(clusters, rules=rules).values()
        for state in states
    ]
    return sorted(changes, key=lambda c: (c.day, place_key(c.place), c.cluster.id))


def control_timeline(
    clusters: Iterable[EventCluster],
    baseline: Sequence[ControlState] = (),
    *,
    rules: ControlRules = DEFAULT_RULES,
) -> dict[str, list[ControlState]]:
    """Per place key (gazetteer id), its consecutive control states."""
    by_place: dict[str, list[ControlState]] = {}
    for known in sorted(baseline, key=lambda s: (place_key(s.place), s.valid_from)):
        by_place.setdefault(place_key(known.place), []).append(known)
    candidates: dict[str, list[tuple[ControlState, EventCluster]]] = {}
    for cluster in clusters:
        candidate = _state(cluster, rules)
        if candidate is not None:
            candidates.setdefault(place_key(candidate.place), []).append((candidate, cluster))
    for key, found in candidates.items():
        states = by_place.setdefault(key, [])
        for state, cluster in sorted(found, key=lambda pair: (pair[0].valid_from, pair[1].id)):
            current = _holding(states, state.valid_from)
            if current not in {None, state.controller} and not _corroborated(
                state, cluster, found, rules.corroboration_days
            ):
                continue  # one weak report does not overturn what is known
            states.append(state)
    return {key: _intervals(states) for key, states in sorted(by_place.items())}


def _holding(states: Sequence[ControlState], day: dt.date) -> Controller | None:
    """The controller the accepted states give on ``day`` (None before the first)."""
    before = [s for s in states if s.valid_from <= day]
    if not before:
        return None
    return max(before, key=lambda s: (s.valid_from, s.basis)).controller


def _corroborated(
    state: ControlState,
    cluster: EventCluster,
    found: Sequence[tuple[ControlState, EventCluster]],
    days: int,
) -> bool:
    """Confirmed (e.g. geolocated footage), said by both sides, or told by more than one
    report: the cluster's own, and those of other clusters giving the place to the same
    side within ``days`` of it."""
    if cluster.modality == "confirmed" or set(cluster.claiming_sides) >= {"UA", "RU"}:
        return True
    window = dt.timedelta(days=days)
    reports = {
        article
        for other, other_cluster in found
        if other.controller == state.controller
        and abs(other.valid_from - state.valid_from) <= window
        for article in other_cluster.articles
    }
    return len(reports) >= 2


def _state(cluster: EventCluster, rules: ControlRules) -> ControlState | None:
    """The state a cluster sets from its day on, or None when it moves nothing."""
    if cluster.type not in {"control.capture", "control.withdrawal"}:
        return None
    place = cluster.place
    if place is None or place.gazetteer_id is None or place.kind not in _SETTLEMENTS:
        return None
    if place.country not in {None, "UA"}:
        return None  # the timeline covers Ukraine's settlements (the war's control maps)
    if place.confidence < rules.min_place_confidence:
        return None
    side = cluster.actor.side if cluster.actor else None
    other = OPPOSITE.get(side or "")
    if other is None:
        return None  # no side, or a third party
    gaining: Controller = OPPOSITE[other] if cluster.type == "control.capture" else other
    if not _moves(cluster, gaining) or _stale(cluster, rules.fresh_days):
        return None
    controller: Controller = gaining
    if cluster.contradictions:
        if not rules.contradicted:
            return None
        controller = "contested"
    day = _day(cluster)
    if day is None:
        return None
    return ControlState(
        place=place,
        controller=controller,
        valid_from=day,
        basis=(cluster.id,),
        confidence=cluster.confidence,
        evidence=cluster.evidence,
    )


def _moves(cluster: EventCluster, gaining: str) -> bool:
    if cluster.modality in MOVING:
        return True
    if cluster.modality != "claimed":
        return False
    if set(cluster.claiming_sides) >= {"UA", "RU"}:
        return True  # the other side says so too
    # Independent corroboration: a known third party (another government, an analyst, an
    # agency), or a source outside the gaining side told by another outlet. A second voice
    # of the gaining side, or an unnamed source in the same report stream, is not.
    if cluster.independent_sources < 2:
        return False
    if any(claimant.side == "other" for claimant in cluster.claimants):
        return True
    outside = any(claimant.side != gaining for claimant in cluster.claimants)
    return outside and len(cluster.outlets) >= 2


def _stale(cluster: EventCluster, days: int) -> bool:
    time, first = cluster.time, cluster.first_report
    if time is None or time.latest is None or first is None:
        return False
    return time.latest < first - dt.timedelta(days=days)


def _day(cluster: EventCluster) -> dt.date | None:
    time = cluster.time
    last = cluster.last_report
    if (
        time is not None
        and time.latest is not None
        and time.precision in {"day", "week"}
        and (last is None or time.latest <= last)
    ):
        return time.latest
    return cluster.first_report


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
