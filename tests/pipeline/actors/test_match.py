"""The actor matcher on sentences written for these tests, without the spaCy model."""

from __future__ import annotations

import datetime as dt

import pytest

from frontwatch.pipeline.actors import ActorMatch, ActorMatcher


@pytest.fixture(scope="module")
def matcher() -> ActorMatcher:
    return ActorMatcher.load()


def found(matcher: ActorMatcher, text: str, **options: dt.date) -> list[tuple[str, str]]:
    matches = matcher.match(text, **options)
    check_spans(text, matches)
    return [(match.text, match.actor.id) for match in matches]


def check_spans(text: str, matches: list[ActorMatch]) -> None:
    previous_end = 0
    for match in matches:
        assert text[match.start : match.end] == match.text
        assert match.start >= previous_end, "mentions overlap or are out of order"
        previous_end = match.end


@pytest.mark.parametrize(
    ("text", "span", "actor_id"),
    [
        (
            "Reports say the 144th Motor Rifle Division pulled back.",
            "144th Motor Rifle Division",
            "ru.144-mrd",
        ),
        ("The 144th MRD pulled back.", "144th MRD", "ru.144-mrd"),
        (
            "The 144th Motorized Rifle Division pulled back.",
            "144th Motorized Rifle Division",
            "ru.144-mrd",
        ),
        (
            "The 144th Guards Motor Rifle Division pulled back.",
            "144th Guards Motor Rifle Division",
            "ru.144-mrd",
        ),
        (
            "The 144th Guards Motorised Rifle Div. pulled back.",
            "144th Guards Motorised Rifle Div",
            "ru.144-mrd",
        ),
        (
            "Elements of the 76th VDV Division landed.",
            "Elements of the 76th VDV Division",
            "ru.76-vdv",
        ),
        (
            "The 76th Guards Air Assault Division landed.",
            "76th Guards Air Assault Division",
            "ru.76-vdv",
        ),
        ("The 76th Airborne Division landed.", "76th Airborne Division", "ru.76-vdv"),
        ("The 7th VDV (Airborne) Division landed.", "7th VDV (Airborne) Division", "ru.7-vdv"),
        (
            "The 2nd Guards Tamanskaya Motor Rifle Division moved.",
            "2nd Guards Tamanskaya Motor Rifle Division",
            "ru.2-mrd",
        ),
        ("First Guards Tank Army units moved.", "First Guards Tank Army", "ru.1-gta"),
        ("The 1st GTA moved.", "1st GTA", "ru.1-gta"),
        ("The 58th Army moved.", "58th Army", "ru.58-caa"),
        ("The 8th Guards Combined Arms Army moved.", "8th Guards Combined Arms Army", "ru.8-caa"),
        ("The 68th Army Corps moved.", "68th Army Corps", "ru.68-ac"),
        ("The 810th Naval Infantry Brigade landed.", "810th Naval Infantry Brigade", "ru.810-nib"),
        ("The 64th SGMRB withdrew.", "64th SGMRB", "ru.64-mrb"),
        ("The 93rd Mech Bde held.", "93rd Mech Bde", "ua.93-mech-bde"),
        (
            "The 93rd Separate Mechanized Brigade held.",
            "93rd Separate Mechanized Brigade",
            "ua.93-mech-bde",
        ),
        ("The 36th Marine Brigade held.", "36th Marine Brigade", "ua.36-marine-bde"),
        (
            "The 128th Mountain Assault Brigade held.",
            "128th Mountain Assault Brigade",
            "ua.128-mtn-bde",
        ),
        ("The 95th Air Assault Brigade held.", "95th Air Assault Brigade", "ua.95-aa-bde"),
        (
            "The 112th Territorial Defense Brigade held.",
            "112th Territorial Defense Brigade",
            "ua.112-tdf-bde",
        ),
        ("The 12th Azov Brigade held.", "12th Azov Brigade", "ua.azov"),
        ("The 6th Cossack Regiment held.", "6th Cossack Regiment", "lnr.6-mrr"),
        ("The DNR's 1st Army Corps attacked.", "1st Army Corps", "dnr.1-ac"),
        ("The 1st DNR Army Corps attacked.", "1st DNR Army Corps", "dnr.1-ac"),
    ],
)
def test_match_numbered_unit_variants(
    matcher: ActorMatcher, text: str, span: str, actor_id: str
) -> None:
    assert (span, actor_id) in found(matcher, text)


