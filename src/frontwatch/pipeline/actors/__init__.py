"""Actors: sides, forces, the order of battle, officials and institutions named in a text.

Public API:

- :class:`ActorRegistry`: the registry from ``frontwatch/data/actors/`` (validated on load).
- :class:`ActorMatcher`: finds :class:`ActorMatch` spans in a text (and its spaCy Doc).
- :class:`ActorTagger`: the pipeline stage (``frontwatch.actors.v1``).
- :class:`Lexicon`: the matcher's word lists and unit types.

Importing this package reads no file and does not import spaCy.
"""

from frontwatch.pipeline.actors.lexicon import Lexicon, LexiconError, UnitType
from frontwatch.pipeline.actors.match import ActorMatch, ActorMatcher
from frontwatch.pipeline.actors.registry import ActorRegistry, Alias, Entry, RegistryError
from frontwatch.pipeline.actors.stage import STAGE, ActorTagger
from frontwatch.pipeline.actors.units import ADHOC_PREFIX, UnitResolver

__all__ = [
    "ADHOC_PREFIX",
    "STAGE",
    "ActorMatch",
    "ActorMatcher",
    "ActorRegistry",
    "ActorTagger",
    "Alias",
    "Entry",
    "Lexicon",
    "LexiconError",
    "RegistryError",
    "UnitResolver",
    "UnitType",
]
