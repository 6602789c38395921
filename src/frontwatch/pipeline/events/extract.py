"""Events over the dependency parse: trigger, roles, modality, attribution and quantities.

For each sentence of an analyzed article (a spaCy ``Doc``, duck-typed: only the analyze stage
imports spaCy), triggers come from the ontology's lexicon (``data/events/ontology.json``):
verbs ("recaptured"), phrasal verbs ("fall back"), light-verb constructions ("took control
of", "made gains") and nouns ("liberation", "strikes"). Each trigger's roles are read off the
parse:

- **agent**: the subject, the ``by`` phrase of a passive, a possessive or demonym of a noun
  ("Ukraine's liberation", "Russian strikes"), or inherited through ``xcomp``/``conj`` ("was
  forced to fall back"); its side comes from actor mentions, country toponyms or demonyms;
- **places**: the toponyms whose path in the tree reaches the trigger without crossing a
  clause or another toponym (so "Lyman, a city in Donetsk" yields Lyman, not Donetsk, while
  "Lyman and Torske" yields both); control events take settlements only;
- **time**: a time expression attached the same way, else the only date of a main clause;
- **quantities**: numbers counting people or materiel in the trigger's arguments.

Modality and the claimant chain come from :mod:`frontwatch.pipeline.events.modality`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from frontwatch.model import (
    OPPOSITE,
    Actor,
    ActorMention,
    Article,
    Event,
    EventType,
    Evidence,
    Place,
    PlaceMention,
    Quantity,
    Side,
    TimeExpression,
    TimeSpan,
)
from frontwatch.pipeline.events.modality import ModalityReader, Reading
from frontwatch.pipeline.events.ontology import EventDefinition, Ontology
from frontwatch.pipeline.events.quantities import QuantityHit, find_quantities

__all__ = ["EventExtractor", "Trigger"]

_SETTLEMENT_KINDS = frozenset({"settlement", "capital"})
_CLAUSE = frozenset({"ccomp", "advcl", "relcl", "acl", "parataxis", "csubj", "xcomp", "dep"})
_ARGUMENT = frozenset(
    {
        "dobj",
        "pobj",
        "prep",
        "conj",
        "cc",
        "appos",
        "compound",
        "nsubjpass",
        "npadvmod",
        "nmod",
        "attr",
        "oprd",
        "pcomp",
        "dative",
        "advmod",
        "poss",
        "amod",
        "quantmod",
        "case",
        "punct",
    }
)
_TIME_ARGUMENT = _ARGUMENT | {"tmod", "nummod"}
_COUNTRY_SIDES: dict[str, Side] = {"RU": "RU", "UA": "UA"}
_EQUIPMENT = frozenset(
    {
        "tanks",
        "vehicles",
        "aircraft",
        "helicopters",
        "artillery",
        "drones",
        "missiles",
        "ships",
    }
)
_EQUIPMENT_NOUNS = frozenset(
    {
        "tank",
        "vehicle",
        "apc",
        "ifv",
        "bmp",
        "btr",
        "aircraft",
        "plane",
        "jet",
        "helicopter",
        "howitzer",
        "artillery",
        "system",
        "launcher",
        "drone",
        "uav",
        "ship",
        "boat",
        "vessel",
        "warship",
        "cruiser",
        "equipment",
        "materiel",
        "truck",
        "depot",
        "radar",
        "missile",
    }
)
_CASUALTY_KINDS = frozenset({"killed", "wounded", "casualties", "captured", "missing"})
_MOBILIZED_KINDS = frozenset({"mobilized", "personnel", "recruited"})
_MONEY_KINDS = frozenset({"usd", "eur"})
_WEAPON_CHECK = frozenset({"hit", "target", "destroy", "pound", "attack", "assault"})
_MAX_PATH = 12
_CONTROL_TYPES = frozenset({"control.capture", "control.withdrawal", "control.advance"})
_AREA_NOUNS = frozenset(
    {"position", "positions", "outskirts", "vicinity", "area", "areas", "part", "parts",
     "center", "centre", "environs", "district", "districts", "suburbs", "territory",
     "approaches", "line", "lines", "village", "town", "city", "settlement", "remainder",
     "rest", "entirety", "edge", "edges", "section", "sections", "half", "villages", "towns",
     "cities", "settlements", "swathes", "swaths", "terrain", "direction", "directions",
     "vicinities", "remnants", "portion", "portions", "quarter", "%", "percent", "outskirt",
     "suburb", "neighborhood", "neighborhoods", "microdistrict", "downtown", "port",
     "hamlet", "hamlets", "outpost", "frontline", "front", "bank", "banks", "side", "sides"}
)  # fmt: skip
"""Nouns between a toponym and a control trigger that still make the toponym the event's
place: parts and kinds of settlements, lines and directions ("the outskirts of X", "the
village of X", "the direction of X"). Any other noun on the way ("a cache of weapons from X",
"a supply line to X") means the toponym only qualifies that noun."""
_DISTANCE = frozenset(
    {"km", "kilometer", "kilometre", "kilometers", "kilometres", "mile", "miles", "mi"}
)


@dataclass(frozen=True)
class Trigger:
    """A word or phrase that signals an event of one type."""

    definition: EventDefinition
    head: int
    """Doc index of the trigger's head token (the verb of a light-verb construction)."""
    tokens: frozenset[int]
    kind: str
    """``verb``, ``place_verb``, ``phrasal``, ``light`` or ``noun``."""
    text: str


@dataclass
class _Context:
    """Per-article lookups: which tokens belong to which place, time and actor mention."""

    article: Article
    doc: Any
    place_of: dict[int, PlaceMention] = field(default_factory=dict)
    place_roots: list[tuple[int, PlaceMention]] = field(default_factory=list)
    time_roots: list[tuple[int, TimeExpression]] = field(default_factory=list)
    actor_of: dict[int, ActorMention] = field(default_factory=dict)


