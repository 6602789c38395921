"""The situation picture for a day, from the store: clusters, control states, what changed.

Reads every stored event up to the day, clusters them across reports
(:func:`frontwatch.merge.cluster_events`), derives each settlement's control timeline and
returns what held on the day and what changed in the window ``(since, day]``, together with
the notable strikes and the casualty and mobilization claims first reported in that window.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from frontwatch.controlmap import ControlLayer
from frontwatch.controlmap.baseline import baseline_states
from frontwatch.merge import Reported, cluster_events, control_timeline
from frontwatch.model import Article, ControlState, EventCluster
from frontwatch.store.base import Store

__all__ = ["Change", "Picture", "build_picture", "reported_events"]


@dataclass(frozen=True)
class Change:
    """A control change inside the window."""

    state: ControlState
    before: str
    """The controller before the change (``unknown`` when nothing was known)."""
    cluster: EventCluster


@dataclass
class Picture:
    day: dt.date
    since: dt.date
    states: dict[str, ControlState] = field(default_factory=dict)
    """Place key → the state holding on ``day``."""
    changes: list[Change] = field(default_factory=list)
    strikes: list[EventCluster] = field(default_factory=list)
    casualties: list[EventCluster] = field(default_factory=list)
    mobilization: list[EventCluster] = field(default_factory=list)
    clusters: dict[str, EventCluster] = field(default_factory=dict)
    articles: dict[str, Article] = field(default_factory=dict)
    reports: int = 0


def reported_events(store: Store, until: dt.date | None = None) -> list[Reported]:
    """Every stored event (up to ``until``) with its article's outlet and syndication link."""
    stored = store.events(until=until, basis="published")
    ids = sorted({item.article_id for item in stored})
    articles = {article.id: article for article in store.articles(ids)}
    copies: dict[str, str] = {}
    for article_id in ids:
        for near in store.near_duplicates(article_id):
            first = min(article_id, near.article_id)
            if first != article_id:
                copies[article_id] = first
    return [
        Reported(
            event=item.event,
            article_id=item.article_id,
            published=item.published,
            outlet=articles[item.article_id].outlet if item.article_id in articles else None,
            copy_of=copies.get(item.article_id),
        )
        for item in stored
    ]


def build_picture(
    store: Store, day: dt.date, since: dt.date | None = None, *, layer: ControlLayer | None = None
) -> Picture:
    """The picture on ``day`` and the changes since ``since`` (default: the day before).

    With a control-map ``layer``, the settlements the events name start from the layer's
    state (:func:`~frontwatch.controlmap.baseline_states`) before the first text change.
    """
    since = since or day - dt.timedelta(days=1)
    items = reported_events(store, until=day)
    clusters = cluster_events(items)
    baseline: Sequence[ControlState] = ()
    if layer is not None:
        places = {
            c.place.gazetteer_id: c.place
            for c in clusters
            if c.place is not None and c.place.gazetteer_id and c.place.kind == "settlement"
        }
        baseline = baseline_states(layer, [places[key] for key in sorted(places)])
    picture = Picture(day=day, since=since, clusters={c.id: c for c in clusters})
    picture.reports = len({item.article_id for item in items})
    for key, states in control_timeline(clusters, baseline).items():
        current = [s for s in states if s.valid_from <= day]
        if current:
            picture.states[key] = current[-1]
        for previous, state in zip([None, *states], states, strict=False):
            if state.valid_from > day or not state.basis:
                continue
            cluster = picture.clusters.get(state.basis[0])
            if cluster is None:
                continue  # a baseline state, not a change
            reported = [
                c.last_report
                for key_ in state.basis
                if (c := picture.clusters.get(key_)) is not None and c.last_report is not None
            ]
            # listed when it took effect in the window, or was (re)reported in it
            if since < state.valid_from or any(since < r <= day for r in reported):
                before = previous.controller if previous is not None else "unknown"
                picture.changes.append(Change(state=state, before=before, cluster=cluster))
    picture.changes.sort(key=lambda c: (c.state.valid_from, c.state.place.name))

    def in_window(cluster: EventCluster) -> bool:
        first, last = cluster.first_report, cluster.last_report
        return first is not None and last is not None and first <= day and last > since

    factual = {"reported", "claimed", "assessed", "confirmed"}
    for cluster in clusters:
        if not in_window(cluster) or cluster.modality not in factual:
            continue
        if cluster.type == "strike":
            picture.strikes.append(cluster)
        elif cluster.type == "casualties" and any(ev for ev in cluster.evidence):
            picture.casualties.append(cluster)
        elif cluster.type == "mobilization":
            picture.mobilization.append(cluster)
    ids = {ev.article_id for c in picture.clusters.values() for ev in c.evidence}
    picture.articles = {a.id: a for a in store.articles(sorted(ids))}
    return picture