def test_match_parent_named_by_possessive(matcher: ActorMatcher) -> None:
    text = "The 1st Guards Tank Army's 4th Tank Division regrouped near Izium."
    assert found(matcher, text) == [
        ("1st Guards Tank Army", "ru.1-gta"),
        ("4th Tank Division", "ru.4-td"),
    ]


def test_match_lists_of_numbers_share_a_type(matcher: ActorMatcher) -> None:
    text = "The 35th and 36th CAAs and the 5th, 6th and 99th Tank Regiments moved."
    assert found(matcher, text) == [
        ("35th", "ru.35-caa"),
        ("36th CAAs", "ru.36-caa"),
        ("5th", "unit:5-tank-regiment"),
        ("6th", "ru.6-tr"),
        ("99th Tank Regiments", "unit:99-tank-regiment"),
    ]


@pytest.mark.parametrize(
    ("text", "actor_id", "name", "side"),
    [
        (
            "The 999th Motor Rifle Regiment attacked.",
            "unit:999-motor-rifle-regiment",
            "999th Motor Rifle Regiment",
            None,
        ),
        (
            "The Russian 999th Motor Rifle Regiment attacked.",
            "unit:999-motor-rifle-regiment",
            "999th Motor Rifle Regiment",
            "RU",
        ),
        ("A DNR 998th Regiment attacked.", "unit:998-regiment", "998th Regiment", "RU"),
        ("The 997th Regiment of the DNR attacked.", "unit:997-regiment", "997th Regiment", "RU"),
        ("Ukraine's 996th Brigade held.", "unit:996-brigade", "996th Brigade", "UA"),
        (
            "A Ukrainian 995th Territorial Defense Battalion held.",
            "unit:995-tdf-battalion",
            "995th Territorial Defense Battalion",
            "UA",
        ),
    ],
)
def test_match_unknown_units_become_adhoc(
    matcher: ActorMatcher, text: str, actor_id: str, name: str, side: str | None
) -> None:
    (match,) = [m for m in matcher.match(text) if m.cue == "adhoc"]
    assert (match.actor.id, match.actor.name, match.actor.kind) == (actor_id, name, "unit")
    assert match.actor.side == side


def test_match_adhoc_unit_takes_side_and_parent_from_its_owner(matcher: ActorMatcher) -> None:
    (_, unit) = matcher.match("The 58th CAA's 994th Regiment attacked.")
    assert (unit.actor.id, unit.actor.parent, unit.actor.side) == (
        "unit:994-regiment",
        "ru.58-caa",
        "RU",
    )


def test_match_namesakes_need_a_qualifier_or_a_mention(matcher: ActorMatcher) -> None:
    text = "The 25th Brigade advanced. The Ukrainian 25th Brigade held; the 25th Brigade then left."
    assert found(matcher, text) == [
        ("25th Brigade", "unit:25-brigade"),
        ("25th Brigade", "ua.25-ab-bde"),
        ("25th Brigade", "ua.25-ab-bde"),
    ]
    (ambiguous,) = matcher.match("The 25th Brigade advanced.")
    assert ambiguous.actor.side is None  # one Russian and one Ukrainian namesake
    assert found(matcher, "The Russian 25th Brigade advanced.") == [("25th Brigade", "ru.25-mrb")]


def test_match_article_date_rules_out_later_units(matcher: ActorMatcher) -> None:
    text = "The 3rd Army Corps attacked."
    assert found(matcher, text, published=dt.date(2022, 10, 4)) == [("3rd Army Corps", "ru.3-ac")]
    assert found(matcher, text) == [("3rd Army Corps", "unit:3-army-corps")]
    later = found(matcher, "Ukraine's 3rd Army Corps attacked.", published=dt.date(2025, 6, 1))
    assert ("3rd Army Corps", "ua.3-ac") in later