class EventExtractor:
    """Extracts events from one analyzed article."""

    def __init__(
        self,
        ontology: Ontology | None = None,
        modality: ModalityReader | None = None,
        *,
        stage: str = "frontwatch.events.v1",
    ) -> None:
        self.ontology = ontology or Ontology.load()
        self.modality = modality or ModalityReader(side_words=self.ontology.side_words)
        self.stage = stage
        self._weapons = frozenset(
            w.lower() for w in self.ontology.get("strike").extra.get("weapon_words", ())
        )
        self._aid_words = frozenset(
            w.lower() for w in self.ontology.get("aid").extra.get("aid_words", ())
        )
        advance = self.ontology.get("control.advance").extra
        self._partial = frozenset(advance.get("partial_areas", ()))
        self._partial_modifiers = frozenset(advance.get("partial_modifiers", ()))
        self._directional = frozenset(advance.get("directional", ()))
        self._directed_preps = frozenset(advance.get("directed_preps", ())) | self._directional
        self._directed_combat = frozenset(advance.get("directed_combat", ()))
        self._directed_nouns = frozenset(advance.get("directed_nouns", ()))

    def extract(
        self,
        article: Article,
        doc: Any,
        places: Sequence[PlaceMention] = (),
        times: Sequence[TimeExpression] = (),
        actors: Sequence[ActorMention] = (),
    ) -> list[Event]:
        """All events of an article, in text order."""
        context = self._context(article, doc, places, times, actors)
        events: list[Event] = []
        for index, sentence in enumerate(doc.sents):
            events.extend(self._sentence(context, sentence, index))
        return events

    # -- setup -----------------------------------------------------------------------------

    def _context(
        self,
        article: Article,
        doc: Any,
        places: Sequence[PlaceMention],
        times: Sequence[TimeExpression],
        actors: Sequence[ActorMention],
    ) -> _Context:
        context = _Context(article=article, doc=doc)
        for mention in places:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            for token in span:
                context.place_of[token.i] = mention
            context.place_roots.append((span.root.i, mention))
        for expression in times:
            span = doc.char_span(expression.start, expression.end, alignment_mode="expand")
            if span is not None and len(span) > 0:
                context.time_roots.append((span.root.i, expression))
        for actor in actors:
            span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
            if span is not None:
                for token in span:
                    context.actor_of[token.i] = actor
        return context

    # -- triggers --------------------------------------------------------------------------

    def triggers(self, sentence: Any) -> list[Trigger]:
        """The event triggers of one sentence (a spaCy ``Span``)."""
        found: list[Trigger] = []
        consumed: set[tuple[int, str]] = set()
        for token in sentence:
            lemma = self.ontology.lemma(token)
            if token.dep_ == "amod" or (token.dep_ == "acl" and token.tag_ == "VBG"):
                continue  # "mobilized men", "the liberated city": a description, not an event
            if token.pos_ in {"VERB", "AUX"} or token.tag_.startswith("VB"):
                for child in _particles(token):
                    word = child.lower_
                    if child.dep_ in {"prt", "advmod", "prep"}:
                        for definition in self.ontology.phrasal(lemma, word):
                            found.append(
                                Trigger(
                                    definition,
                                    token.i,
                                    frozenset({token.i, child.i}),
                                    "phrasal",
                                    f"{token.text} {child.text}",
                                )
                            )
                            consumed.add((token.i, definition.type))
                    if child.dep_ in {"dobj", "nsubjpass", "attr", "prt"}:
                        for definition in self.ontology.light(lemma, child.lemma_.lower()):
                            found.append(
                                Trigger(
                                    definition,
                                    token.i,
                                    frozenset({token.i, child.i}),
                                    "light",
                                    f"{token.text} … {child.text}",
                                )
                            )
                            consumed.add((token.i, definition.type))
                            consumed.add((child.i, definition.type))
                for definition in self.ontology.verbs(lemma):
                    if (token.i, definition.type) not in consumed:
                        found.append(
                            Trigger(definition, token.i, frozenset({token.i}), "verb", token.text)
                        )
                for definition in self.ontology.place_verbs(lemma):
                    if (token.i, definition.type) not in consumed:
                        found.append(
                            Trigger(
                                definition, token.i, frozenset({token.i}), "place_verb", token.text
                            )
                        )
            elif token.pos_ in {"NOUN", "PROPN"}:
                modifiers = {c.lower_ for c in token.children if c.dep_ in {"amod", "compound"}}
                for definition in self.ontology.types:
                    pairs = definition.extra.get("noun_with_modifier", ())
                    if any(lemma == n and m in modifiers for n, m in pairs):
                        found.append(
                            Trigger(definition, token.i, _noun_tokens(token), "noun", token.text)
                        )
                        consumed.add((token.i, definition.type))
                for definition in self.ontology.nouns(lemma) or self.ontology.nouns(token.lower_):
                    if (token.i, definition.type) not in consumed:
                        found.append(
                            Trigger(definition, token.i, _noun_tokens(token), "noun", token.text)
                        )
        return found

    # -- one sentence ------------------------------------------------------------------------

    def _sentence(self, context: _Context, sentence: Any, index: int) -> list[Event]:
        doc = context.doc
        triggers = self.triggers(sentence)
        if not triggers:
            return []
        trigger_tokens = {i for trigger in triggers for i in trigger.tokens}
        excluded = [(t.start, t.end) for _, t in context.time_roots]
        quantities = find_quantities(sentence, excluded)
        weapons_here = any(t.lower_ in self._weapons for t in sentence)
        events: dict[tuple[str, str, str], Event] = {}
        for trigger in triggers:
            definition = trigger.definition
            lemma = doc[trigger.head].lemma_.lower()
            if definition.type == "strike" and lemma in _WEAPON_CHECK and not weapons_here:
                continue
            if (
                definition.type == "combat"
                and lemma in _WEAPON_CHECK
                and self._weapon_near(doc, trigger)
            ):
                definition = self.ontology.get("strike")
            if _attributive(doc, trigger, context):
                continue  # "in occupied Hola Prystan": a description, not an event
            others = trigger_tokens - trigger.tokens
            paths = self._places(context, trigger, definition, others)
            if not paths and definition.type in _CONTROL_TYPES:
                paths = self._named_elsewhere(context, trigger, definition, others)
            places = [mention for mention, _ in paths]
            counted = self._quantities(doc, trigger, quantities, others)
            if not places and definition.type == "annexation":
                places = self._unnamed_territory(context, trigger, index)
                paths = [(mention, []) for mention in places]
            if not self._satisfied(doc, trigger, definition, places, counted, others):
                continue
            agent_tokens = self._agent_tokens(doc, trigger)
            if _object_is_actor(doc, trigger):
                agent_tokens = [t for c in doc[trigger.head].children if c.dep_ == "dobj"
                                for t in c.subtree]  # fmt: skip
            if definition.type in _CONTROL_TYPES and self._civil(agent_tokens, trigger):
                continue  # "occupation authorities fled X": no forces left it
            if definition.type == "control.withdrawal" and self._partial_agent(
                agent_tokens, trigger
            ):
                continue  # "most Russian forces have left X": the rest still hold it
            actor = self._actor(context, agent_tokens)
            if actor is None:
                actor = self._actor(context, _noun_right_before(doc, trigger))
            if actor is None and definition.type in _CONTROL_TYPES:
                actor = self._side_in_context(context, sentence, trigger)
            if trigger.kind == "noun" and not self._noun_asserts(doc, trigger, places, counted,
                                                                  actor):  # fmt: skip
                continue
            if definition.type in {"casualties"} and actor is None:
                actor = self._victim(context, trigger)
            readings: dict[str, Reading] = {}
            time = self._time(context, trigger, sentence, others)
            evidence = Evidence(
                article_id=context.article.id,
                start=sentence.start_char,
                end=sentence.end_char,
                sentence=sentence.text,
                stage=self.stage,
            )
            targets: list[tuple[PlaceMention | None, list[Any]]] = list(paths) or [(None, [])]
            if definition.type not in {"control.capture", "control.withdrawal", "control.advance",
                                       "combat", "strike", "annexation"}:  # fmt: skip
                targets = targets[:1]
            partial_object = self._partial_object(doc, trigger, context)
            for mention, path in targets:
                event_type, event_actor = self._kind(definition, path, actor, lemma, partial_object)
                if event_type not in readings:
                    readings[event_type] = self.modality.read(
                        doc, trigger.head, trigger.tokens, event_type, sentence, context.actor_of
                    )
                reading = readings[event_type]
                event = self._event(
                    context,
                    event_type,
                    trigger,
                    mention,
                    event_actor,
                    time,
                    counted,
                    reading,
                    evidence,
                )
                side = event.actor.side if event.actor else None
                key = (event.type, _place_key(mention), side or "")
                previous = events.get(key)
                if previous is None:
                    events[key] = event
                else:
                    events[key] = _combine(previous, event)
        return sorted(events.values(), key=lambda e: (e.evidence[0].start, e.id))

    def _event(
        self,
        context: _Context,
        event_type: str,
        trigger: Trigger,
        mention: PlaceMention | None,
        actor: Actor | None,
        time: TimeSpan | None,
        counted: list[QuantityHit],
        reading: Reading,
        evidence: Evidence,
    ) -> Event:
        doc = context.doc
        place = mention.place if mention is not None else None
        if place is not None and place.gazetteer_id is None:
            place = place.model_copy(update={"name": mention.text if mention else place.name})
        key = "|".join(
            (context.article.id, event_type, str(doc[trigger.head].idx), _place_key(mention))
        )
        confidence = 0.9
        if actor is None or actor.side is None:
            confidence *= 0.75
        if place is not None:
            confidence *= 0.5 + 0.5 * place.confidence
        if trigger.kind == "noun":
            confidence *= 0.85
        return Event(
            id=hashlib.sha256(key.encode()).hexdigest()[:16],
            type=_event_type(event_type),
            modality=reading.modality,
            evidence=(evidence,),
            actor=actor,
            place=place,
            time=time,
            quantities=tuple(hit.quantity for hit in counted),
            attribution=reading.claimants,
            confidence=round(confidence, 3),
            trigger=trigger.text,
        )

    # -- roles -----------------------------------------------------------------------------

    def _path(
        self, doc: Any, start: int, trigger: Trigger, others: set[int], allowed: frozenset[str]
    ) -> list[Any] | None:
        """Tokens from ``start`` up to (not including) a trigger token, or None when the way
        up leaves the trigger's clause, passes another trigger, or uses a non-argument link."""
        path: list[Any] = []
        token = doc[start]
        for _ in range(_MAX_PATH):
            if token.i in trigger.tokens:
                return path
            if token.i in others and path:
                return None
            if token.dep_ not in allowed or token.head.i == token.i:
                return None
            if token.dep_ == "conj" and token.pos_ in {"VERB", "AUX"}:
                return None  # "... and merge with operations around X": another clause
            path.append(token)
            token = token.head
        return None

    def _places(
        self,
        context: _Context,
        trigger: Trigger,
        definition: EventDefinition,
        others: set[int],
    ) -> list[tuple[PlaceMention, list[Any]]]:
        """The places the trigger concerns, each with its path up to the trigger."""
        doc = context.doc
        chosen: list[tuple[PlaceMention, list[Any]]] = []
        head = doc[trigger.head]
        control = definition.type in _CONTROL_TYPES
        for root, mention in context.place_roots:
            if not head.sent.start <= root < head.sent.end:
                continue
            if mention.place.kind == "country":
                continue  # whole countries are not where an event happens
            if mention.place.gazetteer_id is None and not (control and _proper(doc, root)):
                continue  # an unresolved span counts only as the named object of a control verb
            regional = _regional(doc, mention) or mention.text.lower() in _REGION_WORDS
            if (
                definition.places == "settlement"
                and mention.place.gazetteer_id
                and (mention.place.kind not in _SETTLEMENT_KINDS or regional)
            ):
                continue
            if control and regional:
                continue
            path = self._path(doc, root, trigger, others, _ARGUMENT)
            if path is None:
                path = self._aimed_through_verb(doc, root, trigger, others)
            if path is None:
                continue
            if not self._argument_path(context, path, mention, definition, trigger):
                continue
            if (
                control
                and path
                and path[0].dep_ == "compound"
                and context.place_of.get(path[0].head.i) is not mention
                and path[0].head.lower_ not in _AREA_NOUNS
            ):
                continue  # "the Hostomel airport", "the Vuhledar power plant": a facility
            chosen.append((mention, path))
        if control:
            chosen.extend(self._unknown_names(context, trigger, definition, others, chosen))
        if not chosen and head.dep_ == "relcl" and definition.places != "settlement":
            chosen.extend((m, []) for m in self._relative_head_places(context, head))
        if (
            not chosen
            and definition.type == "control.capture"
            and head.dep_ == "acl"
            and head.tag_ == "VBN"
            and not any(c.dep_ == "dobj" for c in head.children)
        ):
            # "Siversk, captured by Russian forces on Friday, ...": the noun the participle
            # describes is what was taken
            chosen.extend(
                (m, [])
                for m in self._relative_head_places(context, head)
                if m.place.kind in _SETTLEMENT_KINDS
            )
        if not chosen and control:
            clause = _relative_clause_of_object(head)
            if clause is not None:
                # "Lyman, which Russian forces captured": the pronoun stands for the toponym
                chosen.extend(
                    (m, [])
                    for m in self._relative_head_places(context, clause)
                    if m.place.kind in _SETTLEMENT_KINDS
                )
        return chosen

    def _unknown_names(
        self,
        context: _Context,
        trigger: Trigger,
        definition: EventDefinition,
        others: set[int],
        chosen: list[tuple[PlaceMention, list[Any]]],
    ) -> list[tuple[PlaceMention, list[Any]]]:
        """ "captured Teterivsk": a capitalized name the gazetteer and the recognizer missed,
        in an argument slot of a control verb and shaped like a settlement's name, is kept as
        an unresolved place (name only; no point is guessed)."""
        doc = context.doc
        head = doc[trigger.head]
        taken = {i for mention, _ in chosen for i, m in context.place_of.items() if m is mention}
        found: list[tuple[PlaceMention, list[Any]]] = []
        for token in head.sent:
            if (
                token.pos_ != "PROPN"
                or token.dep_ == "compound"
                or token.i in context.place_of
                or token.i in context.actor_of
                or token.i in taken
                or token.ent_type_ in {"DATE", "TIME"}
                or token.tag_ == "NNPS"
                or token.lower_ in self.ontology.side_words
            ):
                continue
            words = [
                t
                for t in token.subtree
                if t.i <= token.i
                and (t.i == token.i or t.dep_ in {"compound", "punct"} or t.text in {"-", "–"})
            ]
            words = [t for t in words if t.i >= token.i - 3]
            if any(t.i in context.place_of or t.i in context.actor_of for t in words):
                continue
            if not all(t.text[:1].isupper() or t.text in {"-", "–"} for t in words):
                continue
            if not token.lower_.endswith(self.ontology.toponym_endings) and not any(
                (t.i in context.place_of and context.place_of[t.i].place.kind in _SETTLEMENT_KINDS)
                or (t.pos_ == "PROPN" and t.lower_.endswith(self.ontology.toponym_endings))
                for t in _conjuncts(token)
            ):
                continue  # neither shaped like a settlement nor listed with one
            path = self._path(doc, token.i, trigger, others, _ARGUMENT)
            if path is None or not path or path[0].dep_ not in {"dobj", "pobj", "conj", "appos"}:
                continue
            start = words[0].idx
            end = token.idx + len(token.text)
            text = doc.text[start:end]
            mention = PlaceMention(
                start=start, end=end, text=text, sentence=0, place=Place(name=text),
                cues=("pattern:control-object",),
            )  # fmt: skip
            if not self._argument_path(context, path, mention, definition, trigger):
                continue
            found.append((mention, path))
        return found

    def _kind(
        self,
        definition: EventDefinition,
        path: list[Any],
        actor: Actor | None,
        lemma: str,
        partial_object: bool = False,
    ) -> tuple[str, Actor | None]:
        """The event's type for one of its places: a capture of, or a withdrawal from, part of
        a settlement ("the outskirts of X", "eastern X", "took control of the entry points to
        X") is an advance of the side that gains it; an attack aimed at a place ("attacks
        toward X") is an attempted advance on it; a campaign noun not aimed at the place
        ("offensive operations at X") is combat there."""
        kind = definition.type
        if kind in {"control.capture", "control.withdrawal"} and (
            partial_object
            or any(t.lower_ in self._partial for t in path)
            or (
                path
                and any(c.dep_ == "amod" and c.lower_ in self._partial_modifiers
                        for c in path[0].children)
            )
        ):  # fmt: skip
            if kind == "control.withdrawal":
                gaining = OPPOSITE.get(actor.side or "") if actor is not None else None
                actor = _side_actor(gaining, "") if gaining else None
            return "control.advance", actor
        if kind == "combat" and lemma in self._directed_combat and self._aimed(path):
            return "control.advance", actor
        if kind == "control.advance" and lemma in self._directed_nouns:
            return (kind if self._aimed(path) else "combat"), actor
        return kind, actor

    def _partial_object(self, doc: Any, trigger: Trigger, context: _Context) -> bool:
        """The trigger's object is part of a place, whatever the parser attached the place
        to: "took control of *the entry points* to the city"."""
        head = doc[trigger.head]
        objects = [c for c in head.children if c.dep_ == "dobj"]
        if head.lemma_.lower() == "control":
            objects = [head]
        found = []
        for obj in objects:
            if obj.lemma_.lower() == "control":
                found += [g for p in obj.children if p.dep_ == "prep" and p.lower_ == "of"
                          for g in p.children if g.dep_ == "pobj"]  # fmt: skip
            else:
                found.append(obj)
        return any(
            obj.i not in context.place_of
            and obj.pos_ == "NOUN"
            and any(
                t.lower_ in self._partial
                for t in (obj, *(c for c in obj.children if c.dep_ == "compound"))
            )
            for obj in found
        )

    def _aimed_through_verb(
        self, doc: Any, root: int, trigger: Trigger, others: set[int]
    ) -> list[Any] | None:
        """ "repelled Russian offensives in the direction of X": the parser hangs the aim on
        the verb whose object the attack noun is; the aim still belongs to the noun."""
        head = doc[trigger.head]
        if trigger.kind != "noun" or head.dep_ != "dobj":
            return None
        verb = head.head
        through = Trigger(
            trigger.definition, trigger.head, frozenset({verb.i}), trigger.kind, trigger.text
        )
        path = self._path(doc, root, through, others - {verb.i}, _ARGUMENT)
        if path is None or not path or not self._aimed(path):
            return None
        return path

    def _aimed(self, path: list[Any]) -> bool:
        """The place is where the action is aimed: "toward X", "in the direction of X"."""
        if any(t.lower_ in self._directional and t.pos_ == "NOUN" for t in path):
            return True
        preps = [t for t in path if t.dep_ == "prep"]
        return bool(preps) and preps[0].lower_ in self._directed_preps

    def _named_elsewhere(
        self,
        context: _Context,
        trigger: Trigger,
        definition: EventDefinition,
        others: set[int],
    ) -> list[tuple[PlaceMention, list[Any]]]:
        """ "failed to take the city", "after failing to capture it": a control verb whose
        object refers back to a settlement takes the last settlement named before it in the
        sentence or, failing that, in the sentence before (same paragraph)."""
        doc = context.doc
        head = doc[trigger.head]
        anaphors = [
            t
            for t in head.subtree
            if t.lower_ in _ANAPHORS
            and t.i not in context.place_of
            and (
                t.lower_ == "it"
                or any(
                    c.lower_ in {"the", "this", "that", "these", "those", "both"}
                    for c in t.children
                )
            )
        ]
        for token in anaphors:
            path = self._path(doc, token.i, trigger, others, _ARGUMENT)
            if path is None or not path or path[0].dep_ not in {"dobj", "pobj", "nsubjpass"}:
                continue
            if any(c.dep_ == "prep" for c in token.children):
                continue  # "the city of X" names its own place
            if token.lower_ == "it" and path[0].dep_ == "nsubjpass":
                continue
            sentence = head.sent
            earlier = [
                (root, m)
                for root, m in context.place_roots
                if root < token.i
                and m.place.gazetteer_id
                and m.place.kind in _SETTLEMENT_KINDS
                and not _regional(doc, m)
            ]
            main = [(r, m) for r, m in earlier if not _describes_other(doc, r, m, context)]
            earlier = main or earlier
            same = [(r, m) for r, m in earlier if r >= sentence.start]
            if not same and sentence.start > 0:
                previous = doc[sentence.start - 1].sent
                if "\n" in doc[previous.end - 1].text_with_ws:
                    return []
                same = [(r, m) for r, m in earlier if r >= previous.start]
            if not same:
                return []
            if token.lower_ in _PLURAL_ANAPHORS:
                # "since taking those cities", "control of both settlements": every settlement
                # the sentence (or the one before) named
                found: list[tuple[PlaceMention, list[Any]]] = []
                for _, mention in same:
                    if all(m is not mention for m, _ in found) and self._argument_path(
                        context, path, mention, definition, trigger
                    ):
                        found.append((mention, path))
                return found
            mention = same[-1][1]
            if not self._argument_path(context, path, mention, definition, trigger):
                continue
            return [(mention, path)]
        return []

    def _noun_asserts(
        self,
        doc: Any,
        trigger: Trigger,
        places: list[PlaceMention],
        counted: list[QuantityHit],
        actor: Actor | None,
    ) -> bool:
        """A noun names a new event only with a role of its own: "the mobilization has not
        gone smoothly" refers back to one, "the mobilization system" is a modifier."""
        head = doc[trigger.head]
        if head.dep_ == "compound":
            return False
        return bool(places or counted or actor is not None)

    def _unnamed_territory(
        self, context: _Context, trigger: Trigger, sentence: int
    ) -> list[PlaceMention]:
        """ "the annexation of four Ukrainian regions": a territory the text does not name is
        kept as an unresolved place, its words as the name."""
        doc = context.doc
        head = doc[trigger.head]
        objects = [c for c in head.children if c.dep_ == "dobj"]
        objects += [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                    for g in c.children if g.dep_ == "pobj"]  # fmt: skip
        for obj in objects:
            if obj.lower_ in _REGION_WORDS or obj.lemma_.lower() in {"territory", "land"}:
                tokens = sorted(obj.subtree, key=lambda t: t.i)
                start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
                text = doc.text[start:end]
                place = Place(name=text)
                return [
                    PlaceMention(start=start, end=end, text=text, sentence=sentence, place=place)
                ]
        return []

    def _relative_head_places(self, context: _Context, verb: Any) -> list[PlaceMention]:
        """ "Crimea, a peninsula that Putin annexed": the noun a relative clause modifies, or
        the toponym that noun is in apposition to, is the clause's object."""
        token = verb.head
        for _ in range(2):
            mention = context.place_of.get(token.i)
            if mention is not None:
                kind = mention.place.kind
                return [mention] if mention.place.gazetteer_id and kind != "country" else []
            if token.dep_ != "appos":
                return []
            token = token.head
        return []

    def _argument_path(
        self,
        context: _Context,
        path: list[Any],
        mention: PlaceMention,
        definition: EventDefinition,
        trigger: Trigger,
    ) -> bool:
        own = {i for i, m in context.place_of.items() if m is mention}
        previous_dep = None
        previous_place = False
        for token in path:
            if token.lemma_.lower() in _DISTANCE or (
                _compass(token)
                and token.i > 0
                and token.doc[token.i - 1].lemma_.lower() in _DISTANCE
            ):
                return False  # "Partyzanske, 44 km east of Mykolaiv": a description of location
            if _compass(token) and definition.type in _CONTROL_TYPES:
                return False  # "took Troitske, south of Popasna": Popasna only locates it
            if token.lower_ == "according":
                return False  # "according to the Pentagon": a source, not a place
            listed = previous_dep == "conj" or (previous_dep == "appos" and previous_place)
            if token.i not in own and token.i in context.place_of and not listed:
                return False  # the toponym qualifies another one ("Lyman in Donetsk Oblast")
            if token.i in context.actor_of and token.i not in own:
                return False  # "Russian forces in Izyum": a unit's location, not the target
            if (
                definition.type in _CONTROL_TYPES
                and token.pos_ == "NOUN"
                and not _compass(token)
                and token.i not in own
                and token.i not in context.place_of
                and (
                    (token.lower_ not in _AREA_NOUNS and token.lemma_.lower() not in _AREA_NOUNS)
                    or (
                        token.lemma_.lower() == "direction" and definition.type != "control.advance"
                    )
                )
            ):
                # "seized a cache of weapons from X": X qualifies another noun; "retreated in
                # the direction of X" is not a withdrawal from X
                return False
            previous_dep = token.dep_
            previous_place = token.i in context.place_of and token.pos_ == "PROPN"
        if not path:
            return False
        last = path[-1]
        preps = [token for token in path if token.dep_ == "prep" and not _along_with(token)]
        if preps:
            # "withdrew from positions in X", "the outskirts of X": the preposition that
            # counts is the one above the area noun
            nearest = preps[0]
            if (
                nearest.head.lower_ in _AREA_NOUNS
                and nearest.lower_ in {"of", "in", "near", "around", "at"}
                and len(preps) > 1
            ):
                nearest = preps[1]
            return nearest.lower_ in definition.preps or nearest.lower_ in {"of"}
        if last.dep_ in {"nsubjpass"}:
            return trigger.kind != "noun"
        if last.dep_ == "poss":
            return trigger.kind == "noun"
        if last.dep_ in {"amod", "advmod"} and not _compass(last):
            return last.i in own  # "Kharkiv-based" etc. only when the toponym itself
        return True

    def _agent_tokens(self, doc: Any, trigger: Trigger) -> list[Any]:
        token = doc[trigger.head]
        for _ in range(8):
            if token.pos_ in {"NOUN", "PROPN"} and token.i == trigger.head:
                found = [
                    child
                    for child in token.children
                    if child.i not in trigger.tokens
                    and (
                        child.dep_ == "poss"
                        or (child.dep_ in {"amod", "compound"} and self._names_side(child))
                    )
                ]
                found += [
                    grandchild
                    for child in token.children
                    if child.dep_ == "prep" and child.lower_ == "by"
                    for grandchild in child.children
                ]
                if found:
                    return [t for child in found for t in child.subtree]
                if token.dep_ in {"dobj", "attr"} and token.head.pos_ in {"VERB", "AUX"}:
                    token = token.head
                    continue
                if (
                    token.dep_ == "pobj"
                    and token.head.dep_ == "prep"
                    and token.head.head.pos_ in {"VERB", "AUX"}
                    and token.head.lower_ in {"for", "on", "in", "to", "toward", "towards"}
                ):
                    token = token.head.head  # "prepared for advances", "focused on regaining"
                    continue
                return []
            agents = [
                grandchild
                for child in token.children
                if child.dep_ == "agent"
                for grandchild in child.children
            ]
            subjects = [c for c in token.children if c.dep_ in {"nsubj", "csubj"}]
            if agents:
                return [t for a in agents for t in a.subtree]
            if subjects:
                relative = _relative_antecedent(token, subjects)
                if relative is not None:
                    return [t for t in relative.subtree if t.i < token.i or t.i == relative.i]
                return [t for s in subjects for t in s.subtree]
            passive = [c for c in token.children if c.dep_ == "nsubjpass"]
            if passive and token.i != trigger.head:
                return [t for s in passive for t in s.subtree]
            if (
                token.dep_ == "pcomp"
                and token.head.lower_ == "from"
                and token.head.head.pos_ in {"VERB", "AUX"}
            ):
                # "prevented a Russian group from advancing": the object is who advanced
                objects = [c for c in token.head.head.children if c.dep_ == "dobj"]
                if objects:
                    return [t for o in objects for t in o.subtree]
            if (
                token.dep_ in {"xcomp", "conj", "advcl", "pcomp", "acl", "dobj", "pobj", "prep"}
                and token.head.i != token.i
            ):
                # "continued efforts to advance": up through the noun to its verb's subject
                token = token.head
                continue
            return []
        return []

    def _names_side(self, token: Any) -> bool:
        """A modifier that names who acts ("Russian strikes", "Kremlin-ordered"), not an
        evaluation ("illegal annexation")."""
        return token.pos_ == "PROPN" or str(token.lower_) in self.ontology.side_words

    def _civil(self, tokens: list[Any], trigger: Trigger) -> bool:
        """The trigger's own subject is civilians or civil authorities: the head noun of its
        phrase is one of the ontology's ``civil_agents`` ("occupation authorities fled X",
        not "officials ordered a withdrawal of troops", where the troops withdraw)."""
        return any(
            t.pos_ == "NOUN" and t.lemma_.lower() in self.ontology.civil_agents
            for t in _subject_heads(tokens, trigger)
        )

    def _partial_agent(self, tokens: list[Any], trigger: Trigger) -> bool:
        """The trigger's subject is part of a force: "*most* Russian forces have left X",
        "*some* of the units withdrew"."""
        quantifiers = self.ontology.partial_agents
        return any(
            head.lower_ in quantifiers
            or any(
                c.dep_ in {"amod", "det", "quantmod", "nummod"} and c.lower_ in quantifiers
                for c in head.children
            )
            for head in _subject_heads(tokens, trigger)
        )

    def _actor(self, context: _Context, tokens: list[Any]) -> Actor | None:
        if not tokens:
            return None
        ids = {t.i for t in tokens}
        core = [t for t in tokens if not _in_prep_phrase(t, ids)]
        if len(core) < len(tokens):
            # "Russia's offensive in eastern Ukraine": the phrase's own words name the side,
            # not the places its prepositional phrases locate it in
            found = self._actor(context, core)
            if found is not None:
                return found
        for token in tokens:
            mention = context.actor_of.get(token.i)
            if mention is not None and mention.actor.side is not None:
                return mention.actor
        for token in tokens:
            place = context.place_of.get(token.i)
            if place is not None and place.place.kind == "country":
                side = _COUNTRY_SIDES.get(place.place.country or "")
                if side is not None:
                    return _side_actor(side, place.text)
        for token in tokens:
            side = self.ontology.side_words.get(token.lower_)
            if side is not None:
                return _side_actor(side, _phrase(tokens))
        for token in tokens:
            mention = context.actor_of.get(token.i)
            if mention is not None:
                return mention.actor
        return None

    def _side_in_context(self, context: _Context, sentence: Any, trigger: Trigger) -> Actor | None:
        """No agent in the clause ("they", "the seizure of X", "efforts to advance"): the
        side that the sentence, or else the paragraph before it, is about — the subject of
        the closest preceding clause that names one."""
        doc = context.doc
        start = sentence.start
        # back to the start of the paragraph (a blank line) or at most three sentences
        paragraph_start = sentence.start
        for previous in range(3):
            if paragraph_start == 0 or "\n\n" in doc[paragraph_start - 1].text_with_ws:
                break
            before = doc[paragraph_start - 1].sent
            paragraph_start = before.start
            if previous == 2:
                break
        for i in range(trigger.head - 1, paragraph_start - 1, -1):
            token = doc[i]
            if token.dep_ not in {"nsubj", "nsubjpass"} or token.i in trigger.tokens:
                continue
            actor = self._actor(context, list(token.subtree))
            if actor is not None and actor.side in {"UA", "RU"}:
                return actor
            if i < start and actor is None:
                continue
        return None

    def _victim(self, context: _Context, trigger: Trigger) -> Actor | None:
        """Whose casualties: a demonym or possessive on the trigger noun ("Russian losses")."""
        doc = context.doc
        tokens = [t for c in doc[trigger.head].children if c.dep_ in {"amod", "poss", "compound"}
                  for t in c.subtree]  # fmt: skip
        return self._actor(context, tokens)

    def _time(
        self, context: _Context, trigger: Trigger, sentence: Any, others: set[int]
    ) -> TimeSpan | None:
        doc = context.doc
        since = self._since(context, trigger)
        if since is not None:
            return since
        dated = [
            (root, expression)
            for root, expression in context.time_roots
            if sentence.start <= root < sentence.end and expression.kind in {"date", "range"}
        ]
        for root, expression in dated:
            if self._path(doc, root, trigger, others, _TIME_ARGUMENT) is not None:
                return expression.span
        if len(dated) == 1:
            root, expression = dated[0]
            clause = _clause_head(doc[trigger.head])
            alone = not others & set(range(sentence.start, sentence.end))
            if _clause_head(doc[root]).i == clause.i and alone:
                return expression.span
            if clause.dep_ == "ROOT" and _clause_head(doc[root]).dep_ == "ROOT":
                return expression.span
        return None

    def _since(self, context: _Context, trigger: Trigger) -> TimeSpan | None:
        """ "In the four days since Putin announced the annexation": the event is the duration
        before the article's date (only when the article has one)."""
        doc = context.doc
        anchor = context.article.published
        clause = _clause_head(doc[trigger.head])
        marks = [c for c in clause.children if c.dep_ == "mark" and c.lower_ == "since"]
        if anchor is None or not marks:
            return None
        mark = marks[0]
        for _, expression in context.time_roots:
            if expression.kind != "duration" or not expression.value:
                continue
            gap = doc.text[expression.end : mark.idx]
            if gap.strip():
                continue
            days = _duration_days(expression.value)
            if days is None:
                continue
            day = anchor - dt.timedelta(days=days)
            text = f"{expression.text} since"
            return TimeSpan(text=text, earliest=day, latest=day, precision="day", anchor=anchor)
        return None

    def _quantities(
        self, doc: Any, trigger: Trigger, hits: list[QuantityHit], others: set[int]
    ) -> list[QuantityHit]:
        chosen = []
        for hit in hits:
            if hit.head in trigger.tokens:
                chosen.append(hit)
                continue
            if self._path(doc, hit.head, trigger, others, _ARGUMENT | {"nummod"}) is not None:
                chosen.append(hit)
        return chosen

    def _satisfied(
        self,
        doc: Any,
        trigger: Trigger,
        definition: EventDefinition,
        places: list[PlaceMention],
        counted: list[QuantityHit],
        others: set[int],
    ) -> bool:
        needs = set(definition.needs)
        kinds = {hit.quantity.kind for hit in counted}
        head = doc[trigger.head]
        if trigger.kind == "place_verb" and not places:
            return False
        if "place" in needs and not places:
            return False
        if "casualties" in needs:
            if not kinds & _CASUALTY_KINDS and head.lemma_.lower() not in {
                "casualty", "loss", "death", "fatality", "kill", "wound", "injure",
                "suffer", "sustain", "incur", "take",
            }:  # fmt: skip
                return False
            if head.lemma_.lower() == "loss" and _equipment_in(head):
                return False
            if (
                head.lemma_.lower() == "loss"
                and places
                and any(c.lower_ == "of" for c in head.children)
            ):
                return False  # "the loss of Lyman": territory, not people
        if "equipment" in needs and not (kinds & _EQUIPMENT or _equipment_in(head)):
            return False
        if definition.type == "equipment_loss" and places and not kinds & _EQUIPMENT:
            return False  # "captured Lyman" is a capture, not an equipment loss
        if "recipient_or_goods" in needs:
            words = {t.lower_ for t in head.subtree} | {t.lower_ for t in head.children}
            if not words & self._aid_words and not kinds & _MONEY_KINDS:
                return False
        if definition.type == "mobilization" and head.lemma_.lower() in {"draft", "recruit"}:
            return bool(kinds & _MOBILIZED_KINDS) or head.pos_ == "NOUN"
        return True

    def _weapon_near(self, doc: Any, trigger: Trigger) -> bool:
        head = doc[trigger.head]
        near = [*head.children, *(t for c in head.children for t in c.children)]
        return any(t.lower_ in self._weapons for t in near)


