"""Places: recognition guards and cues, resolution in context, the stage's output."""

from __future__ import annotations

from typing import Any

import pytest

from frontwatch.gazetteer.geo import distance_km
from frontwatch.gazetteer.lookup import Gazetteer
from frontwatch.pipeline.places import Resolver, Toponym


def resolve(gazetteer: Gazetteer, text: str, *names: str, demonym: bool = False) -> list[Any]:
    toponyms = []
    for name in names:
        start = text.index(name)
        toponyms.append(Toponym(start, start + len(name), name, demonym=demonym))
    return Resolver(gazetteer).resolve(text, toponyms)


def test_places_explicit_containment_picks_the_oblast(gazetteer: Gazetteer) -> None:
    text = "Fighting moved to Lyman in Kharkiv Oblast."
    (lyman, _) = resolve(gazetteer, text, "Lyman", "Kharkiv Oblast")
    assert lyman.best.admin1 == "Kharkiv Oblast"
    text = "Ukraine retook Donetsk Oblast's Lyman."
    (_, lyman) = resolve(gazetteer, text, "Donetsk Oblast", "Lyman")
    assert lyman.best.admin1 == "Donetsk Oblast"


def test_places_default_lyman_is_the_donetsk_town(gazetteer: Gazetteer) -> None:
    (lyman,) = resolve(gazetteer, "Troops entered Lyman.", "Lyman")
    assert distance_km(lyman.best.lat, lyman.best.lon, 48.99, 37.81) < 3
    assert len(lyman.ranked()) > 3  # the alternatives are kept for audit


def test_places_us_state_after_comma(gazetteer: Gazetteer) -> None:
    (paris, _) = resolve(gazetteer, "He grew up in Paris, Texas.", "Paris", "Texas")
    assert (paris.best.country, paris.best.admin1) == ("US", "Texas")
    (paris,) = resolve(gazetteer, "The summit opened in Paris.", "Paris")
    assert paris.best.country == "FR"


def test_places_neighbours_choose_among_namesakes(gazetteer: Gazetteer) -> None:
    text = "Assaults continued near Andriivka, Klishchiivka and Kurdiumivka south of Bakhmut."
    (andriivka, *_) = resolve(
        gazetteer, text, "Andriivka", "Klishchiivka", "Kurdiumivka", "Bakhmut"
    )
    assert andriivka.best.admin1 == "Donetsk Oblast"
    assert distance_km(andriivka.best.lat, andriivka.best.lon, 48.59, 38.0) < 60


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("US officials said", "US", "US"),
        ("the UK embassy", "UK", "GB"),
        ("EU sanctions", "EU", None),
    ],
)
def test_places_abbreviations_never_name_villages(
    gazetteer: Gazetteer, text: str, name: str, country: str | None
) -> None:
    (result,) = resolve(gazetteer, text, name)
    assert result.best is not None
    assert result.best.country == country
    assert result.best.kind in {"country", "region"}


def test_places_demonyms_only_when_allowed(gazetteer: Gazetteer) -> None:
    (plain,) = resolve(gazetteer, "Syrian forces", "Syrian")
    assert plain.best is None
    (allowed,) = resolve(gazetteer, "Syrian forces", "Syrian", demonym=True)
    assert allowed.best.country == "SY"


def test_places_one_sense_per_discourse(gazetteer: Gazetteer) -> None:
    text = "Lyman fell. Later, Lyman was cleared, and Sviatohirsk too."
    first_start = text.index("Lyman")
    second_start = text.index("Lyman", first_start + 1)
    toponyms = [
        Toponym(first_start, first_start + 5, "Lyman"),
        Toponym(second_start, second_start + 5, "Lyman"),
        Toponym(text.index("Sviatohirsk"), text.index("Sviatohirsk") + 11, "Sviatohirsk"),
    ]
    first, second, _ = Resolver(gazetteer).resolve(text, toponyms)
    assert first.best.id == second.best.id
    assert first.scores == second.scores


