"""The pipeline runner: an ordered list of stages built once from one Settings object.

:meth:`Pipeline.from_settings` builds the stages that exist (analyze, dates, places, actors,
events), loading heavy resources once. :meth:`Pipeline.run` streams an ingest result through
them in batches of ``batch_size`` and yields one :class:`~frontwatch.model.ArticleAnalysis` per
article, in input order, recording the versioned name of every stage that ran. Stages that do
not exist yet add nothing to the output.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import islice

from frontwatch.config import Settings
from frontwatch.model import Article, ArticleAnalysis, NearDuplicate, SourceRef
from frontwatch.pipeline.ingest import STAGE as INGEST_STAGE
from frontwatch.pipeline.ingest import IngestResult
from frontwatch.pipeline.stage import Item, Stage

__all__ = ["Pipeline"]


class Pipeline:
    """Stages in order, each a callable over batches of items."""

    def __init__(self, stages: Sequence[Stage], *, batch_size: int = 64, model: str = "") -> None:
        self.stages = tuple(stages)
        self.batch_size = batch_size
        self.model = model

    @classmethod
    def from_settings(cls, settings: Settings) -> Pipeline:
        """Build every available stage from ``settings`` (loads the spaCy model)."""
        # Imported here so that importing the runner does not import spaCy.
        from frontwatch.pipeline.actors import ActorTagger
        from frontwatch.pipeline.analyze import Analyzer
        from frontwatch.pipeline.dates import DateTagger
        from frontwatch.pipeline.events.stage import EventTagger
        from frontwatch.pipeline.places import PlaceTagger

        analyzer = Analyzer.from_settings(settings)
        stages: list[Stage] = [
            analyzer,
            DateTagger.from_settings(settings),
            PlaceTagger.from_settings(settings),
            ActorTagger.from_settings(settings),
            EventTagger.from_settings(settings),
        ]
        return cls(stages, batch_size=settings.batch_size, model=analyzer.model)

    @property
    def stage_names(self) -> tuple[str, ...]:
        """Versioned names of ingest and of every stage, in order."""
        return (INGEST_STAGE, *(stage.name for stage in self.stages))

    def run(self, batch: IngestResult) -> Iterator[ArticleAnalysis]:
        """Analyze every article of an ingest result, in order."""
        return self.run_articles(
            batch.articles, duplicates=batch.duplicates, near=batch.near_duplicates
        )

    def run_articles(
        self,
        articles: Iterable[Article],
        *,
        duplicates: dict[str, list[SourceRef]] | None = None,
        near: dict[str, tuple[NearDuplicate, ...]] | None = None,
    ) -> Iterator[ArticleAnalysis]:
        """Analyze articles that are already ingested (benchmarks, the store, batch jobs)."""
        names = self.stage_names
        duplicates = duplicates or {}
        near = near or {}
        iterator = iter(articles)
        while chunk := list(islice(iterator, self.batch_size)):
            items = [
                Item(
                    article=article,
                    analysis=ArticleAnalysis(
                        article=article,
                        stages=names,
                        duplicates=tuple(duplicates.get(article.id, ())),
                        near_duplicates=near.get(article.id, ()),
                    ),
                )
                for article in chunk
            ]
            for stage in self.stages:
                items = stage(items)
            yield from (item.analysis for item in items)