_REGION_WORDS = frozenset(
    {
        "region",
        "regions",
        "oblast",
        "oblasts",
        "province",
        "provinces",
        "district",
        "raion",
        "area",
        "areas",
        "front",
        "direction",
        "directions",
        "axis",
        "axes",
        "sector",
        "border",
    }
)


def _describes_other(doc: Any, root: int, mention: PlaceMention, context: _Context) -> bool:
    """ "Vilhivka, on the eastern outskirts of Kharkiv", "Zavody, west of Izium": Kharkiv and
    Izium only locate another place."""
    node = doc[root]
    head = node.head
    if (
        node.dep_ == "pobj"
        and head.lower_ == "of"
        and (head.head.lower_ in _AREA_NOUNS or _compass(head.head))
    ):
        return True
    for _ in range(6):
        if node.head.i == node.i:
            return False
        listed = node.dep_ in {"conj", "appos"}
        node = node.head
        other = context.place_of.get(node.i)
        if other is not None and other is not mention and not listed:
            return True
        if node.pos_ in {"VERB", "AUX"}:
            return False
    return False


def _in_prep_phrase(token: Any, ids: set[int]) -> bool:
    """The token hangs under a preposition inside the phrase whose token ids are ``ids``."""
    node = token
    while node.head.i != node.i and node.head.i in ids:
        if node.dep_ == "pobj" or node.dep_ == "prep":
            return True
        node = node.head
    return False