def test_match_bare_number_refers_back_to_a_unit(matcher: ActorMatcher) -> None:
    text = "The 144th Motor Rifle Division fell back. The 144th suffered heavy losses."
    assert found(matcher, text)[-1] == ("144th", "ru.144-mrd")
    assert found(matcher, "The 144th anniversary was marked.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russian forces advanced.", [("Russian forces", "ru.forces")]),
        ("Ukrainian troops held.", [("Ukrainian troops", "ua.forces")]),
        ("Russian units withdrew.", [("Russian units", "ru.forces")]),
        ("Ukrainian defenders held.", [("Ukrainian defenders", "ua.forces")]),
        (
            "Russian and Ukrainian forces clashed.",
            [("Russian", "ru.forces"), ("Ukrainian forces", "ua.forces")],
        ),
        (
            "Russian, Belarusian and Ukrainian officials met.",
            [("Russian", "ru.gov"), ("Belarusian", "by.gov"), ("Ukrainian officials", "ua.gov")],
        ),
        ("Ukraine's armed forces advanced.", [("Ukraine's armed forces", "ua.forces")]),
        ("Russia’s military regrouped.", [("Russia’s military", "ru.forces")]),
        (
            "Russian occupation authorities announced a vote.",
            [("Russian occupation authorities", "ru.occupation")],
        ),
        ("Pro-Russian separatists shelled the town.", [("Pro-Russian separatists", "ru.proxies")]),
        ("Russia's proxies attacked.", [("Russia's proxies", "ru.proxies")]),
        ("Russian paratroopers landed.", [("Russian paratroopers", "ru.vdv")]),
        ("Ukrainian paratroopers landed.", [("Ukrainian paratroopers", "ua.dshv")]),
        ("Ukrainian marines held.", [("Ukrainian marines", "ua.marine-corps")]),
        ("Belarusian troops drilled.", [("Belarusian troops", "by.forces")]),
        ("Chechen units arrived.", [("Chechen units", "ru.kadyrovites")]),
        ("DNR forces attacked.", [("DNR forces", "dnr.forces")]),
        ("The Russian side refused.", [("Russian side", "ru")]),
        ("Russian milbloggers complained.", [("Russian milbloggers", "ru.milbloggers")]),
        (
            "Ukrainian military intelligence said so.",
            [("Ukrainian military intelligence", "ua.gur")],
        ),
    ],
)
def test_match_demonym_forces(
    matcher: ActorMatcher, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(matcher, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ships crossed the Sea of Azov.", []),
        ("The Azov Sea froze.", []),
        ("Storms hit the Azov coast.", []),
        ("The Azov Regiment held the plant.", [("Azov Regiment", "ua.azov")]),
        ("Azov fighters held the plant.", [("Azov fighters", "ua.azov")]),
        ("Azov held the plant.", []),
        (
            "The Azov Battalion formed in 2014. Azov later grew.",
            [("Azov Battalion", "ua.azov"), ("Azov", "ua.azov")],
        ),
        ("The Azov Regiment left; the Sea of Azov stayed calm.", [("Azov Regiment", "ua.azov")]),
    ],
)
def test_match_azov_unit_versus_sea(
    matcher: ActorMatcher, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(matcher, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kim said the port was hit.", []),
        ("Governor Kim said the port was hit.", [("Kim", "ua.kim")]),
        (
            "Vitaliy Kim said the port was hit. Kim added more.",
            [("Vitaliy Kim", "ua.kim"), ("Kim", "ua.kim")],
        ),
        ("Kim Jong Un met Putin.", [("Kim Jong Un", "kp.kim-jong-un"), ("Putin", "ru.putin")]),
        ("Austin spoke.", []),
        (
            "Lloyd Austin spoke. Austin added.",
            [("Lloyd Austin", "us.austin"), ("Austin", "us.austin")],
        ),
        (
            "President Zelenskyy and Zelensky's aide Podoliak spoke.",
            [
                ("Zelenskyy", "ua.zelensky"),
                ("Zelensky", "ua.zelensky"),
                ("Podoliak", "ua.podolyak"),
            ],
        ),
    ],
)
def test_match_people_need_context_when_ambiguous(
    matcher: ActorMatcher, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(matcher, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The General Staff reported losses.", []),
        (
            "The Ukrainian General Staff reported losses.",
            [("Ukrainian General Staff", "ua.general-staff")],
        ),
        (
            "Ukraine’s General Staff reported losses.",
            [("Ukraine’s General Staff", "ua.general-staff")],
        ),
        (
            "The Russian General Staff met. The General Staff denied it.",
            [("Russian General Staff", "ru.general-staff"), ("General Staff", "ru.general-staff")],
        ),
        ("The General Staff of Russia met.", [("General Staff of Russia", "ru.general-staff")]),
        ("The Russian Defense Ministry said so.", [("Russian Defense Ministry", "ru.mod")]),
        ("Russia's Ministry of Defence said so.", [("Russia's Ministry of Defence", "ru.mod")]),
        ("The UK MoD said so.", [("UK MoD", "gb.mod")]),
        ("The Belarusian MoD said so.", [("Belarusian MoD", "by.mod")]),
        (
            "UK Defence Intelligence said so.",
            [("UK Defence Intelligence", "gb.defence-intelligence")],
        ),
        ("The MoD said so.", []),
    ],
)
def test_match_shared_institution_names(
    matcher: ActorMatcher, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(matcher, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The VDV attacked.", [("VDV", "ru.vdv")]),
        ("Russian Airborne Forces attacked.", [("Russian Airborne Forces", "ru.vdv")]),
        ("The Airborne Troops attacked.", [("Airborne Troops", "ru.vdv")]),
        ("The vdv attacked.", []),
        ("GUR and the SBU said so.", [("GUR", "ua.gur"), ("SBU", "ua.sbu")]),
        ("the gur said so.", []),
        ("They told us officials were there.", []),
        (
            "The Wagner Group and Kadyrovites attacked.",
            [("Wagner Group", "ru.wagner"), ("Kadyrovites", "ru.kadyrovites")],
        ),
        ("Kraken and Khartiia held.", [("Kraken", "ua.kraken"), ("Khartiia", "ua.khartiia")]),
        (
            "ISW assessed it; Rybar and WarGonzo denied it.",
            [("ISW", "us.isw"), ("Rybar", "ru.rybar"), ("WarGonzo", "ru.wargonzo")],
        ),
        (
            "The IAEA and NATO met at the UN.",
            [("IAEA", "int.iaea"), ("NATO", "int.nato"), ("UN", "int.un")],
        ),
        ("Operational Command South said so.", [("Operational Command South", "ua.oc-south")]),
        (
            "BARS volunteers and Storm-Z convicts arrived.",
            [("BARS", "ru.bars"), ("Storm-Z", "ru.storm-z")],
        ),
    ],
)
def test_match_names_and_case(
    matcher: ActorMatcher, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(matcher, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Moscow said the strike failed.", [("Moscow", "ru")]),
        ("The plant near Moscow burned.", []),
        ("Fighting continued, according to Kyiv.", [("Kyiv", "ua")]),
        ("Shelling continued in Kyiv.", []),
        ("Russia's annexation was condemned.", [("Russia", "ru")]),
        ("The Kremlin said so.", [("Kremlin", "ru.kremlin")]),
        ("They met at the Kremlin.", []),
        ("The Pentagon said so.", [("Pentagon", "us.dod")]),
    ],
)
def test_match_collective_readings_from_nearby_words(
    matcher: ActorMatcher, text: str, expected: list[tuple[str, str]]
) -> None:
    matches = matcher.match(text)
    assert [(m.text, m.actor.id) for m in matches] == expected
    assert all(m.collective for m in matches)


def test_match_curly_apostrophes_keep_offsets(matcher: ActorMatcher) -> None:
    text = "Ukraine’s Southern Operational Command said Russia’s forces retreated."
    assert found(matcher, text) == [
        ("Ukraine’s Southern Operational Command", "ua.oc-south"),
        ("Russia’s forces", "ru.forces"),
    ]


def test_match_empty_and_plain_text(matcher: ActorMatcher) -> None:
    assert matcher.match("") == []
    assert matcher.match("The weather was mild and the harvest was good.") == []
