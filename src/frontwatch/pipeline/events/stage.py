"""The events stage: typed events of each article, with roles, modality and evidence.

Runs after the places, dates and actors stages (it uses their mentions when present) and
fills ``analysis.events``. The ontology and cue lexicons load once, in the constructor.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from frontwatch.config import Settings
from frontwatch.pipeline.events.extract import EventExtractor
from frontwatch.pipeline.stage import Item

__all__ = ["STAGE", "EventTagger"]

STAGE = "frontwatch.events.v1"


class EventTagger:
    """Extracts the events of each article."""

    name = STAGE

    def __init__(self, extractor: EventExtractor | None = None) -> None:
        self.extractor = extractor or EventExtractor(stage=STAGE)

    @classmethod
    def from_settings(cls, settings: Settings) -> EventTagger:
        return cls()

    def __call__(self, items: Sequence[Item]) -> list[Item]:
        return [self._tag(item) for item in items]

    def _tag(self, item: Item) -> Item:
        if item.doc is None:
            raise ValueError(f"{STAGE} needs the analyze stage to run first")
        analysis = item.analysis
        events = self.extractor.extract(
            item.article,
            item.doc,
            places=analysis.places or (),
            times=analysis.times or (),
            actors=analysis.actors or (),
        )
        updated = analysis.model_copy(
            update={"events": tuple(events), "stages": (*analysis.stages, STAGE)}
        )
        return replace(item, analysis=updated)