def _attributive(doc: Any, trigger: Trigger, context: _Context) -> bool:
    """A participle with no subject or auxiliary of its own that describes a noun: right
    before a toponym or a noun ("occupied Hola Prystan", "to equip mobilized men"), or after
    a noun that is not a place ("footage *taken* in X")."""
    head = doc[trigger.head]
    if trigger.kind not in {"verb", "place_verb"} or head.tag_ not in {"VBN", "VBD"}:
        return False
    described = None
    if head.dep_ == "acl":
        described = head.head
    elif not any(c.dep_ in {"aux", "auxpass"} for c in head.children):
        # "Footage taken in X shows ...", parsed as if the footage had taken something
        described = next((c for c in head.children if c.dep_ == "nsubj"), None)
    if (
        described is not None
        and head.tag_ == "VBN"
        and trigger.definition.type in _CONTROL_TYPES
        and described.pos_ == "NOUN"
        and described.i not in context.place_of
        and described.i not in context.actor_of
        and described.lower_ not in _AREA_NOUNS
        and described.lemma_.lower() not in _AREA_NOUNS
    ):
        return True  # "footage taken in X": what was taken is the footage
    own = {"nsubj", "nsubjpass", "aux", "auxpass", "agent"}
    if any(c.dep_ in own for c in head.children):
        return False
    # "to equip mobilized men": a misparsed adjective
    if head.i > 0 and doc[head.i - 1].tag_ == "VB" and head.i + 1 < len(doc):
        return bool(doc[head.i + 1].pos_ == "NOUN")
    if head.i + 1 >= len(doc) or head.i + 1 not in context.place_of:
        return False
    return head.dep_ not in {"ROOT", "conj"}


