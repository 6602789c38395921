"""The actor matcher: every actor a text names, with character offsets.

Takes a text and, when the analyze stage ran, its spaCy ``Doc`` (duck-typed; used for the
dependency reading of country and capital names and to skip names inside longer person
names). Returns :class:`ActorMatch` spans in text order, never overlapping. Left to right, at
each token the longest of these wins (ties in this order):

1. a numbered unit (:mod:`~frontwatch.pipeline.actors.units`): registry unit or ad hoc;
2. a registry alias (:mod:`~frontwatch.pipeline.actors.registry` explains the flags): weak
   aliases need a cue noun ("Azov fighters"), a title ("Governor Kim") or an earlier
   mention, and never read as a place ("Sea of Azov"); shared aliases need a qualifier
   ("Ukrainian General Staff"), a title the actor's role names, or an earlier mention;
   country and capital names need an agent reading
   (:func:`~frontwatch.pipeline.actors.readings.agent_reading`), seats no locative one;
3. a qualifier with a force or government noun ("Russian forces", "Ukraine's armed
   forces", "pro-Russian separatists", "Russian and Ukrainian troops" → one match each);
4. "the 144th" alone, after a mention of the 144th in the same text.

Matching is deterministic and needs no model: without a Doc the readings fall back to
nearby words. Nothing is guessed: a name that cannot be resolved is left out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from frontwatch.model import Actor
from frontwatch.pipeline.actors.lexicon import (
    Lexicon,
    Token,
    after_list_joiner,
    parse_ordinal,
    same_case,
    tokenize,
)
from frontwatch.pipeline.actors.readings import agent_reading, locative
from frontwatch.pipeline.actors.registry import ActorRegistry, Alias, Entry
from frontwatch.pipeline.actors.units import ADHOC_PREFIX, UnitPhrase, UnitResolver, parse_unit

__all__ = ["ActorMatch", "ActorMatcher"]

_PRIORITY_ALIAS = 3
_PRIORITY_UNIT = 2
_PRIORITY_DEMONYM = 1
_PRIORITY_REFERENCE = 0
_REFERENCE_POS = frozenset({"VERB", "AUX", "PUNCT", "ADP", "CCONJ", "SCONJ", "ADV", "PART"})


@dataclass(frozen=True)
class ActorMatch:
    """An actor named in a text."""

    start: int
    end: int
    text: str
    actor: Actor
    collective: bool = False
    """A country, capital or seat name standing for its government ("Moscow said")."""
    cue: str = "alias"
    """Why: ``alias``, ``unit``, ``adhoc``, ``demonym``, ``qualifier``, ``title``,
    ``context`` (a cue noun), ``discourse`` (an earlier mention) or ``reference``."""


@dataclass
class _Scan:
    text: str
    tokens: list[Token]
    doc: Any
    units: dict[int, UnitPhrase]
    persons: list[tuple[int, int]]
    matches: list[ActorMatch] = field(default_factory=list)
    numbered: dict[int, Actor] = field(default_factory=dict)
    year: int | None = None
    ordinals: dict[int, UnitPhrase] = field(default_factory=dict)
    """Unit phrases by their first ordinal, for one whose partitive was matched otherwise."""

    def match(
        self, start: int, end: int, actor: Actor, cue: str, *, collective: bool = False
    ) -> ActorMatch:
        first, last = self.tokens[start].start, self.tokens[end - 1].end
        return ActorMatch(first, last, self.text[first:last], actor, collective, cue)

    def mentioned(self, ids: set[str] | frozenset[str]) -> str | None:
        """The latest earlier mention among ``ids``."""
        for match in reversed(self.matches):
            if match.actor.id in ids:
                return match.actor.id
        return None


_Option = tuple[int, int, list[ActorMatch]]


class ActorMatcher:
    """Finds actor mentions in texts with one registry."""

    def __init__(self, registry: ActorRegistry) -> None:
        self.registry = registry
        self.lexicon: Lexicon = registry.lexicon
        self.units = UnitResolver(registry)

    @classmethod
    def load(cls) -> ActorMatcher:
        """A matcher over the packaged registry."""
        return cls(ActorRegistry.load())

    def match(
        self, text: str, doc: Any = None, *, published: dt.date | None = None
    ) -> list[ActorMatch]:
        """Every actor mention of ``text``, in order.

        ``doc`` is the text's spaCy Doc, if any; ``published`` the article date, which rules
        out units formed later when a number names several ("the 3rd Army Corps").
        """
        tokens = tokenize(text, self.lexicon.spelling)
        phrases = self._unit_phrases(tokens)
        scan = _Scan(text, tokens, doc, phrases, _persons(doc))
        scan.year = published.year if published else None
        scan.ordinals = {phrase.numbers[0][1]: phrase for phrase in phrases.values()}
        index = 0
        while index < len(tokens):
            options = list(self._options(scan, index))
            if not options:
                index += 1
                continue
            end, _, matches = max(options, key=lambda option: (option[0], option[1]))
            scan.matches.extend(matches)
            index = end
        return scan.matches

    def _unit_phrases(self, tokens: Sequence[Token]) -> dict[int, UnitPhrase]:
        phrases = {}
        index = 0
        while index < len(tokens):
            phrase = parse_unit(tokens, index, self.lexicon)
            if phrase is None:
                index += 1
                continue
            phrases[phrase.start] = phrase
            index = phrase.end
        return phrases

    def _options(self, scan: _Scan, index: int) -> Iterator[_Option]:
        phrase = scan.units.get(index)
        if phrase is None and index in scan.ordinals:
            # "Russian servicemen of the 138th ...": the partitive went to another match.
            phrase = replace(scan.ordinals[index], start=index)
        if phrase is not None:
            yield phrase.end, _PRIORITY_UNIT, self._unit(scan, phrase)
        yield from self._aliases(scan, index)
        demonym = self._demonym(scan, index)
        if demonym is not None:
            yield demonym
        reference = self._reference(scan, index)
        if reference is not None:
            yield reference

    # numbered units

    def _unit(self, scan: _Scan, phrase: UnitPhrase) -> list[ActorMatch]:
        parent = self._possessor(scan, phrase) or self._of_parent(scan, phrase)
        matches = []
        last = len(phrase.numbers) - 1
        for position, (number, token) in enumerate(phrase.numbers):
            recent = [match.actor.id for match in scan.matches]
            actor = self.units.resolve(
                number,
                phrase.unit_type,
                phrase.qualifier,
                parent,
                recent,
                phrase.names,
                scan.year,
            )
            start = phrase.start if position == 0 else token
            end = phrase.end if position == last else token + 1
            cue = "adhoc" if actor.id.startswith(ADHOC_PREFIX) else "unit"
            matches.append(scan.match(start, end, actor, cue))
            scan.numbered[number] = actor
        return matches

    def _possessor(self, scan: _Scan, phrase: UnitPhrase) -> str | None:
        first = phrase.numbers[0][1]
        tokens = scan.tokens
        if first < 3 or not scan.matches:
            return None
        if tokens[first - 2].key != "'" or tokens[first - 1].key != "s":
            return None
        previous = scan.matches[-1]
        return previous.actor.id if previous.end == tokens[first - 2].start else None

    def _of_parent(self, scan: _Scan, phrase: UnitPhrase) -> str | None:
        tokens = scan.tokens
        position = phrase.end
        if position >= len(tokens) or tokens[position].key != "of":
            return None
        position += 1
        if position < len(tokens) and tokens[position].key == "the":
            position += 1
        owner = scan.units.get(position)
        if owner is None or len(owner.numbers) != 1:
            return None
        actor = self.units.resolve(
            owner.numbers[0][0], owner.unit_type, owner.qualifier, year=scan.year
        )
        return None if actor.id.startswith(ADHOC_PREFIX) else actor.id

    def _reference(self, scan: _Scan, index: int) -> _Option | None:
        tokens = scan.tokens
        token = tokens[index]
        if index == 0 or tokens[index - 1].key != "the" or not token.text[0].isdigit():
            return None
        number = parse_ordinal(token, {})
        if number is None or number not in scan.numbered:
            return None
        if not self._reference_ends(scan, index + 1):
            return None
        return (
            index + 1,
            _PRIORITY_REFERENCE,
            [scan.match(index, index + 1, scan.numbered[number], "reference")],
        )

    def _reference_ends(self, scan: _Scan, position: int) -> bool:
        tokens = scan.tokens
        if position >= len(tokens):
            return True
        following = tokens[position]
        if scan.doc is not None:
            span = scan.doc.char_span(following.start, following.end, alignment_mode="expand")
            if span is not None and len(span):
                return bool(span[0].pos_ in _REFERENCE_POS)
        return not following.text[0].isalnum() or following.key in self.lexicon.reference_followers

    # aliases

    def _aliases(self, scan: _Scan, index: int) -> Iterator[_Option]:
        tokens = scan.tokens
        registry = self.registry
        if tokens[index].key in registry.first_keys:
            for end in range(min(len(tokens), index + registry.max_alias_tokens), index, -1):
                claims = self._claims(tokens, index, end)
                if claims:
                    found = self._resolve(scan, index, end, claims)
                    if found is not None:
                        yield found[0], _PRIORITY_ALIAS, [found[1]]
        qualified = self.lexicon.qualifier_at(tokens, index)
        if qualified is None:
            return
        after, qualifier = qualified
        if after >= len(tokens) or tokens[after].key not in registry.first_keys:
            return
        for end in range(min(len(tokens), after + registry.max_alias_tokens), after, -1):
            claims = [
                (alias, entry)
                for alias, entry in self._claims(tokens, after, end)
                if not (alias.place or alias.weak) and entry.actor.kind != "person"
            ]
            chosen = [entry for _, entry in claims if entry.polity == qualifier.polity]
            if len(chosen) == 1:
                yield end, _PRIORITY_ALIAS, [scan.match(index, end, chosen[0].actor, "qualifier")]
                return

    def _claims(self, tokens: Sequence[Token], start: int, end: int) -> list[tuple[Alias, Entry]]:
        span = tokens[start:end]
        return [
            (alias, entry)
            for alias, entry in self.registry.aliases([t.key for t in span])
            if same_case(alias.words, span, exact=alias.exact)
        ]

    def _resolve(
        self, scan: _Scan, start: int, end: int, claims: list[tuple[Alias, Entry]]
    ) -> tuple[int, ActorMatch] | None:
        if len(claims) > 1 or claims[0][0].shared:
            return self._shared(scan, start, end, claims)
        alias, entry = claims[0]
        actor = entry.actor
        if actor.kind != "person" and _inside(scan.persons, scan.tokens, start, end):
            return None
        if alias.place:
            if not agent_reading(scan.tokens, start, end, self.lexicon, scan.doc):
                return None
            return end, scan.match(start, end, actor, "alias", collective=True)
        if alias.seat:
            if locative(scan.tokens, start, self.lexicon):
                return None
            return end, scan.match(start, end, actor, "alias", collective=True)
        if alias.weak:
            return self._weak(scan, start, end, entry)
        return end, scan.match(start, end, actor, "alias")

    def _weak(
        self, scan: _Scan, start: int, end: int, entry: Entry
    ) -> tuple[int, ActorMatch] | None:
        tokens = scan.tokens
        if self._place_context(tokens, start, end):
            return None
        if end < len(tokens) and tokens[end].key in self.lexicon.cue_nouns:
            return end + 1, scan.match(start, end + 1, entry.actor, "context")
        if entry.actor.kind == "person" and self._title(tokens, start) is not None:
            return end, scan.match(start, end, entry.actor, "title")
        if scan.mentioned({entry.actor.id}):
            return end, scan.match(start, end, entry.actor, "discourse")
        return None

    def _shared(
        self, scan: _Scan, start: int, end: int, claims: list[tuple[Alias, Entry]]
    ) -> tuple[int, ActorMatch] | None:
        tokens = scan.tokens
        entries = [entry for _, entry in claims]
        owned = self._polity_after(tokens, end)
        if owned is not None:
            stop, polity = owned
            chosen = [entry for entry in entries if entry.polity == polity]
            if len(chosen) == 1:
                return stop, scan.match(start, stop, chosen[0].actor, "qualifier")
            return None  # "the armed forces of the DNR": a polity none of them belongs to
        if self.lexicon.qualifier_before(tokens, start) is not None:
            return None  # "the Belarusian MoD": the qualifier path found no such actor
        if self._place_context(tokens, start, end):
            return None
        title = self._title(tokens, start)
        if title is not None:
            titled = [e for e in entries if e.role and title in e.role.casefold()]
            if len(titled) == 1:
                return end, scan.match(start, end, titled[0].actor, "title")
        earlier = scan.mentioned({entry.actor.id for entry in entries})
        if earlier is not None:
            return end, scan.match(start, end, self.registry.get(earlier), "discourse")
        return None

    def _polity_after(self, tokens: Sequence[Token], end: int) -> tuple[int, str] | None:
        """The polity of "... of Russia", "... of the Russian Federation" after a name."""
        if end >= len(tokens) or tokens[end].key != "of":
            return None
        position = end + 1
        if position < len(tokens) and tokens[position].key == "the":
            position += 1
        limit = min(len(tokens), position + self.registry.max_alias_tokens)
        for stop in range(limit, position, -1):
            for _, entry in self._claims(tokens, position, stop):
                if entry.actor.kind == "side" or entry.actor.id == entry.polity:
                    return stop, entry.polity
        qualified = self.lexicon.qualifier_at(tokens, position)
        if qualified is not None:
            return qualified[0], qualified[1].polity
        return None

    def _place_context(self, tokens: Sequence[Token], start: int, end: int) -> bool:
        if end < len(tokens) and tokens[end].key in self.lexicon.place_after:
            return True
        before = tuple(token.key for token in tokens[max(0, start - 3) : start])
        return any(before[len(before) - len(p) :] == p for p in self.lexicon.place_before if p)

    def _title(self, tokens: Sequence[Token], start: int) -> str | None:
        position = start - 1
        if position >= 0 and tokens[position].key == ".":
            position -= 1
        if position >= 0 and tokens[position].key in self.lexicon.titles:
            return tokens[position].key
        return None

    # qualifiers with force nouns

    def _demonym(self, scan: _Scan, index: int) -> _Option | None:
        tokens = scan.tokens
        lexicon = self.lexicon
        first = lexicon.qualifier_at(tokens, index)
        if first is None:
            return None
        qualifiers = [(index, first[0], first[1])]
        position = first[0]
        while position < len(tokens):
            following = after_list_joiner(tokens, position)
            other = lexicon.qualifier_at(tokens, following) if following > position else None
            if other is None:
                break
            qualifiers.append((following, other[0], other[1]))
            position = other[0]
        while (
            position < len(tokens)
            and lexicon.noun_at(tokens, position) is None
            and tokens[position].key in lexicon.noun_adjectives
        ):
            position += 1
        noun = lexicon.noun_at(tokens, position) if position < len(tokens) else None
        if noun is None:
            return None
        end, role = noun
        matches = []
        for number, (start, stop, qualifier) in enumerate(qualifiers):
            actor_id = qualifier.roles.get(role)
            if actor_id is None or actor_id not in self.registry:
                continue
            last = number == len(qualifiers) - 1
            matches.append(
                scan.match(start, end if last else stop, self.registry.get(actor_id), "demonym")
            )
        if not matches:
            return None
        return end, _PRIORITY_DEMONYM, matches


def _persons(doc: Any) -> list[tuple[int, int]]:
    if doc is None:
        return []
    return [(ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ == "PERSON"]


def _inside(
    persons: Sequence[tuple[int, int]], tokens: Sequence[Token], start: int, end: int
) -> bool:
    """Whether a span lies inside a longer person name ("Wagner" in "Richard Wagner")."""
    first, last = tokens[start].start, tokens[end - 1].end
    return any(s <= first and last <= e and (e - s) > (last - first) for s, e in persons)
