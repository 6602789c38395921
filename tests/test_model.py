from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from frontwatch.model import (
    Actor,
    Article,
    ArticleAnalysis,
    Claimant,
    ControlState,
    Document,
    Event,
    Evidence,
    Generator,
    Mention,
    Place,
    PlaceCandidate,
    Quantity,
    Sentence,
    TimeSpan,
)

ARTICLE = Article(
    id="0123456789abcdef0123",
    text="Ukrainian forces recaptured Lyman on Saturday.",
    title="Lyman retaken",
    published=dt.date(2022, 10, 4),
    outlet="Kyiv Ledger",
    language="en",
)
EVIDENCE = Evidence(
    article_id=ARTICLE.id, start=0, end=46, sentence=ARTICLE.text, stage="frontwatch.events.v1"
)
LYMAN = Place(
    name="Lyman",
    gazetteer_id="ua:UA14120030010063355",
    admin1="Donetsk Oblast",
    country="UA",
    lat=48.99,
    lon=37.81,
    kind="settlement",
    precision="exact",
    confidence=0.93,
    alternatives=(
        PlaceCandidate(
            gazetteer_id="gn:1", name="Lyman", admin1="Odesa", lat=45.6, lon=29.3, score=0.03
        ),
    ),
)
EVENT = Event(
    id="ev1",
    type="control.capture",
    modality="reported",
    evidence=(EVIDENCE,),
    actor=Actor(id="ua.forces", name="Ukrainian forces", kind="force", side="UA"),
    place=LYMAN,
    time=TimeSpan(
        text="on Saturday",
        earliest=dt.date(2022, 10, 1),
        latest=dt.date(2022, 10, 1),
        precision="day",
        anchor=dt.date(2022, 10, 4),
    ),
    quantities=(
        Quantity(kind="casualties", text="an estimated 80,000", value=80000, estimate=True),
    ),
    attribution=(Claimant(name="Ukrainian General Staff", side="UA"),),
    confidence=0.8,
)


@pytest.mark.parametrize(
    "obj",
    [
        ARTICLE,
        EVIDENCE,
        LYMAN,
        EVENT,
        ControlState(place=LYMAN, controller="UA", valid_from=dt.date(2022, 10, 1), basis=("ev1",)),
        TimeSpan(text="on Saturday"),
        ArticleAnalysis(
            article=ARTICLE,
            stages=("frontwatch.ingest.v1",),
            sentences=(Sentence(start=0, end=46, text=ARTICLE.text),),
            entities=(Mention(start=28, end=33, text="Lyman", label="GPE", sentence=0),),
        ),
    ],
    ids=lambda obj: type(obj).__name__,
)
def test_model_json_round_trip(obj: object) -> None:
    cls = type(obj)
    text = obj.model_dump_json()  # type: ignore[attr-defined]
    assert cls.model_validate_json(text) == obj  # type: ignore[attr-defined]


def test_model_is_immutable() -> None:
    with pytest.raises(ValidationError, match="frozen"):
        ARTICLE.title = "changed"  # type: ignore[misc]


def test_model_rejects_unknown_fields() -> None:
    with pytest.raises(ValidationError, match="nickname"):
        Actor.model_validate({"id": "x", "name": "x", "kind": "unit", "nickname": "y"})


def test_model_documents_carry_schema_version() -> None:
    document = Document(generator=Generator(version="0", model="m", stages=()))
    assert '"schema":"frontwatch/1"' in document.model_dump_json()
    analysis = ArticleAnalysis(article=ARTICLE, stages=())
    assert analysis.model_dump()["schema"] == "frontwatch/1"


@pytest.mark.parametrize(
    ("cls", "fields", "message"),
    [
        (TimeSpan, {"text": "x", "earliest": dt.date(2022, 1, 2)}, "all set or all null"),
        (
            TimeSpan,
            {
                "text": "x",
                "earliest": dt.date(2022, 1, 2),
                "latest": dt.date(2022, 1, 1),
                "precision": "day",
            },
            "before earliest",
        ),
        (Sentence, {"start": 5, "end": 2, "text": ""}, "before start"),
        (Place, {"name": "x", "lat": 10.0}, "both set or both null"),
        (Place, {"name": "x", "lat": 91.0, "lon": 0.0}, "less than or equal to 90"),
        (Quantity, {"kind": "killed", "text": "x", "low": 5, "high": 2}, "below low"),
        (
            Event,
            {"id": "e", "type": "control.capture", "modality": "reported", "evidence": ()},
            "at least 1",
        ),
        (Event, {"id": "e", "type": "teleport", "modality": "reported", "evidence": ()}, "type"),
        (Article, {"id": "nothex", "text": "x"}, "pattern"),
        (Article, {"id": "0123456789abcdef0123", "text": ""}, "at least 1 character"),
    ],
)
def test_model_validation_errors_name_the_problem(
    cls: type, fields: dict[str, object], message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        cls.model_validate(fields)


def test_model_unresolved_time_span_is_not_resolved() -> None:
    assert not TimeSpan(text="on Saturday").resolved
    assert EVENT.time is not None
    assert EVENT.time.resolved