def _subject_heads(tokens: list[Any], trigger: Trigger) -> list[Any]:
    """The heads of the agent phrase ``tokens`` that depend on the trigger itself (its own
    subject, not the subject of a verb the trigger's noun is the object of)."""
    ids = {t.i for t in tokens}
    return [t for t in tokens if t.head.i not in ids and t.head.i in trigger.tokens]


def _noun_right_before(doc: Any, trigger: Trigger) -> list[Any]:
    """The noun phrase right before a gerund or participle that has no subject in the parse
    ("..., and Ukrainian forces reportedly *recapturing* X", where the parser took the forces
    for another conjunct): its subject in all but name."""
    head = doc[trigger.head]
    if head.tag_ not in {"VBG", "VBN"} or any(
        c.dep_ in {"nsubj", "nsubjpass", "agent"} for c in head.children
    ):
        return []
    at = head.i - 1
    while at >= 0 and doc[at].pos_ == "ADV":
        at -= 1
    if at < 0 or doc[at].pos_ not in {"NOUN", "PROPN"}:
        return []
    return [t for t in doc[at].subtree if t.i <= at]


def _relative_clause_of_object(verb: Any) -> Any | None:
    """The relative clause whose pronoun is the verb's object: "X, which they *captured*",
    "X, which they claimed to have *captured*"."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if objects and not any(c.lower_ in {"which", "that"} for c in objects):
        return None  # the verb has an object of its own
    token = verb
    for _ in range(3):
        if token.dep_ == "relcl":
            pronouns = [t for t in token.subtree if t.lower_ in {"which", "that"}
                        and t.dep_ in {"dobj", "nsubj", "nsubjpass"}]  # fmt: skip
            if not pronouns:
                return None
            if pronouns[0].dep_ != "dobj" and token.i == verb.i:
                return None  # "X, which lies near Y": the pronoun is the subject
            return token
        if token.dep_ not in {"xcomp", "ccomp"}:
            return None
        token = token.head
    return None


def _relative_antecedent(verb: Any, subjects: list[Any]) -> Any | None:
    """ "Russian troops, which have abandoned the attempt": the noun a relative clause's
    pronoun subject stands for."""
    if verb.dep_ != "relcl" or not subjects:
        return None
    if subjects[0].lower_ not in {"which", "who", "that"}:
        return None
    return verb.head


def _conjuncts(token: Any) -> list[Any]:
    """The other members of the coordination the token is in ("A, B and C")."""
    top = token
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head
    members = [top]
    stack = [top]
    while stack:
        for child in stack.pop().children:
            if child.dep_ == "conj":
                members.append(child)
                stack.append(child)
    return [m for m in members if m.i != token.i]


_PLURAL_ANAPHORS = frozenset({"cities", "towns", "villages", "settlements"})
_ANAPHORS = frozenset({"city", "town", "village", "settlement", "it"}) | _PLURAL_ANAPHORS


def _proper(doc: Any, root: int) -> bool:
    """A capitalized proper noun that no actor or person reading claims."""
    token = doc[root]
    return token.pos_ == "PROPN" and token.text[:1].isupper() and token.ent_type_ not in {
        "PERSON", "ORG", "NORP", "DATE"}  # fmt: skip


_ROUTE_WORDS = frozenset({"highway", "road", "railway", "railroad", "route", "motorway"})


def _regional(doc: Any, mention: PlaceMention) -> bool:
    """ "the Donetsk region", "the Kherson direction": a settlement's name used for an area."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return False
    following = doc[span.end]
    if following.lower_ in _REGION_WORDS:
        return True
    if following.lower_ == "of" and span.end + 1 < len(doc) and doc[span.end + 1].pos_ == "PROPN":
        return True  # "the Port of Mariupol", "the Battle of Kyiv": not the place itself
    # "the Bakhmut-Lysychansk highway", "the T1302 Bakhmut–Lysychansk road"
    for token in doc[span.end : min(span.end + 4, len(doc))]:
        if token.lower_ in _ROUTE_WORDS:
            return True
        if not (token.is_punct or token.pos_ == "PROPN"):
            break
    return span.start > 0 and doc[span.start - 1].text in {"-", "–"}


