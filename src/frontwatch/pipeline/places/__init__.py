"""Places: toponym recognition (gazetteer + spaCy + cue patterns) and resolution in context."""

from frontwatch.pipeline.places.recognize import Guards, Recognizer, Spotted
from frontwatch.pipeline.places.resolve import Resolution, Resolver, Toponym, Weights
from frontwatch.pipeline.places.stage import STAGE, PlaceTagger, to_place

__all__ = [
    "STAGE",
    "Guards",
    "PlaceTagger",
    "Recognizer",
    "Resolution",
    "Resolver",
    "Spotted",
    "Toponym",
    "Weights",
    "to_place",
]
