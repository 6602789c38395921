"""Event extraction on sentences written for these tests: every ontology type, voice,
coordination, role attachment, modality, attribution and quantities."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from frontwatch.model import Article, Event
from frontwatch.pipeline.dedup import content_id
from frontwatch.pipeline.events.ontology import Cues, Ontology

pytestmark = pytest.mark.model

PUBLISHED = dt.date(2022, 10, 4)  # a Tuesday


def events(pipeline: Any, text: str, published: dt.date | None = PUBLISHED) -> list[Event]:
    article = Article(id=content_id(text), text=text, published=published)
    (analysis,) = list(pipeline.run_articles([article]))
    return list(analysis.events or ())


def only(found: list[Event], kind: str) -> list[Event]:
    return [event for event in found if event.type == kind]


def places(found: list[Event], kind: str) -> list[str]:
    return sorted(event.place.name for event in only(found, kind) if event.place)


def test_ontology_is_data_with_mappings() -> None:
    ontology = Ontology.load()
    names = [definition.type for definition in ontology.types]
    assert names == [
        "control.capture", "control.withdrawal", "control.advance", "combat", "strike",
        "annexation", "casualties", "equipment_loss", "mobilization", "aid",
    ]  # fmt: skip
    for definition in ontology.types:
        assert definition.description
        assert definition.acled["event_type"]
        assert definition.verbs or definition.nouns
    assert ontology.get("control.withdrawal").plover == {
        "type": "RETREAT", "mode": "withdraw", "context": "territory", "cameo": "874",
    }  # fmt: skip
    assert Cues.load().reporting["claim"] == "claimed"


def test_capture_active_voice_with_time(pipeline: Any) -> None:
    (event,) = only(
        events(pipeline, "Ukrainian forces recaptured Lyman on Saturday."), "control.capture"
    )
    assert event.actor is not None
    assert event.actor.side == "UA"
    assert event.place is not None
    assert event.place.admin1 == "Donetsk Oblast"
    assert event.time is not None
    assert event.time.earliest == dt.date(2022, 10, 1)
    assert event.modality == "reported"
    assert event.evidence[0].sentence.startswith("Ukrainian forces recaptured")


def test_capture_passive_voice(pipeline: Any) -> None:
    (event,) = only(
        events(pipeline, "Kupiansk was liberated by Ukrainian troops last month."),
        "control.capture",
    )
    assert event.actor is not None
    assert event.actor.side == "UA"
    assert event.place is not None
    assert event.place.name == "Kupiansk"


def test_capture_nominal_with_possessive_agent(pipeline: Any) -> None:
    found = events(pipeline, "Ukraine's liberation of Izium exposed mass graves in the forest.")
    (event,) = only(found, "control.capture")
    assert event.actor is not None
    assert event.actor.side == "UA"
    assert event.place is not None
    assert event.place.name in {"Izium", "Izyum"}


def test_coordination_gives_one_event_per_settlement(pipeline: Any) -> None:
    found = events(
        pipeline, "Russian forces captured Popasna and Rubizhne after weeks of assaults."
    )
    assert places(found, "control.capture") == ["Popasna", "Rubizhne"]
    assert {event.actor.side for event in only(found, "control.capture") if event.actor} == {"RU"}


def test_containing_region_is_not_a_second_target(pipeline: Any) -> None:
    found = events(pipeline, "Ukrainian forces retook Lyman, a rail hub in Donetsk Oblast.")
    assert places(found, "control.capture") == ["Lyman"]


def test_withdrawal_forced_to_fall_back(pipeline: Any) -> None:
    found = events(
        pipeline, "Russian troops were forced to fall back from Lyman after the encirclement."
    )
    (event,) = only(found, "control.withdrawal")
    assert event.actor is not None
    assert event.actor.side == "RU"
    assert event.place is not None
    assert event.place.name == "Lyman"


def test_advance_toward_a_settlement(pipeline: Any) -> None:
    found = events(pipeline, "Russian forces advanced toward Siversk on Monday.")
    (event,) = only(found, "control.advance")
    assert event.place is not None
    assert event.place.name == "Siversk"
    assert event.time is not None
    assert event.time.earliest == dt.date(2022, 10, 3)


def test_location_descriptions_are_not_targets(pipeline: Any) -> None:
    found = events(
        pipeline, "Russian forces took control of Troitske, 20 km south of Popasna, on Sunday."
    )
    assert places(found, "control.capture") == ["Troitske"]


def test_combat_repelled_attack(pipeline: Any) -> None:
    found = events(pipeline, "Ukrainian troops repelled a Russian assault near Bilohorivka.")
    assert places(found, "combat") == ["Bilohorivka"]
    assert not only(found, "control.capture")


def test_strike_with_weapon(pipeline: Any) -> None:
    found = events(pipeline, "Russian missiles struck an energy facility in Kremenchuk overnight.")
    (event,) = only(found, "strike")
    assert event.place is not None
    assert event.place.name == "Kremenchuk"


def test_shelling_noun_with_place(pipeline: Any) -> None:
    found = events(pipeline, "Russian shelling of Nikopol damaged several houses.")
    assert places(found, "strike") == ["Nikopol"]


def test_annexation_of_named_and_unnamed_territory(pipeline: Any) -> None:
    found = events(pipeline, "Russia annexed Crimea in 2014.")
    (event,) = only(found, "annexation")
    assert event.place is not None
    assert event.place.kind in {"admin1", "peninsula"}
    assert event.time is not None
    assert event.time.earliest == dt.date(2014, 1, 1)
    text = "In the five days since Moscow announced the annexation of four regions, little changed."
    (unnamed,) = only(events(pipeline, text), "annexation")
    assert unnamed.place is not None
    assert unnamed.place.gazetteer_id is None
    assert unnamed.place.name == "four regions"
    assert unnamed.time is not None
    assert unnamed.time.earliest == dt.date(2022, 9, 29)


def test_casualties_estimate_with_side(pipeline: Any) -> None:
    found = events(
        pipeline, "Russia's army has suffered heavy losses, an estimated 60,000 casualties."
    )
    (event,) = only(found, "casualties")
    assert event.actor is not None
    assert event.actor.side == "RU"
    (quantity,) = event.quantities
    assert (quantity.kind, quantity.value, quantity.estimate) == ("casualties", 60000, True)


def test_casualties_killed_count(pipeline: Any) -> None:
    found = events(pipeline, "The strike killed 12 civilians in Vinnytsia.")
    (event,) = only(found, "casualties")
    assert [(q.kind, q.value) for q in event.quantities] == [("killed", 12)]


def test_vague_count_follows_acled(pipeline: Any) -> None:
    found = events(pipeline, "Dozens of soldiers were killed near Bakhmut on Sunday.")
    (event,) = only(found, "casualties")
    (quantity,) = event.quantities
    assert quantity.value == 12
    assert quantity.approximate
    assert quantity.convention


def test_equipment_loss(pipeline: Any) -> None:
    found = events(pipeline, "Ukrainian forces destroyed 14 Russian tanks near Vuhledar.")
    (event,) = only(found, "equipment_loss")
    assert [(q.kind, q.value) for q in event.quantities] == [("tanks", 14)]
    assert not only(found, "control.capture")


def test_mobilization_with_upper_bound(pipeline: Any) -> None:
    found = events(
        pipeline, "The Kremlin announced a partial mobilization, calling up as many as 300,000 men."
    )
    (event,) = only(found, "mobilization")
    (quantity,) = event.quantities
    assert quantity.value == 300000
    assert quantity.high == 300000
    assert quantity.approximate


def test_aid_with_money(pipeline: Any) -> None:
    found = events(
        pipeline, "The United States pledged $1.1 billion in military aid to Ukraine on Friday."
    )
    (event,) = only(found, "aid")
    assert [(q.kind, q.value) for q in event.quantities] == [("usd", 1_100_000_000)]


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("The Russian Defense Ministry claimed that its forces captured Marinka.", "claimed"),
        ("Ukrainian officials denied that Russian troops had captured Marinka.", "denied"),
        ("Geolocated footage shows that Russian forces captured Marinka.", "confirmed"),
        ("ISW assesses that Russian forces captured Marinka on Sunday.", "assessed"),
        ("Russian forces likely captured Marinka on Sunday.", "assessed"),
        ("Russian forces will likely capture Marinka in the coming days.", "forecast"),
        ("If Russian forces capture Marinka, they would threaten Kurakhove.", "hypothetical"),
        ("Russian forces failed to capture Marinka despite heavy shelling.", "negated"),
        ("Russian forces did not capture Marinka on Sunday.", "negated"),
        ("Russian forces unsuccessfully attempted to capture Marinka.", "negated"),
        ("Russian forces captured Marinka on Sunday.", "reported"),
    ],
)
def test_modality(pipeline: Any, text: str, modality: str) -> None:
    (event,) = only(events(pipeline, text), "control.capture")
    assert event.modality == modality


def test_claimant_chain_with_citing(pipeline: Any) -> None:
    text = (
        "ISW said, citing the Ukrainian General Staff, "
        "that Russian forces withdrew from Bilohorivka."
    )
    (event,) = only(events(pipeline, text), "control.withdrawal")
    names = [claimant.name for claimant in event.attribution]
    assert names[0] == "ISW"
    assert any("General Staff" in name for name in names[1:])


def test_according_to_adds_the_claimant(pipeline: Any) -> None:
    text = "Ukrainian forces advanced near Kreminna, according to the Russian Defense Ministry."
    (event,) = only(events(pipeline, text), "control.advance")
    assert event.modality == "claimed"
    assert event.attribution
    assert event.attribution[0].side == "RU"


def test_no_events_from_sentences_that_assert_none(pipeline: Any) -> None:
    for text in (
        "Lyman was considered an important logistics hub for Russian forces.",
        "The mobilization has not gone smoothly.",
        "Military experts said the mobilization system is overloaded.",
        "Kherson is a port city on the Dnipro.",
    ):
        assert events(pipeline, text) == [], text


def test_unresolved_time_without_publication_date(pipeline: Any) -> None:
    found = events(pipeline, "Ukrainian forces recaptured Lyman on Saturday.", published=None)
    (event,) = only(found, "control.capture")
    assert event.time is None or event.time.earliest is None


def kinds(found: list[Event]) -> set[tuple[str, str | None, str | None, str]]:
    """(type, side of the actor, place name, modality) of the control events."""
    return {
        (e.type, e.actor.side if e.actor else None, e.place.name if e.place else None, e.modality)
        for e in found
        if e.type.startswith("control.")
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # part of a settlement taken or left: an advance of the side that gains it
        (
            "Russian troops seized the eastern outskirts of Marinka on Monday.",
            ("control.advance", "RU", "Marinka", "reported"),
        ),
        (
            "Ukrainian forces pushed Russian troops out of the southern districts of Kupiansk.",
            ("control.advance", "UA", "Kupiansk", "reported"),
        ),
        # entering is not taking
        (
            "Russian troops entered Vovchansk on Monday.",
            ("control.advance", "RU", "Vovchansk", "reported"),
        ),
        # combat aimed at a place is an attempted advance; "halted" ends it
        (
            "Ukrainian defenders halted a Russian assault toward Kurakhove.",
            ("control.advance", "RU", "Kurakhove", "negated"),
        ),
        (
            "Russian units attempted to advance on Sloviansk but were repelled.",
            ("control.advance", "RU", "Sloviansk", "negated"),
        ),
    ],
)  # fmt: skip
def test_partial_areas_entries_and_directed_combat(
    pipeline: Any, text: str, expected: tuple[str, str, str, str]
) -> None:
    assert kinds(events(pipeline, text)) == {expected}


def test_the_city_refers_back_to_the_last_settlement(pipeline: Any) -> None:
    text = "Russian forces shelled Kupiansk after failing to capture the city."
    assert ("control.capture", "RU", "Kupiansk", "negated") in kinds(events(pipeline, text))
    text = "Russian forces shelled Kupiansk. They then failed to capture it."
    assert ("control.capture", "RU", "Kupiansk", "negated") in kinds(events(pipeline, text))
    # "the city of X" names its own place; no antecedent, no event
    assert kinds(events(pipeline, "Russian forces failed to capture the city.")) == set()


def test_unknown_settlement_names_stay_unresolved(pipeline: Any) -> None:
    text = "Ukrainian troops recaptured Zahradivka and Snihurivka on Friday."
    found = [e for e in events(pipeline, text) if e.type == "control.capture"]
    names = {e.place.name for e in found if e.place}
    assert "Snihurivka" in names
    for event in found:
        assert event.place is not None
        if event.place.gazetteer_id is None:
            # nothing invented: an unknown name keeps its text and gets no coordinates
            assert event.place.lat is None
            assert event.place.lon is None
    # names not shaped like a settlement are not taken for one
    assert kinds(events(pipeline, "Russian forces seized Azovstal after a long siege.")) == set()


def test_facility_named_after_a_settlement_is_not_the_settlement(pipeline: Any) -> None:
    text = "Russian paratroopers failed to secure the Hostomel airport."
    assert kinds(events(pipeline, text)) == set()


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Russian forces have yet to take full control of Marinka.", "negated"),
        ("Russian forces continued unsuccessful operations to seize Marinka.", "negated"),
        ("Russian forces conducted attacks to seize Marinka.", "forecast"),
        ("The DNR's claims that its forces captured Marinka are false.", "claimed"),
        (
            "Ukrainian officials refuted Russian claims that Russian forces captured Marinka.",
            "denied",
        ),
    ],
)  # fmt: skip
def test_modality_of_pending_purpose_and_claim_nouns(
    pipeline: Any, text: str, modality: str
) -> None:
    (event,) = only(events(pipeline, text), "control.capture")
    assert event.modality == modality


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ukrainian commanders said Russian attacks toward Kurakhove stalled on Friday.",
            ("control.advance", "RU", "Kurakhove", "negated"),
        ),
        (
            "Russian forces continued assaults toward Kurakhove but did not take new territory.",
            ("control.advance", "RU", "Kurakhove", "negated"),
        ),
        (
            "Russian forces continued attempts to advance toward Kurakhove and made small gains.",
            ("control.advance", "RU", "Kurakhove", "reported"),
        ),
        (
            "Russian forces have not made any gains since securing Marinka on Friday.",
            ("control.capture", "RU", "Marinka", "reported"),
        ),
        (
            "Russian forces may be preparing an operation to seize Marinka from the south.",
            ("control.capture", "RU", "Marinka", "forecast"),
        ),
        (
            "Russian forces shelled Marinka after Ukrainian troops reclaimed it on Friday.",
            ("control.capture", "UA", "Marinka", "reported"),
        ),
        (
            "The strikes hit Marinka, which Russian forces captured on Friday.",
            ("control.capture", "RU", "Marinka", "reported"),
        ),
    ],
)
def test_outcomes_beside_attempts_and_clauses_of_their_own(
    pipeline: Any, text: str, expected: tuple[str, str, str, str]
) -> None:
    assert expected in kinds(events(pipeline, text))


def test_plural_anaphors_and_objects_that_act(pipeline: Any) -> None:
    text = "Shops are closed in Kupiansk and Balakliia since Russian forces took those towns."
    found = kinds(events(pipeline, text))
    assert ("control.capture", "RU", "Kupiansk", "reported") in found
    assert ("control.capture", "RU", "Balakliia", "reported") in found
    text = "Ukrainian troops prevented a Russian assault group from advancing near Kurakhove."
    assert kinds(events(pipeline, text)) == {("control.advance", "RU", "Kurakhove", "negated")}
    text = "Ukrainian forces repelled Russian offensives in the direction of Kurakhove."
    assert ("control.advance", "RU", "Kurakhove", "negated") in kinds(events(pipeline, text))


def test_participles_that_describe_are_not_events(pipeline: Any) -> None:
    text = "The ministry is failing in its promises to properly equip mobilized men."
    assert only(events(pipeline, text), "mobilization") == []
    text = "Partisans attacked a checkpoint in occupied Hola Prystan."
    assert only(events(pipeline, text), "control.capture") == []


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Russian troops are very unlikely to be able to take Siversk this month.", "forecast"),
        ("Russian forces appear poised to seize Siversk.", "forecast"),
        ("We assess that Russian troops were unable to secure Siversk.", "negated"),
        (
            "Russian troops will likely turn north once they fully secure Siversk.",
            "forecast",
        ),
        (
            "Russian troops intended to push west after completing the capture of Siversk.",
            "forecast",
        ),
        (
            "Russian troops paused after capturing Siversk on Friday and will likely regroup.",
            "reported",
        ),
        ("ISW mistakenly reported on Friday that Russian troops seized Siversk.", "negated"),
        (
            "An earlier version of this report stated that Russian troops seized Siversk.",
            "negated",
        ),
        ("The Russian MoD falsely claimed that its troops seized Siversk.", "denied"),
    ],
)  # fmt: skip
def test_modality_of_prospects_failures_and_retractions(
    pipeline: Any, text: str, modality: str
) -> None:
    (event,) = only(events(pipeline, text), "control.capture")
    assert event.modality == modality


def test_civilians_and_part_of_a_force_leaving_change_no_control(pipeline: Any) -> None:
    text = "Partisans said that occupation authorities fled Nova Kakhovka on Monday."
    assert only(events(pipeline, text), "control.withdrawal") == []
    text = "Officials reported that most Russian forces have left Nova Kakhovka."
    assert only(events(pipeline, text), "control.withdrawal") == []
    text = "Ukrainian officials ordered a withdrawal of troops from Nova Kakhovka on Monday."
    assert places(events(pipeline, text), "control.withdrawal") == ["Nova Kakhovka"]


def test_part_of_a_settlement_as_the_object_is_an_advance(pipeline: Any) -> None:
    text = "Russian troops took control of the entry points to Siversk."
    assert kinds(events(pipeline, text)) == {("control.advance", "RU", "Siversk", "reported")}
    text = "Russian troops took control of Siversk."
    assert kinds(events(pipeline, text)) == {("control.capture", "RU", "Siversk", "reported")}


def test_participles_after_a_noun(pipeline: Any) -> None:
    for text in (
        "Footage taken in Huliaipole overnight shows several explosions.",
        "Footage taken in Huliaipole on Friday shows smoke over the town.",  # misparsed
    ):
        assert only(events(pipeline, text), "control.capture") == []
    text = "Siversk, captured by Russian forces on Friday, lies north of Bakhmut."
    assert kinds(events(pipeline, text)) == {("control.capture", "RU", "Siversk", "reported")}


def test_noun_right_before_a_subjectless_gerund_is_its_agent(pipeline: Any) -> None:
    text = (  # parsed with "Ukrainian forces" as a third conjunct after Nova Zorya
        "Shelling went on near Mykolaiv, with Russian forces launching unsuccessful raids on "
        "Posad-Pokrovske and Nova Zorya and Ukrainian forces apparently retaking Shyroke."
    )
    captures = {(e.actor.side if e.actor else None) for e in only(events(pipeline, text),
                                                                   "control.capture")}  # fmt: skip
    assert captures == {"UA"}
