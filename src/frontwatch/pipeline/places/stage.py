"""The places stage: toponyms of each article, resolved in context.

Takes items that went through the analyze stage (it needs the spaCy ``Doc``) and returns them
with ``analysis.places`` filled: one :class:`~frontwatch.model.PlaceMention` per toponym, its
resolved :class:`~frontwatch.model.Place` (precision, confidence, the runners-up), a place
without gazetteer id but with the point of the settlement the article puts it in (kind
``vicinity``, precision ``near``) when the gazetteer does not know the name, or an unresolved
place when the article gives nothing to go on. The gazetteer is opened (and built on
first use) once, in :meth:`PlaceTagger.from_settings`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from frontwatch.config import Settings
from frontwatch.gazetteer.lookup import Candidate, Gazetteer
from frontwatch.model import Place, PlaceCandidate, PlaceMention
from frontwatch.pipeline.places.recognize import Guards, Recognizer
from frontwatch.pipeline.places.resolve import Resolution, Resolver, Toponym
from frontwatch.pipeline.places.vicinity import VICINITY
from frontwatch.pipeline.stage import Item

__all__ = ["STAGE", "PlaceTagger", "to_place"]

STAGE = "frontwatch.places.v1"
_ALTERNATIVES = 3


class PlaceTagger:
    """Recognizes and resolves the toponyms of each article."""

    name = STAGE

    def __init__(self, recognizer: Recognizer, resolver: Resolver) -> None:
        self.recognizer = recognizer
        self.resolver = resolver

    @classmethod
    def from_settings(cls, settings: Settings) -> PlaceTagger:
        """Open the gazetteer (building it on first use) and load the guard lists."""
        gazetteer = Gazetteer.from_settings(settings)
        return cls(Recognizer(gazetteer, Guards.load()), Resolver(gazetteer))

    def __call__(self, items: Sequence[Item]) -> list[Item]:
        return [self._tag(item) for item in items]

    def _tag(self, item: Item) -> Item:
        if item.doc is None:
            raise ValueError(f"{STAGE} needs the analyze stage to run first")
        spotted = self.recognizer(item.doc)
        toponyms = [Toponym(s.start, s.end, s.text) for s in spotted]
        resolutions = self.resolver.resolve(item.article.text, toponyms)
        mentions = tuple(
            PlaceMention(
                start=s.start,
                end=s.end,
                text=s.text,
                sentence=s.sentence,
                place=to_place(resolution),
                cues=s.cues,
            )
            for s, resolution in zip(spotted, resolutions, strict=True)
        )
        analysis = item.analysis.model_copy(update={"places": mentions})
        return replace(item, analysis=analysis)


def to_place(resolution: Resolution) -> Place:
    """The model's Place for a resolution (unresolved: the text as name, no coordinates)."""
    best = resolution.best
    if best is None:
        return Place(name=resolution.toponym.text)
    ranked = resolution.ranked()
    alternatives = tuple(
        _alternative(candidate, probability)
        for candidate, probability in ranked[1 : _ALTERNATIVES + 1]
        if candidate.lat is not None and candidate.lon is not None
    )
    return Place(
        name=best.name,
        # A vicinity is where the article puts the place, not a gazetteer entry.
        gazetteer_id=None if best.kind == VICINITY else best.id,
        admin1=best.admin1,
        admin2=best.admin2,
        country=best.country,
        lat=best.lat,
        lon=best.lon,
        kind=best.kind,
        precision=best.precision
        if best.precision in {"exact", "near", "region", "country"}
        else None,
        confidence=round(resolution.confidence, 3),
        alternatives=alternatives,
    )


def _alternative(candidate: Candidate, probability: float) -> PlaceCandidate:
    return PlaceCandidate(
        gazetteer_id=candidate.id,
        name=candidate.name,
        admin1=candidate.admin1,
        country=candidate.country,
        lat=candidate.lat or 0.0,
        lon=candidate.lon or 0.0,
        score=round(probability, 3),
    )
