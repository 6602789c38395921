"""The event ontology and the cue lexicons, loaded from ``data/events/*.json``.

The types, their ACLED and PLOVER mappings and their trigger lexicons are data, so that an
analyst can read and extend them without touching code (``docs/events.md``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from frontwatch.errors import FrontwatchError
from frontwatch.model import Side

__all__ = ["Cues", "EventDefinition", "Ontology"]


@dataclass(frozen=True)
class EventDefinition:
    """One event type of the ontology."""

    type: str
    description: str
    acled: dict[str, Any]
    plover: dict[str, Any] | None
    places: str
    """``settlement`` (control events need a populated place) or ``any``."""
    needs: tuple[str, ...]
    verbs: frozenset[str]
    place_verbs: frozenset[str]
    phrasal: frozenset[tuple[str, str]]
    light: frozenset[tuple[str, str]]
    nouns: frozenset[str]
    preps: frozenset[str]
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Ontology:
    """All event types, with indexes from trigger lemmas to types."""

    version: str
    types: tuple[EventDefinition, ...]
    irregular: dict[str, str] = field(default_factory=dict)
    """Inflected forms the lemmatizer gets wrong ("retook" → "retake")."""
    side_words: dict[str, Side] = field(default_factory=dict)
    """Lower-cased words that name a side ("russian", "kremlin", "kyiv")."""
    toponym_endings: tuple[str, ...] = ()
    """Endings of East Slavic settlement names, for names the gazetteer does not know."""
    civil_agents: frozenset[str] = frozenset()
    """Head nouns of agents whose leaving a place is not a change of military control
    ("occupation authorities fled X")."""
    partial_agents: frozenset[str] = frozenset()
    """Quantifiers of a withdrawing agent that leave part of the force ("*most* forces
    left X")."""

    def lemma(self, token: Any) -> str:
        """The token's lemma, corrected for the irregular forms of the lexicon."""
        return self.irregular.get(token.lower_) or str(token.lemma_).lower()

    @classmethod
    @cache
    def load(cls) -> Ontology:
        """The packaged ontology (``frontwatch/data/events/ontology.json``)."""
        raw = _read("ontology.json")
        try:
            types = tuple(_definition(entry) for entry in raw["types"])
            return cls(
                version=raw["version"],
                types=types,
                irregular=raw.get("irregular", {}),
                side_words=raw.get("side_words", {}),
                toponym_endings=tuple(raw.get("toponym_endings", ())),
                civil_agents=frozenset(raw.get("civil_agents", ())),
                partial_agents=frozenset(raw.get("partial_agents", ())),
            )
        except (KeyError, TypeError) as exc:
            raise FrontwatchError(f"data/events/ontology.json is malformed: {exc!r}") from None

    def get(self, name: str) -> EventDefinition:
        for definition in self.types:
            if definition.type == name:
                return definition
        raise KeyError(name)

    def verbs(self, lemma: str) -> list[EventDefinition]:
        return [d for d in self.types if lemma in d.verbs]

    def place_verbs(self, lemma: str) -> list[EventDefinition]:
        return [d for d in self.types if lemma in d.place_verbs]

    def nouns(self, lemma: str) -> list[EventDefinition]:
        return [d for d in self.types if lemma in d.nouns]

    def phrasal(self, lemma: str, particle: str) -> list[EventDefinition]:
        return [d for d in self.types if (lemma, particle) in d.phrasal]

    def light(self, verb: str, noun: str) -> list[EventDefinition]:
        return [d for d in self.types if (verb, noun) in d.light]


@dataclass(frozen=True)
class Cues:
    """Modality and attribution cues (``data/events/modality.json``)."""

    reporting: dict[str, str]
    """Reporting verb lemma → the modality it gives its complement."""
    confirming_sources: frozenset[str]
    self_sources: frozenset[str]
    forecast_modals: frozenset[str]
    hypothetical_modals: frozenset[str]
    conditional_marks: frozenset[str]
    forecast_verbs: frozenset[str]
    forecast_nouns: frozenset[str]
    failure_verbs: frozenset[str]
    failure_modifiers: frozenset[str]
    """Modifiers that say an attempt failed ("unsuccessful assaults")."""
    attempt_words: frozenset[str]
    hedges_assessed: tuple[str, ...]
    repelling_verbs: frozenset[str] = frozenset()
    """Verbs that end an attack without success ("halted", "repelled")."""
    pending_words: frozenset[str] = frozenset()
    """ "have *yet* to take X"."""
    reporting_nouns: dict[str, str] = field(default_factory=dict)
    """Noun lemma → the modality it gives its clause ("Russian *claims* that ...")."""
    gain_nouns: frozenset[str] = frozenset()
    """Results of an attack ("... but did not make any *gains*")."""
    forecast_adjectives: frozenset[str] = frozenset()
    """Adjectives whose complement is a prospect ("*unlikely* to take X")."""
    failure_adjectives: frozenset[str] = frozenset()
    """ "were *unable* to secure X"."""
    retraction_modifiers: frozenset[str] = frozenset()
    """Adverbs that make a reporting verb a retraction ("*mistakenly* reported")."""
    correction_subjects: tuple[tuple[str, ...], ...] = ()
    """Word sequences in a reporting verb's subject that mark a correction ("a *previous
    version* of this report stated")."""
    temporal_marks: frozenset[str] = frozenset()
    """Conjunctions and prepositions of a temporal clause ("*once* they secure X")."""

    @classmethod
    @cache
    def load(cls) -> Cues:
        raw = _read("modality.json")
        reporting = {
            lemma: modality for modality, lemmas in raw["reporting"].items() for lemma in lemmas
        }
        return cls(
            reporting=reporting,
            confirming_sources=frozenset(w.lower() for w in raw["confirming_sources"]),
            self_sources=frozenset(w.lower() for w in raw["self_sources"]),
            forecast_modals=frozenset(raw["forecast_modals"]),
            hypothetical_modals=frozenset(raw["hypothetical_modals"]),
            conditional_marks=frozenset(raw["conditional_marks"]),
            forecast_verbs=frozenset(raw["forecast_verbs"]),
            forecast_nouns=frozenset(raw["forecast_nouns"]),
            failure_verbs=frozenset(raw["failure_verbs"]),
            failure_modifiers=frozenset(raw["failure_modifiers"]),
            attempt_words=frozenset(raw["attempt_words"]),
            hedges_assessed=tuple(raw["hedges_assessed"]),
            repelling_verbs=frozenset(raw.get("repelling_verbs", ())),
            pending_words=frozenset(raw.get("pending_words", ())),
            gain_nouns=frozenset(raw.get("gain_nouns", ())),
            forecast_adjectives=frozenset(raw.get("forecast_adjectives", ())),
            failure_adjectives=frozenset(raw.get("failure_adjectives", ())),
            retraction_modifiers=frozenset(raw.get("retraction_modifiers", ())),
            correction_subjects=tuple(tuple(words) for words in raw.get("correction_subjects", ())),
            temporal_marks=frozenset(raw.get("temporal_marks", ())),
            reporting_nouns={
                lemma: modality
                for modality, lemmas in raw.get("reporting_nouns", {}).items()
                for lemma in lemmas
            },
        )


def _read(name: str) -> Any:
    path = resources.files("frontwatch") / "data" / "events" / name
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise FrontwatchError(f"cannot read data/events/{name}: {exc}") from None


def _definition(entry: dict[str, Any]) -> EventDefinition:
    known = {
        "type", "description", "acled", "plover", "places", "needs", "verbs", "place_verbs",
        "phrasal", "light", "nouns", "preps",
    }  # fmt: skip
    return EventDefinition(
        type=entry["type"],
        description=entry["description"],
        acled=entry["acled"],
        plover=entry["plover"],
        places=entry["places"],
        needs=tuple(entry["needs"]),
        verbs=frozenset(entry["verbs"]),
        place_verbs=frozenset(entry["place_verbs"]),
        phrasal=frozenset((a, b) for a, b in entry["phrasal"]),
        light=frozenset((a, b) for a, b in entry["light"]),
        nouns=frozenset(entry["nouns"]),
        preps=frozenset(entry["preps"]),
        extra={k: v for k, v in entry.items() if k not in known},
    )
