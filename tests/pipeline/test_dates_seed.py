"""The running example: the seed article's times with and without a publication date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from frontwatch.config import Settings
from frontwatch.model import ArticleAnalysis, TimeExpression
from frontwatch.pipeline import IngestOptions, Ingestor
from frontwatch.pipeline.dates import DateTagger

pytestmark = [pytest.mark.model, pytest.mark.shared]


def _analyze(pipeline: Any, seed: Path, published: dt.date | None) -> ArticleAnalysis:
    batch = Ingestor(Settings(), IngestOptions(published=published)).ingest([seed])
    (analysis,) = pipeline.run(batch)
    assert isinstance(analysis, ArticleAnalysis)
    return analysis


def _by_text(analysis: ArticleAnalysis) -> dict[str, TimeExpression]:
    return {time.text: time for time in analysis.times or ()}


@pytest.fixture(scope="module")
def seed(shared_data: Path) -> Path:
    return shared_data / "seed" / "lyman-2022-10-04.txt"


def test_dates_seed_with_publication_date(pipeline: Any, seed: Path) -> None:
    analysis = _analyze(pipeline, seed, dt.date(2022, 10, 4))
    times = _by_text(analysis)
    saturday = times["on Saturday"].span
    assert (saturday.earliest, saturday.latest) == (dt.date(2022, 10, 1), dt.date(2022, 10, 1))
    between = times["between Sunday and Monday"].span
    assert (between.earliest, between.latest) == (dt.date(2022, 10, 2), dt.date(2022, 10, 3))
    year = times["in 2014"]
    assert (year.value, year.span.precision) == ("2014", "year")
    assert (year.span.earliest, year.span.latest) == (dt.date(2014, 1, 1), dt.date(2014, 12, 31))
    weekend = times["over the weekend"].span
    assert (weekend.earliest, weekend.latest) == (dt.date(2022, 10, 1), dt.date(2022, 10, 2))
    assert times["last week"].value == "2022-W39"
    # "4 days ago" is in the headline: its expression is found in the title.
    tagger = next(stage for stage in pipeline.stages if isinstance(stage, DateTagger))
    (ago,) = [t for t in tagger.title_times(analysis.article) if t.text == "4 days ago"]
    assert (ago.span.earliest, ago.span.latest) == (dt.date(2022, 9, 30), dt.date(2022, 9, 30))
    title_times = getattr(analysis, "title_times", None)
    if title_times is not None:  # once the data model carries title expressions
        assert ago in title_times
    for time in analysis.times or ():
        assert analysis.article.text[time.start : time.end] == time.text


def test_dates_seed_without_publication_date_invents_nothing(pipeline: Any, seed: Path) -> None:
    analysis = _analyze(pipeline, seed, None)
    assert analysis.article.published is None  # no dateline, no dated title
    times = _by_text(analysis)
    for text in ("on Saturday", "between Sunday and Monday", "over the weekend", "last week"):
        assert not times[text].span.resolved
        assert "no article date" in (times[text].note or "")
    tagger = next(stage for stage in pipeline.stages if isinstance(stage, DateTagger))
    (ago,) = [t for t in tagger.title_times(analysis.article) if t.text == "4 days ago"]
    assert not ago.span.resolved
    # An absolute year needs no anchor: it is stated, not invented.
    assert times["in 2014"].value == "2014"
    relative = [t for t in analysis.times or () if t.text != "in 2014"]
    assert not any(t.span.resolved for t in relative)
