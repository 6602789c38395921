"""The Markdown report's "Times" section."""

from __future__ import annotations

import datetime as dt

from frontwatch.model import Article, ArticleAnalysis, Document, Generator
from frontwatch.pipeline.dates import find_times
from frontwatch.pipeline.dedup import content_id
from frontwatch.report.markdown import render_markdown

TEXT = "Lyman fell on Saturday. The order is dated 10/04/2022. Fighting went on for weeks."


def _document(published: dt.date | None, *, times: bool = True) -> Document:
    article = Article(id=content_id(TEXT), text=TEXT, published=published)
    found = tuple(find_times(TEXT, published)) if times else None
    analysis = ArticleAnalysis(article=article, stages=("frontwatch.dates.v1",), times=found)
    generator = Generator(version="0", model="m", stages=analysis.stages)
    return Document(generator=generator, articles=(analysis,))


def test_markdown_times_section_lists_days_values_and_reasons() -> None:
    markdown = render_markdown(_document(dt.date(2022, 10, 4)))
    assert "### Times (3)" in markdown
    assert "| on Saturday | 1 | 2022-10-01 (day) | 2022-10-01 |" in markdown
    assert "unresolved: '10/04/2022' reads as 2022-10-04 (month first)" in markdown
    assert "| for weeks | 1 | unresolved: a duration, not a date | PXW |" in markdown


def test_markdown_times_section_without_article_date() -> None:
    markdown = render_markdown(_document(None))
    assert "unresolved: no article date to anchor 'on Saturday'" in markdown
    assert "- **published**: unknown" in markdown


def test_markdown_times_section_absent_when_the_stage_did_not_run() -> None:
    assert "### Times" not in render_markdown(_document(None, times=False))


def test_markdown_places_section() -> None:
    from frontwatch.model import (
        Article,
        ArticleAnalysis,
        Document,
        Generator,
        Place,
        PlaceMention,
    )
    from frontwatch.report.markdown import render_markdown

    article = Article(id="0" * 20, text="Troops entered Lyman and Qwertzovka.")
    places = (
        PlaceMention(
            start=15,
            end=20,
            text="Lyman",
            sentence=0,
            place=Place(
                name="Lyman",
                gazetteer_id="ua:1",
                admin1="Donetsk Oblast",
                country="UA",
                lat=48.99,
                lon=37.81,
                precision="exact",
                confidence=0.99,
            ),
        ),
        PlaceMention(
            start=25, end=35, text="Qwertzovka", sentence=0, place=Place(name="Qwertzovka")
        ),
    )
    analysis = ArticleAnalysis(article=article, stages=(), places=places)
    text = render_markdown(
        Document(generator=Generator(version="0", model="m", stages=()), articles=(analysis,))
    )
    assert "### Places (2)" in text
    assert "| Lyman | Lyman | Donetsk Oblast | UA | 48.9900, 37.8100 | exact | 0.99 |" in text
    assert "| Qwertzovka | — |  |  | unresolved |  | 0.00 |" in text
