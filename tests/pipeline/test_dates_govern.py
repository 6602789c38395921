"""The time expression that governs an event trigger, by the dependency parse."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from frontwatch.pipeline.dates import find_times, governing_time

pytestmark = pytest.mark.model

ANCHOR = dt.date(2022, 10, 4)


@pytest.fixture(scope="module")
def nlp(pipeline: Any) -> Any:
    return pipeline.stages[0].nlp


@pytest.mark.parametrize(
    ("sentence", "trigger", "expected"),
    [
        # 1. attached to the trigger
        (
            "Ukrainian forces recaptured Lyman on Saturday, officials said on Monday.",
            "recaptured",
            "on Saturday",
        ),
        ("Saturday's attack on Kramatorsk killed 50 people.", "attack", "Saturday"),
        ("Putin illegally annexed Crimea in 2014.", "annexed", "in 2014"),
        ("The annexation of Crimea in 2014 was never recognized.", "annexation", "in 2014"),
        # 2. same clause
        ("The withdrawal from Lyman was completed on Saturday.", "withdrawal", "on Saturday"),
        # 3. enclosing clause through conj, never through reported speech
        (
            "Russian troops withdrew and Ukraine took control of the town on Saturday.",
            "withdrew",
            "on Saturday",
        ),
        (
            "Officials said on Monday that Russian forces had withdrawn from Lyman.",
            "withdrawn",
            None,
        ),
        (
            "The city, which Ukraine retook in September, was shelled on Monday.",
            "retook",
            "in September",
        ),
        (
            "The city, which Ukraine retook in September, was shelled on Monday.",
            "shelled",
            "on Monday",
        ),
        # 4. nearest in the sentence; never another sentence
        (
            "Ukrainian forces made gains in Lyman between Sunday and Monday, ISW said.",
            "gains",
            "between Sunday and Monday",
        ),
        ("On Sunday, Russian forces struck Kharkiv. Ukraine responded.", "responded", None),
    ],
)
def test_dates_governing_time(nlp: Any, sentence: str, trigger: str, expected: str | None) -> None:
    doc = nlp(sentence)
    times = find_times(sentence, ANCHOR, doc=doc)
    found = governing_time(doc, sentence.index(trigger), times)
    assert (found.text if found else None) == expected


def test_dates_governing_time_within_a_given_sentence_span(nlp: Any) -> None:
    text = "Russia struck Kyiv on Monday. Ukraine shot down drones overnight."
    doc = nlp(text)
    times = find_times(text, ANCHOR, doc=doc)
    second = list(doc.sents)[1]
    found = governing_time(second, text.index("shot"), times)
    assert found is not None
    assert found.text == "overnight"
    assert governing_time(second, text.index("struck"), times) is None  # outside the span


def test_dates_governing_time_skips_durations_and_sets(nlp: Any) -> None:
    text = "Russian artillery shelled the town every night for three weeks."
    doc = nlp(text)
    times = find_times(text, ANCHOR, doc=doc)
    assert {t.kind for t in times} == {"set", "duration"}
    assert governing_time(doc, text.index("shelled"), times) is None
