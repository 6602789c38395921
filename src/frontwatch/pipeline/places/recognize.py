"""Toponym recognition that does not trust spaCy's label alone.

Takes a spaCy ``Doc`` and returns the spans that name places, each with its cues:

- ``gazetteer``: a run of capitalized tokens (with connectors such as "of", "-", "upon")
  whose normalized text is a gazetteer name; longest match wins, left to right;
- ``ner``: a spaCy GPE, LOC or FAC entity without a leading "the" (kept even when the
  gazetteer lacks it: it then stays unresolved);
- ``pattern:<name>``: a cue phrase around the span ("the village of X", "near X", "north of
  X", "the X direction", "X–Y highway", "X in Y Oblast").

Guards, from ``data/places/guards.json``: a gazetteer match is dropped when it is part of a
multi-word person name ("Vladimir Putin"); when, as one word, it stands elsewhere in the
article for a person ("John Kelly ... Kelly said") or is written in lowercase there ("Court"
when the article also says "the court"), closes a longer capitalized name while naming only
small places ("Supreme Court"), or is a numeral or function word ("Four", "Is"); when it
follows a title ("President", "Gen."), is a month, weekday or common English word that is
capitalized only because it opens a sentence ("May", "Bush"), or a demonym used as an
adjective ("Russian forces"). A pattern cue or an NER label overrides the one-word guards
("the village of Hope"). Lowercase text never matches ("a bunch" is not Bucha). A single
word that the gazetteer knows only as one of GeoNames' alternate names ("No" for Ho,
"Minister" for Minster) needs spaCy's label or a cue.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Set
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

from frontwatch.gazetteer.lookup import Gazetteer
from frontwatch.gazetteer.names import name_key

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["Guards", "Recognizer", "Spotted"]

_MAX_TOKENS = 5
_CONNECTORS = {"of", "on", "upon", "-", "–", "de", "la", "du", "am", "an", "der", "'s"}
_NER_LABELS = {"GPE", "LOC", "FAC"}
# A one-word name that closes a longer capitalized name is taken for a common noun when
# every place of that name is a settlement smaller than this ("Supreme Court").
_MINOR = 100_000
# Parts of speech a place name does not take ("Four people", "One of them", "Is it").
_FUNCTION_POS = {"NUM", "AUX", "PRON", "DET", "ADP", "CCONJ", "SCONJ", "PART", "INTJ"}


@dataclass(frozen=True)
class Spotted:
    """A toponym span found in a document."""

    start: int
    end: int
    text: str
    sentence: int
    cues: tuple[str, ...]


@dataclass(frozen=True)
class Guards:
    """Word lists that stop false matches (``data/places/guards.json``)."""

    titles: frozenset[str]
    common_words: frozenset[str]
    calendar: frozenset[str]
    before: dict[str, str]
    """Cue words before a toponym ("village of" → village)."""
    after: dict[str, str]
    """Cue words after a toponym ("direction", "highway", "Oblast")."""

    @classmethod
    def load(cls) -> Guards:
        """The packaged guard lists."""
        path = resources.files("frontwatch.data").joinpath("places/guards.json")
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            titles=frozenset(word.lower() for word in data["titles"]),
            common_words=frozenset(word.lower() for word in data["common_words"]),
            calendar=frozenset(word.lower() for word in data["calendar"]),
            before=data["cues_before"],
            after=data["cues_after"],
        )


class Recognizer:
    """Finds toponym spans in parsed documents."""

    def __init__(self, gazetteer: Gazetteer, guards: Guards) -> None:
        self.gazetteer = gazetteer
        self.guards = guards
        self._minor_cache: dict[str, bool] = {}

    def __call__(self, doc: Doc) -> list[Spotted]:
        sentence_of = _sentence_index(doc)
        ner = {(ent.start, ent.end): ent for ent in doc.ents if ent.label_ in _NER_LABELS}
        persons = [ent for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1]
        # "John Kelly ... Kelly said": a word of a full person name stands for the person
        # wherever the article uses it alone.
        plain = {t.lower_ for p in persons for t in p if _capitalized(t) and len(t) > 1}
        # "the University ... the university": a word the article also writes in lowercase is
        # a common noun there, capitalized as part of a name.
        plain |= {t.text for t in doc if t.is_alpha and t.text.islower() and len(t) > 2}
        found: dict[tuple[int, int], set[str]] = {}
        for start, end in self._gazetteer_matches(doc):
            if not self._guarded(doc, start, end, persons, ner, plain):
                found.setdefault((start, end), set()).add("gazetteer")
        for (start, end), _ in ner.items():
            # "the United States": the article is not part of the toponym.
            while end - start > 1 and doc[start].lower_ == "the":
                start += 1
            if all(t.pos_ == "ADJ" for t in doc[start:end]):
                continue  # "Ukrainian troops": the NER's GPE on a demonym is not a toponym
            if not any(s <= start and end <= e for s, e in found):
                found.setdefault((start, end), set()).add("ner")
            else:
                for s, e in found:
                    if s <= start and end <= e:
                        found[(s, e)].add("ner")
        spotted = []
        for (start, end), cues in sorted(found.items()):
            span = doc[start:end]
            cues |= self._pattern_cues(doc, start, end)
            spotted.append(
                Spotted(
                    start=span.start_char,
                    end=span.end_char,
                    text=span.text,
                    sentence=sentence_of.get(start, 0),
                    cues=tuple(sorted(cues)),
                )
            )
        return _drop_nested(spotted)

    def _gazetteer_matches(self, doc: Doc) -> list[tuple[int, int]]:
        spans: list[tuple[int, int, str]] = []
        for i, token in enumerate(doc):
            if not _capitalized(token):
                continue
            for j in range(i + 1, min(i + _MAX_TOKENS, len(doc)) + 1):
                last = doc[j - 1]
                if j - 1 > i and not (_capitalized(last) or last.lower_ in _CONNECTORS):
                    break
                if _capitalized(last):
                    spans.append((i, j, name_key(doc[i:j].text)))
        known = self.gazetteer.known(key for _, _, key in spans)
        # One capitalized word that is only ever an alternate name ("No", "Minister") is
        # too weak to be a toponym without spaCy's label or a cue.
        single = {key for i, j, key in spans if j - i == 1 and key in known}
        named = self.gazetteer.named(single)
        ner = {(ent.start, ent.end) for ent in doc.ents if ent.label_ in _NER_LABELS}
        matches = sorted(
            (
                (i, j)
                for i, j, key in spans
                if key in known
                and (j - i > 1 or key in named or (i, j) in ner or self._pattern_cues(doc, i, j))
            ),
            key=lambda s: (s[0], -(s[1] - s[0])),
        )
        chosen: list[tuple[int, int]] = []
        covered_until = -1
        for i, j in matches:
            if i >= covered_until:
                chosen.append((i, j))
                covered_until = j
        return chosen

    def _guarded(
        self,
        doc: Doc,
        start: int,
        end: int,
        persons: Iterable[Span],
        ner: dict[tuple[int, int], Span],
        plain: Set[str],
    ) -> bool:
        """Whether the gazetteer match ``doc[start:end]`` is no toponym; ``plain`` holds the
        words the article shows are no place names (persons' names, lowercase words)."""
        guards = self.guards
        first = doc[start]
        text = doc[start:end].text.lower()
        if any(
            p.start <= start and end <= p.end and (p.end - p.start) > end - start for p in persons
        ):
            return True
        if (
            end - start == 1
            and (
                text in plain
                or text in guards.common_words
                or first.pos_ in _FUNCTION_POS
                or (_inside_name(doc, start) and self._minor(text))
            )
            and not ((start, end) in ner or self._pattern_cues(doc, start, end))
        ):
            return True
        if start > 0 and doc[start - 1].lower_.rstrip(".") in guards.titles:
            return True
        if end - start == 1 and text in guards.calendar:
            return True
        return first.pos_ == "ADJ" or (first.ent_type_ == "NORP" and end - start == 1)

    def _minor(self, text: str) -> bool:
        """Whether every place of that name is a settlement of under ``_MINOR`` people: such
        a name closing a longer one ("Supreme Court") is the common noun; a country, region
        or city there is the place ("HSBC Malta", "CTV Saskatoon")."""
        minor = self._minor_cache.get(text)
        if minor is None:
            minor = self._minor_cache[text] = all(
                c.kind in {"settlement", "vicinity"} and c.population < _MINOR
                for c in self.gazetteer.candidates(text)
            )
        return minor

    def _pattern_cues(self, doc: Doc, start: int, end: int) -> set[str]:
        cues = set()
        before2 = doc[max(0, start - 2) : start].text.lower()
        before1 = doc[start - 1].lower_ if start > 0 else ""
        after1 = doc[end].lower_ if end < len(doc) else ""
        for phrase, cue in self.guards.before.items():
            if before2.endswith(phrase) or before1 == phrase:
                cues.add(f"pattern:{cue}")
        if after1 in self.guards.after:
            cues.add(f"pattern:{self.guards.after[after1]}")
        return cues


def _inside_name(doc: Doc, i: int) -> bool:
    """Whether token ``i`` follows a capitalized word of its own name ("Supreme Court",
    "Federal Reserve Bank"; not "The" or "In"). Not in title-case lines, where every word
    is capitalized."""
    previous = doc[i - 1] if i > 0 else None
    if (
        previous is None
        or doc[i].is_sent_start
        or not _capitalized(previous)
        or previous.is_punct
        or previous.is_stop
    ):
        return False
    sentence = doc[i].sent
    words = [t for t in sentence if t.is_alpha]
    return sum(_capitalized(t) for t in words) * 2 <= len(words)


def _capitalized(token: Token) -> bool:
    text = token.text
    return bool(text) and text[0].isupper() and any(ch.isalpha() for ch in text)


def _sentence_index(doc: Doc) -> dict[int, int]:
    index = {}
    for number, sentence in enumerate(s for s in doc.sents if s.text.strip()):
        for token in sentence:
            index[token.i] = number
    return index


def _drop_nested(spotted: list[Spotted]) -> list[Spotted]:
    kept: list[Spotted] = []
    for item in sorted(spotted, key=lambda s: (s.start, -(s.end - s.start))):
        if kept and item.start < kept[-1].end:
            continue
        kept.append(item)
    return kept
