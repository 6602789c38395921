"""Cross-report clusters and the control timeline, on events built in the tests."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frontwatch.merge import (
    ControlRules,
    Reported,
    cluster_events,
    control_changes,
    control_timeline,
)
from frontwatch.model import (
    Actor,
    Claimant,
    ControlState,
    Event,
    Evidence,
    Modality,
    Place,
    TimeSpan,
)

LYMAN = Place(
    name="Lyman", gazetteer_id="ua:lyman", kind="settlement", admin1="Donetsk Oblast",
    lat=48.99, lon=37.81, precision="exact", confidence=0.9,
)  # fmt: skip
LYMAN_COPY = LYMAN.model_copy(update={"gazetteer_id": "wl:lyman", "lat": 48.991, "lon": 37.805})
IZIUM = Place(
    name="Izium", gazetteer_id="ua:izium", kind="settlement", lat=49.21, lon=37.26,
    precision="exact", confidence=0.9,
)  # fmt: skip
UA = Actor(id="side:ua", name="Ukrainian forces", kind="side", side="UA")
RU = Actor(id="side:ru", name="Russian forces", kind="side", side="RU")
RU_MOD = Claimant(name="Russian MoD", side="RU")
UA_GS = Claimant(name="Ukrainian General Staff", side="UA")
RU_BLOG = Claimant(name="Russian milbloggers", side="RU")
US_OFFICIAL = Claimant(name="US defense official", side="other")


def reported(
    number: int,
    *,
    place: Place = LYMAN,
    actor: Actor = UA,
    modality: Modality = "reported",
    day: dt.date | None = dt.date(2022, 10, 1),
    published: dt.date = dt.date(2022, 10, 2),
    outlet: str = "Outlet",
    claimants: tuple[Claimant, ...] = (),
    kind: str = "control.capture",
    latest: dt.date | None = None,
) -> Reported:
    article = f"{number:020x}"
    time = None
    if day is not None:
        time = TimeSpan(text="x", earliest=day, latest=latest or day, precision="day")
    event = Event(
        id=f"{number:016x}",
        type=kind,  # type: ignore[arg-type]
        modality=modality,
        evidence=(Evidence(article_id=article, start=0, end=10, sentence="s", stage="t"),),
        actor=actor,
        place=place,
        time=time,
        attribution=claimants,
        confidence=0.8,
    )
    return Reported(event=event, article_id=article, published=published, outlet=outlet)


def test_one_happening_many_outlets_is_one_cluster() -> None:
    items = [
        reported(1, outlet="A"),
        reported(2, outlet="B", day=None, published=dt.date(2022, 10, 3)),
        reported(3, outlet="C", place=LYMAN_COPY),
    ]
    (cluster,) = cluster_events(items)
    assert cluster.members == ("0000000000000001", "0000000000000002", "0000000000000003")
    assert cluster.outlets == ("A", "B", "C")
    assert cluster.independent_sources == 3
    assert cluster.first_report == dt.date(2022, 10, 2)
    assert cluster.last_report == dt.date(2022, 10, 3)
    assert cluster.modality == "reported"
    assert not cluster.contradictions


def test_different_places_types_and_far_times_stay_apart() -> None:
    items = [
        reported(1),
        reported(2, place=IZIUM),
        reported(3, kind="control.advance"),
        reported(4, day=dt.date(2022, 5, 27), published=dt.date(2022, 5, 28)),
    ]
    assert len(cluster_events(items)) == 4


def test_forecasts_do_not_merge_with_facts() -> None:
    items = [reported(1), reported(2, modality="forecast")]
    assert sorted(c.modality for c in cluster_events(items)) == ["forecast", "reported"]


def test_denial_by_the_other_side_is_a_contradiction() -> None:
    items = [
        reported(1, actor=RU, modality="claimed", claimants=(RU_MOD,)),
        reported(2, actor=RU, modality="denied", claimants=(UA_GS,), outlet="B"),
    ]
    (cluster,) = cluster_events(items)
    assert cluster.modality == "claimed"
    assert [c.modality for c in cluster.contradictions] == ["denied"]
    assert cluster.claiming_sides == ("RU",)


def test_timeline_reported_capture_moves_state_with_evidence() -> None:
    timeline = control_timeline(cluster_events([reported(1), reported(2, outlet="B")]))
    (state,) = timeline["ua:lyman"]
    assert state.controller == "UA"
    assert state.valid_from == dt.date(2022, 10, 1)
    assert state.valid_to is None
    assert len(state.evidence) == 2


def test_timeline_single_claim_does_not_move_state() -> None:
    claim = reported(1, actor=RU, modality="claimed", claimants=(RU_MOD,))
    assert control_timeline(cluster_events([claim])) == {}


def test_timeline_claim_corroborated_by_the_other_side_moves_state() -> None:
    items = [
        reported(1, actor=RU, modality="claimed", claimants=(RU_MOD,)),
        reported(2, actor=RU, modality="claimed", claimants=(UA_GS,), outlet="B"),
    ]
    (state,) = control_timeline(cluster_events(items))["ua:lyman"]
    assert state.controller == "RU"


def test_timeline_contradicted_cluster_changes_nothing() -> None:
    items = [
        reported(1, actor=RU, modality="assessed"),
        reported(2, actor=RU, modality="denied", claimants=(UA_GS,), outlet="B"),
    ]
    assert control_timeline(cluster_events(items)) == {}


@pytest.mark.parametrize(
    ("echo", "outlet"), [(RU_BLOG, "B"), (Claimant(name="unnamed source"), "Outlet")]
)
def test_timeline_claim_echoed_by_its_side_or_an_unknown_does_not_move_state(
    echo: Claimant, outlet: str
) -> None:
    items = [
        reported(1, actor=RU, modality="claimed", claimants=(RU_MOD,)),
        reported(2, actor=RU, modality="claimed", claimants=(echo,), outlet=outlet),
    ]
    (cluster,) = cluster_events(items)
    assert cluster.independent_sources == 2
    assert control_timeline([cluster]) == {}


def test_timeline_claim_corroborated_by_a_neutral_source_moves_state() -> None:
    items = [
        reported(1, actor=RU, modality="claimed", claimants=(RU_MOD,)),
        reported(2, actor=RU, modality="claimed", claimants=(US_OFFICIAL,), outlet="B"),
    ]
    (state,) = control_timeline(cluster_events(items))["ua:lyman"]
    assert state.controller == "RU"


def test_timeline_claim_told_by_two_outlets_with_an_outside_source_moves_state() -> None:
    items = [
        reported(1, modality="claimed", claimants=(UA_GS,)),
        reported(2, modality="claimed", claimants=(Claimant(name="local officials"),)),
    ]
    assert control_timeline(cluster_events(items)) == {}  # one outlet
    items[1] = reported(2, modality="claimed", claimants=items[1].event.attribution, outlet="B")
    (state,) = control_timeline(cluster_events(items))["ua:lyman"]
    assert state.controller == "UA"


def test_timeline_uncertain_place_changes_nothing() -> None:
    clusters = cluster_events([reported(1, place=LYMAN.model_copy(update={"confidence": 0.3}))])
    assert control_timeline(clusters) == {}
    lenient = ControlRules(min_place_confidence=0.2)
    assert [s.controller for s in control_timeline(clusters, rules=lenient)["ua:lyman"]] == ["UA"]


def test_timeline_single_report_does_not_overturn_a_known_state() -> None:
    held = reported(1, actor=RU, day=dt.date(2022, 9, 20), published=dt.date(2022, 9, 21))
    once = [held, reported(2)]
    assert [s.controller for s in control_timeline(cluster_events(once))["ua:lyman"]] == ["RU"]
    twice = [*once, reported(3, day=None, published=dt.date(2022, 10, 4), outlet="B")]
    states = control_timeline(cluster_events(twice))["ua:lyman"]
    assert [(s.controller, s.valid_from) for s in states] == [
        ("RU", dt.date(2022, 9, 20)),
        ("UA", dt.date(2022, 10, 1)),
    ]


def test_timeline_single_report_does_not_overturn_the_baseline() -> None:
    base = ControlState(
        place=LYMAN, controller="RU", valid_from=dt.date(2022, 9, 1), basis=("baseline:x",)
    )
    states = control_timeline(cluster_events([reported(1)]), [base])["ua:lyman"]
    assert [s.controller for s in states] == ["RU"]
    confirmed = reported(1, modality="confirmed")
    states = control_timeline(cluster_events([confirmed]), [base])["ua:lyman"]
    assert [s.controller for s in states] == ["RU", "UA"]


def test_control_changes_repeats_are_not_new_changes() -> None:
    items = [
        reported(1, actor=RU, day=dt.date(2022, 5, 26), published=dt.date(2022, 5, 27)),
        reported(2, actor=RU, day=dt.date(2022, 6, 26), published=dt.date(2022, 6, 27)),
    ]
    clusters = cluster_events(items)
    assert len(clusters) == 2
    (change,) = control_changes(clusters)
    assert (change.controller, change.day) == ("RU", dt.date(2022, 5, 26))
    (state,) = control_timeline(clusters)["ua:lyman"]
    assert len(state.basis) == 2


def test_timeline_passing_mention_of_an_old_capture_changes_nothing() -> None:
    old = reported(1, actor=RU, day=dt.date(2022, 5, 21), latest=dt.date(2022, 5, 31))
    assert control_timeline(cluster_events([old])) == {}
    states = control_timeline(cluster_events([old, reported(2, outlet="B")]))["ua:lyman"]
    assert [(s.controller, s.valid_from) for s in states] == [("UA", dt.date(2022, 10, 1))]


def test_timeline_date_after_every_report_is_not_the_day_of_the_change() -> None:
    deadline = reported(1, day=dt.date(2022, 10, 1), latest=dt.date(2022, 10, 10))
    (state,) = control_timeline(cluster_events([deadline]))["ua:lyman"]
    assert state.valid_from == dt.date(2022, 10, 2)


def test_timeline_both_sides_corroborated_on_one_day_is_contested() -> None:
    items = [
        reported(1, actor=RU),
        reported(2, actor=RU, outlet="B"),
        reported(3, actor=RU, kind="control.withdrawal", outlet="C"),
        reported(4, actor=RU, kind="control.withdrawal", outlet="D"),
    ]
    states = control_timeline(cluster_events(items))["ua:lyman"]
    assert [s.controller for s in states] == ["contested"]


def test_timeline_intervals_follow_each_other() -> None:
    items = [
        reported(1, actor=RU, day=dt.date(2022, 5, 26), published=dt.date(2022, 5, 27)),
        reported(2, actor=UA, day=dt.date(2022, 10, 1), published=dt.date(2022, 10, 2)),
        reported(3, actor=RU, kind="control.withdrawal", day=dt.date(2022, 10, 1)),
    ]
    states = control_timeline(cluster_events(items))["ua:lyman"]
    assert [(s.controller, s.valid_from, s.valid_to) for s in states] == [
        ("RU", dt.date(2022, 5, 26), dt.date(2022, 9, 30)),
        ("UA", dt.date(2022, 10, 1), None),
    ]


_items = st.lists(
    st.builds(
        lambda n, place, actor, modality, day, outlet: reported(
            n, place=place, actor=actor, modality=modality, day=day, outlet=outlet
        ),
        st.integers(1, 10_000),
        st.sampled_from([LYMAN, LYMAN_COPY, IZIUM]),
        st.sampled_from([UA, RU]),
        st.sampled_from(["reported", "claimed", "denied", "forecast", "assessed"]),
        st.one_of(st.none(), st.dates(dt.date(2022, 9, 20), dt.date(2022, 10, 10))),
        st.sampled_from(["A", "B", "C"]),
    ),
    max_size=25,
    unique_by=lambda item: item.event.id,
)


@settings(max_examples=60, deadline=None)
@given(_items, st.randoms(use_true_random=False))
def test_merging_is_order_independent(items: list[Reported], random: object) -> None:
    shuffled = list(items)
    random.shuffle(shuffled)  # type: ignore[attr-defined]
    assert cluster_events(shuffled) == cluster_events(items)


@settings(max_examples=60, deadline=None)
@given(_items)
def test_merging_is_idempotent(items: list[Reported]) -> None:
    once = cluster_events(items)
    assert cluster_events(items + items) == once
    assert control_timeline(once) == control_timeline(cluster_events(items))
