"""Whether a country, capital or seat name is used for its government (a collective actor).

Takes the tokens of a name ("Moscow", "Russia", "the Kremlin"), the text's tokens and,
when the analyze stage ran, the spaCy ``Doc`` (duck-typed: ``char_span``, ``root``, ``dep_``,
``head``, ``lemma_``, ``pos_``, ``ent_type_``; spaCy itself is never imported here). Returns
True for an agent reading:

- the subject of a verb that is not stative ("Moscow said", not "Kyiv is a city"); the
  subject of a passive verb that does not hit a place ("Russia was accused", not "Kyiv was
  shelled");
- a possessor of something that is not a place ("Russia's annexation", not "Ukraine's
  Kharkiv region");
- the agent of a passive ("by Kyiv"), "according to Kyiv", the object of a verb aimed at a
  government ("urged Moscow"), a counterpart ("talks with Kyiv", "sanctions against
  Russia", "aid for Ukraine"), a compound before a government noun ("Kremlin officials");
- conjuncts inherit the reading of the first conjunct ("Russia and Ukraine agreed").

A directional or status adjective makes the name a region ("northeastern Ukraine",
"occupied Ukraine").

Locations ("in Kyiv", "near Moscow", "invaded Ukraine") read as places. Without a Doc, or
when the name does not align with its tokens, nearby words decide: "'s", "according to",
"by", a following reporting verb ("Moscow said") mean an agent, a locative preposition
before means a place, and anything else is left as a place.

Seats (``^`` aliases: "the Kremlin", "the Pentagon") are agents unless a locative
preposition governs them ("at the Kremlin").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from frontwatch.pipeline.actors.lexicon import Lexicon, Token

__all__ = ["agent_reading", "locative"]

_SUBJECTS = frozenset({"nsubj", "csubj"})
_PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})
_OBJECTS = frozenset({"dobj", "obj"})
_RECIPIENTS = frozenset({"dative", "iobj"})
_COUNTERPART_PREPOSITIONS = frozenset(
    {"with", "against", "for", "on", "between", "toward", "towards"}
)
_PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})


def agent_reading(
    tokens: Sequence[Token], start: int, end: int, lexicon: Lexicon, doc: Any = None
) -> bool:
    """True when tokens ``start:end`` name a government acting, not a location."""
    if doc is not None:
        span = doc.char_span(tokens[start].start, tokens[end - 1].end, alignment_mode="expand")
        if span is not None and len(span):
            return _parsed(span.root, lexicon)
    return _nearby(tokens, start, end, lexicon)


def locative(tokens: Sequence[Token], start: int, lexicon: Lexicon) -> bool:
    """True when a locative preposition governs the name at ``start`` ("at the Kremlin")."""
    position = start - 1
    if position >= 0 and tokens[position].key == "the":
        position -= 1
    if position < 0:
        return False
    if tokens[position].key == "to" and position > 0 and tokens[position - 1].key == "according":
        return False
    return tokens[position].key in lexicon.locative_prepositions


def _parsed(token: Any, lexicon: Lexicon) -> bool:
    if any(str(child.lower_) in lexicon.place_modifiers for child in token.children):
        return False
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    dep = token.dep_
    head = token.head
    if dep in _SUBJECTS:
        return str(head.lemma_).lower() not in lexicon.stative_verbs
    if dep in _PASSIVE_SUBJECTS:
        return str(head.lemma_).lower() not in lexicon.place_verbs
    if dep == "poss":
        return not _place_like(head, lexicon)
    if dep in _OBJECTS:
        return str(head.lemma_).lower() in lexicon.object_verbs
    if dep in _RECIPIENTS:
        return True
    if dep == "compound":
        return str(head.lemma_).lower() in lexicon.government_nouns
    if dep == "pobj":
        return _prepositional(head, lexicon)
    return False


def _prepositional(preposition: Any, lexicon: Lexicon) -> bool:
    word = str(preposition.lower_)
    governor = preposition.head
    if word == "by":
        return preposition.dep_ == "agent" or governor.pos_ in {"VERB", "AUX"}
    if word == "to":
        return str(governor.lower_) == "according"
    if word in _COUNTERPART_PREPOSITIONS:
        return str(governor.lemma_).lower() in lexicon.counterpart_nouns
    return False


def _place_like(token: Any, lexicon: Lexicon) -> bool:
    if str(token.lemma_).lower() in lexicon.place_nouns:
        return True
    return bool(token.pos_ == "PROPN" and token.ent_type_ in _PLACE_ENTITIES)


def _nearby(tokens: Sequence[Token], start: int, end: int, lexicon: Lexicon) -> bool:
    if end + 2 < len(tokens) and tokens[end].key == "'" and tokens[end + 1].key == "s":
        after = tokens[end + 2]
        return after.key not in lexicon.place_nouns and not after.capitalized
    before = [token.key for token in tokens[max(0, start - 2) : start]]
    if before[-1:] and before[-1] in lexicon.place_modifiers:
        return False
    if before[-2:] == ["according", "to"] or before[-1:] == ["by"]:
        return True
    if before[-1:] and before[-1] in lexicon.locative_prepositions:
        return False
    return end < len(tokens) and tokens[end].key in lexicon.agent_followers