def _duration_days(value: str) -> int | None:
    """Days of an ISO duration of days or weeks ("P4D", "P2W"); None for anything vaguer."""
    match = re.fullmatch(r"P(\d+)([DW])", value)
    if match is None:
        return None
    return int(match.group(1)) * (7 if match.group(2) == "W" else 1)


def _particles(verb: Any) -> list[Any]:
    """The verb's particles, also when the parser hung them lower ("fall back in from")."""
    found = list(verb.children)
    doc = verb.doc
    for k in (verb.i + 1, verb.i + 2):
        if k < len(doc) and doc[k].dep_ in {"prt", "advmod"} and doc[k] not in found:
            found.append(doc[k])
    return found


_SUPPORT_VERBS = frozenset(
    {"resume", "continue", "conduct", "launch", "begin", "start", "intensify", "renew", "prepare",
     "undertake", "carry", "mount", "step", "press", "make", "focus"}
)  # fmt: skip


def _noun_tokens(noun: Any) -> frozenset[int]:
    """A noun trigger and, when it is the object of a support verb ("resumed offensive
    operations toward X"), that verb too: the parser hangs the noun's phrases on it."""
    head = noun.head
    if noun.dep_ == "dobj" and str(head.lemma_).lower() in _SUPPORT_VERBS:
        return frozenset({noun.i, head.i})
    return frozenset({noun.i})


