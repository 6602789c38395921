"""The actors stage: collective readings from the parse, sentence indices, the stage contract."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from typing import Any

import pytest

import frontwatch.pipeline.actors as actors_package
from frontwatch.model import ActorMention, Article, ArticleAnalysis, Sentence
from frontwatch.pipeline.actors import STAGE, ActorMatcher, ActorTagger
from frontwatch.pipeline.dedup import content_id
from frontwatch.pipeline.stage import Item


def analyze(pipeline: Any, text: str, published: dt.date | None = None) -> ArticleAnalysis:
    article = Article(id=content_id(text), text=text, published=published)
    (analysis,) = list(pipeline.run_articles([article]))
    return analysis


def mentions(pipeline: Any, text: str) -> list[tuple[str, str, bool]]:
    analysis = analyze(pipeline, text)
    assert analysis.actors is not None
    return [(m.text, m.actor.id, m.collective) for m in analysis.actors]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Moscow said the depot near Kyiv was hit.", [("Moscow", "ru", True)]),
        (
            "Kyiv denied the claim, according to Moscow.",
            [("Kyiv", "ua", True), ("Moscow", "ru", True)],
        ),
        ("Russia's annexation of four regions was condemned.", [("Russia", "ru", True)]),
        ("Ukraine retook the town on Saturday.", [("Ukraine", "ua", True)]),
        (
            "Russia and Ukraine agreed to a prisoner swap after talks with Kyiv.",
            [("Russia", "ru", True), ("Ukraine", "ua", True), ("Kyiv", "ua", True)],
        ),
        ("Moscow warned Kyiv again.", [("Moscow", "ru", True), ("Kyiv", "ua", True)]),
        ("The Kremlin announced the decision.", [("Kremlin", "ru.kremlin", True)]),
        ("Residents of Kyiv sheltered in the metro.", []),
        ("Kyiv was shelled overnight.", []),
        ("Kyiv is a large city on the Dnipro.", []),
        ("The column drove toward Moscow.", []),
        ("Troops moved into northeastern Ukraine.", []),
        ("Ukraine's Kharkiv region was hit again.", []),
        ("The envoys met at the Kremlin.", []),
    ],
)
def test_stage_collective_readings_follow_the_parse(
    pipeline: Any, text: str, expected: list[tuple[str, str, bool]]
) -> None:
    assert mentions(pipeline, text) == expected


@pytest.mark.model
def test_stage_person_names_are_not_units(pipeline: Any) -> None:
    text = "Richard Wagner wrote operas, while Wagner fighters attacked the village."
    assert mentions(pipeline, text) == [("Wagner fighters", "ru.wagner", False)]


@pytest.mark.model
def test_stage_fills_actors_with_sentences_and_offsets(pipeline: Any) -> None:
    text = (
        "Ukrainian forces recaptured the town on Saturday, the General Staff of Ukraine said.\n\n"
        "Elements of the 76th VDV Division and the 144th Motor Rifle Division fell back, "
        "and the 144th lost many vehicles.\n\n"
        "Kremlin spokesman Dmitry Peskov declined to comment, while Russian and Ukrainian "
        "officials traded accusations. The 999th Motor Rifle Regiment was not seen again."
    )
    analysis = analyze(pipeline, text, published=dt.date(2022, 10, 4))
    assert STAGE in analysis.stages
    assert analysis.actors is not None
    found = [(m.text, m.actor.id, m.sentence) for m in analysis.actors]
    assert found == [
        ("Ukrainian forces", "ua.forces", 0),
        ("General Staff of Ukraine", "ua.general-staff", 0),
        ("Elements of the 76th VDV Division", "ru.76-vdv", 1),
        ("144th Motor Rifle Division", "ru.144-mrd", 1),
        ("144th", "ru.144-mrd", 1),
        ("Kremlin", "ru.kremlin", 2),
        ("Dmitry Peskov", "ru.peskov", 2),
        ("Russian", "ru.gov", 2),
        ("Ukrainian officials", "ua.gov", 2),
        ("999th Motor Rifle Regiment", "unit:999-motor-rifle-regiment", 3),
    ]
    for mention in analysis.actors:
        assert text[mention.start : mention.end] == mention.text
        sentence = analysis.sentences[mention.sentence]
        assert sentence.start <= mention.start
        assert mention.end <= sentence.end


@pytest.mark.model
def test_stage_output_round_trips_as_json(pipeline: Any) -> None:
    analysis = analyze(pipeline, "Russian forces withdrew from the village, Moscow said.")
    again = ArticleAnalysis.model_validate_json(analysis.model_dump_json(by_alias=True))
    assert again.actors == analysis.actors
    assert '"actors"' in analysis.model_dump_json(by_alias=True)


def test_stage_without_a_doc_uses_the_sentences(settings: Any) -> None:
    text = "Russian forces attacked. Ukrainian troops held, Kyiv said."
    article = Article(id=content_id(text), text=text)
    second = text.index("Ukrainian")
    analysis = ArticleAnalysis(
        article=article,
        stages=(STAGE,),
        sentences=(
            Sentence(start=0, end=second - 1, text=text[: second - 1]),
            Sentence(start=second, end=len(text), text=text[second:]),
        ),
    )
    tagger = ActorTagger.from_settings(settings)
    (item,) = tagger([Item(article=article, analysis=analysis)])
    assert item.analysis.actors == (
        ActorMention(
            start=0,
            end=14,
            text="Russian forces",
            sentence=0,
            actor=tagger.matcher.registry.get("ru.forces"),
        ),
        ActorMention(
            start=second,
            end=second + 16,
            text="Ukrainian troops",
            sentence=1,
            actor=tagger.matcher.registry.get("ua.forces"),
        ),
        ActorMention(
            start=text.index("Kyiv"),
            end=text.index("Kyiv") + 4,
            text="Kyiv",
            sentence=1,
            actor=tagger.matcher.registry.get("ua"),
            collective=True,
        ),
    )
    assert tagger.name == "frontwatch.actors.v1"
    assert item.article is article


def test_stage_leaves_items_unchanged(settings: Any) -> None:
    text = "Nothing here names a side."
    article = Article(id=content_id(text), text=text)
    item = Item(article=article, analysis=ArticleAnalysis(article=article, stages=()))
    (tagged,) = ActorTagger(ActorMatcher.load())([item])
    assert item.analysis.actors is None  # the input item is not modified
    assert tagged.analysis.actors == ()


def test_stage_package_exports_its_public_api() -> None:
    public = {name for name in vars(actors_package) if not name.startswith("_")}
    modules = {"lexicon", "match", "readings", "registry", "stage", "units"}
    assert public - modules == set(actors_package.__all__)


def test_stage_import_does_not_load_spacy() -> None:
    code = "import sys, frontwatch.pipeline.actors; sys.exit('spacy' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
