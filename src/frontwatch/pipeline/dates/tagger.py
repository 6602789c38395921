"""The dates stage (``frontwatch.dates.v1``): every article's time expressions, resolved.

Takes a batch of items after the analyze stage (it uses the spaCy ``Doc`` for sentence
indices and the tense of each clause; without one it reads tense from nearby words) and
returns them with ``analysis.times`` set. The anchor is the article date: ``--published`` or
the input's metadata when ingest found one; else the date a dateline or report title states
(:func:`~frontwatch.pipeline.dates.anchor.article_date`), which is then written to the
article with its basis (``dateline`` or ``title``). Without any of them the article is
undated and every relative expression stays unresolved with a note; nothing is taken from
the clock. Numeric dates are read in the date order of the outlet's country (from the URL's
domain) when it is known.

Title expressions: the headline often carries the key date ("... annexed 4 days ago"). They
go to ``analysis.title_times`` (offsets into ``Article.title``) when the data model has that
field; until then they are left out rather than mixed into ``times``, whose offsets point into
``Article.text``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any
from urllib.parse import urlsplit

from frontwatch.config import Settings
from frontwatch.model import Article, ArticleAnalysis, TimeExpression
from frontwatch.pipeline.dates.anchor import article_date
from frontwatch.pipeline.dates.finder import TimeFinder
from frontwatch.pipeline.dates.lexicon import DateOrder, load_lexicon
from frontwatch.pipeline.stage import Item

__all__ = ["STAGE", "TITLE_FIELD", "DateTagger"]

STAGE = "frontwatch.dates.v1"
TITLE_FIELD = "title_times"
"""The ``ArticleAnalysis`` field for expressions found in the title (see the module)."""


class DateTagger:
    """Finds and resolves the time expressions of each article of a batch."""

    name = STAGE

    def __init__(self, finder: TimeFinder) -> None:
        self.finder = finder
        self.titles = TITLE_FIELD in ArticleAnalysis.model_fields

    @classmethod
    def from_settings(cls, settings: Settings) -> DateTagger:
        """Build the finder (reads the word lists, compiles the patterns) once."""
        return cls(TimeFinder(load_lexicon()))

    def __call__(self, items: Sequence[Item]) -> list[Item]:
        return [self._tag(item) for item in items]

    def date_order(self, article: Article) -> DateOrder | None:
        """How the outlet writes numeric dates, from the country of its URL's domain."""
        if not article.url:
            return None
        host = urlsplit(article.url).hostname or ""
        return self.finder.lexicon.date_orders.get(host.rsplit(".", 1)[-1].lower())

    def title_times(self, article: Article) -> tuple[TimeExpression, ...]:
        """The title's expressions (offsets into ``Article.title``, sentence index 0)."""
        if not article.title:
            return ()
        order = self.date_order(article)
        return tuple(self.finder.find(article.title, article.published, date_order=order))

    def _tag(self, item: Item) -> Item:
        article = item.article
        if article.published is None:
            stated = article_date(article.text, article.title)
            if stated is not None:
                article = article.model_copy(
                    update={"published": stated[0], "published_basis": stated[1]}
                )
        starts = [sentence.start for sentence in item.analysis.sentences] or None
        times = self.finder.find(
            article.text,
            article.published,
            doc=item.doc,
            date_order=self.date_order(article),
            sentence_starts=starts,
        )
        update: dict[str, Any] = {"article": article, "times": tuple(times)}
        if self.titles:
            update[TITLE_FIELD] = self.title_times(article)
        analysis = item.analysis.model_copy(update=update)
        return replace(item, article=article, analysis=analysis)