def _object_is_actor(doc: Any, trigger: Trigger) -> bool:
    """ "pushed Russian forces out of X": the side pushed out is the one that withdrew."""
    if trigger.kind != "phrasal":
        return False
    pairs = trigger.definition.extra.get("object_actor", ())
    head = doc[trigger.head]
    lemma = str(head.lemma_).lower()
    words = {str(doc[i].lower_) for i in trigger.tokens if i != trigger.head}
    return any(lemma == verb and particle in words for verb, particle in pairs)


def _equipment_in(head: Any) -> bool:
    words = [head, *head.children, *(t for c in head.children for t in c.children)]
    return any(t.lemma_.lower() in _EQUIPMENT_NOUNS for t in words if t.i != head.i)


def _along_with(token: Any) -> bool:
    """ "along with Luhansk": a coordination, not a role."""
    word, head = str(token.lower_), str(token.head.lower_)
    return word == "along" or (word == "with" and head == "along")


def _compass(token: Any) -> bool:
    return str(token.lower_) in {
        "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
        "northeastern", "northwestern", "southeastern", "southwestern",
    }  # fmt: skip


def _clause_head(token: Any) -> Any:
    while token.dep_ not in _CLAUSE and token.dep_ != "ROOT" and token.head.i != token.i:
        if token.dep_ == "conj" and token.pos_ in {"VERB", "AUX"}:
            break
        token = token.head
    return token


def _phrase(tokens: list[Any]) -> str:
    ordered = sorted(tokens, key=lambda t: t.i)
    words = [t.text for t in ordered if t.dep_ not in {"det", "punct"}]
    return " ".join(words[:8])


def _side_actor(side: Side, name: str) -> Actor:
    names = {"RU": "Russian forces", "UA": "Ukrainian forces", "other": "other"}
    return Actor(id=f"side:{side.lower()}", name=names[side], kind="side", side=side)


def _place_key(mention: PlaceMention | None) -> str:
    if mention is None:
        return ""
    return mention.place.gazetteer_id or mention.text.lower()


def _event_type(name: str) -> EventType:
    return name  # type: ignore[return-value]


def _combine(first: Event, second: Event) -> Event:
    """One event per type and place per sentence: keep the first, add the other's quantities."""
    quantities: list[Quantity] = list(first.quantities)
    for quantity in second.quantities:
        if quantity not in quantities:
            quantities.append(quantity)
    return first.model_copy(
        update={
            "quantities": tuple(quantities),
            "actor": first.actor or second.actor,
            "time": first.time or second.time,
        }
    )