def test_places_unknown_name_stays_unresolved(gazetteer: Gazetteer) -> None:
    (result,) = resolve(gazetteer, "near Qwertzovka", "Qwertzovka")
    assert result.best is None
    assert result.confidence == 0.0


@pytest.mark.model
def test_places_stage_recognizes_and_guards(pipeline: Any) -> None:
    from frontwatch.model import Article

    text = (
        "Vladimir Putin said in May that Russian forces would hold Lyman. Ukrainian troops "
        "retook the village of Klishchiivka, south of Bakhmut, and pushed along the "
        "Bakhmut direction. A bunch of soldiers rested in Kramatorsk, while shelling hit "
        "Zaporizhzhia and the Zaporizhzhia NPP."
    )
    (analysis,) = pipeline.run_articles([Article(id="0" * 20, text=text)])
    found = {mention.text: mention for mention in analysis.places}
    assert "Vladimir" not in found
    assert "May" not in found
    assert "Russian" not in found
    assert {"Lyman", "Klishchiivka", "Bakhmut", "Kramatorsk", "Zaporizhzhia"} <= set(found)
    assert "pattern:village" in found["Klishchiivka"].cues
    assert found["Lyman"].place.admin1 == "Donetsk Oblast"
    npp = next(m for m in analysis.places if "NPP" in m.text)
    assert npp.place.kind == "facility"
    for mention in analysis.places:
        assert text[mention.start : mention.end] == mention.text
        assert 0.0 <= mention.place.confidence <= 1.0


def test_places_russian_style_exonym_beats_a_smaller_namesake(gazetteer: Gazetteer) -> None:
    # "Odessa" is the main name of a Texas city and how much reporting spells Odesa.
    text = "Moscow still wants Odessa, officials in Kyiv and Washington said."
    (odessa, _, _) = resolve(gazetteer, text, "Odessa", "Kyiv", "Washington")
    assert odessa.best.country == "UA"
    assert odessa.best.admin1 == "Odesa Oblast"


@pytest.mark.model
def test_places_spans_leave_out_the_article(pipeline: Any) -> None:
    from frontwatch.model import Article

    text = "Officials from the United States and the Netherlands met in Kyiv on Monday."
    (analysis,) = pipeline.run_articles([Article(id="1" * 20, text=text)])
    found = {mention.text for mention in analysis.places}
    assert "United States" in found
    assert not any(name.lower().startswith("the ") for name in found)


def _names(pipeline: Any, text: str) -> set[str]:
    """The toponyms the whole pipeline finds in ``text``."""
    from frontwatch.model import Article

    (analysis,) = pipeline.run_articles([Article(id="2" * 20, text=text)])
    return {mention.text for mention in analysis.places}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "dropped", "kept"),
    [
        # "No" and "Minister" are only GeoNames alternate names.
        (
            "No decision was made, the Minister said before visiting Kharkiv and Qamishli.",
            {"No", "Minister"},
            {"Kharkiv", "Qamishli"},
        ),
        # Kelly (Illinois, Wyoming...) and University (Florida) are gazetteer names; here one
        # is a person named in full earlier, the other a noun the article writes in lowercase.
        (
            "Retired general John Kelly visited Kharkiv on Monday. Kelly said the university "
            "would reopen. The University board met in Poltava.",
            {"Kelly", "University"},
            {"Kharkiv", "Poltava"},
        ),
        # Court (a hamlet) closes "Supreme Court"; Four is a numeral. Malta, a country, closing
        # a bank's name is still the place the bank is named after.
        (
            "The Supreme Court in Kyiv upheld the ruling. Four people were hurt in Kharkiv. "
            "Shares of Lombard Bank Malta rose.",
            {"Court", "Four"},
            {"Kyiv", "Kharkiv", "Malta"},
        ),
    ],
)
def test_places_one_word_guards(
    pipeline: Any, text: str, dropped: set[str], kept: set[str]
) -> None:
    names = _names(pipeline, text)
    assert not dropped & names
    assert kept <= names
