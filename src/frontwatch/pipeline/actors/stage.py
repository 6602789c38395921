"""The actors stage (``frontwatch.actors.v1``): who each article names.

Takes items after the analyze stage and returns them with ``analysis.actors`` set: one
:class:`~frontwatch.model.ActorMention` per side, force, unit, person or institution the
text names (:class:`~frontwatch.pipeline.actors.match.ActorMatcher`), with character offsets
into ``Article.text`` and the index of its sentence (from ``analysis.sentences``, as the
other stages count them). It uses the spaCy ``Doc`` in ``Item.doc`` for the dependency
reading of country and capital names; without one (the analyze stage did not run) it falls
back to nearby words and every mention is in sentence 0. The registry is read and validated
once, in :meth:`ActorTagger.from_settings`.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace

from frontwatch.config import Settings
from frontwatch.model import ActorMention
from frontwatch.pipeline.actors.match import ActorMatcher
from frontwatch.pipeline.actors.registry import ActorRegistry
from frontwatch.pipeline.stage import Item

__all__ = ["STAGE", "ActorTagger"]

STAGE = "frontwatch.actors.v1"


class ActorTagger:
    """Tags the actor mentions of each article of a batch."""

    name = STAGE

    def __init__(self, matcher: ActorMatcher) -> None:
        self.matcher = matcher

    @classmethod
    def from_settings(cls, settings: Settings) -> ActorTagger:
        """Load and validate the packaged registry (no setting changes it yet)."""
        return cls(ActorMatcher(ActorRegistry.load()))

    def __call__(self, items: Sequence[Item]) -> list[Item]:
        return [self._tag(item) for item in items]

    def _tag(self, item: Item) -> Item:
        starts = [sentence.start for sentence in item.analysis.sentences]
        mentions = tuple(
            ActorMention(
                start=match.start,
                end=match.end,
                text=match.text,
                sentence=max(bisect_right(starts, match.start) - 1, 0),
                actor=match.actor,
                collective=match.collective,
            )
            for match in self.matcher.match(
                item.article.text, item.doc, published=item.article.published
            )
        )
        analysis = item.analysis.model_copy(update={"actors": mentions})
        return replace(item, analysis=analysis)
