"""Numbered military units: the phrase grammar and its resolution against the registry.

Takes tokens (:func:`~frontwatch.pipeline.actors.lexicon.tokenize`) and returns
:class:`UnitPhrase` for phrases such as "the 144th Motor Rifle Division", "144th MRD", "the
76th Guards Air Assault Division", "the DNR's 1st Army Corps", "the 5th and 6th Tank
Regiments" or "elements of the 76th VDV Division":

    [partitive] [the] [qualifier ['s]] ORDINAL ((,|and|or) ORDINAL)*
        (modifier | honorific | qualifier)* [Name] TYPE

where modifiers are words like "Guards" or "Separate", honorifics are Russian adjectival
titles ("Tamanskaya", "Kantemirovskaya"), and TYPE is a written form from
``unit_types.json`` (singular or plural). A quoted or single capitalized name may stand
before the type ("the 12th Azov Brigade").

:class:`UnitResolver` maps a number and a type to a registry unit: exact type first, then
the types the written form may also denote, then (for a bare "Brigade") any unit of the
echelon; within each tier a qualifier ("Ukrainian", "DNR") picks the polity or side, a
parent named next to it ("the 1st Guards Tank Army's 4th Tank Division") picks among
namesakes, and so does the latest earlier mention. A number the registry does not know
becomes an ad hoc unit, ``unit:999-motor-rifle-regiment``, with the side its qualifier
states (or the one side all namesakes share, or that of the registry parent it is named
with), else none.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from frontwatch.model import Actor, Side
from frontwatch.pipeline.actors.lexicon import (
    Lexicon,
    Qualifier,
    Token,
    UnitType,
    after_list_joiner,
    ordinal,
    parse_ordinal,
)
from frontwatch.pipeline.actors.registry import ActorRegistry, Entry

__all__ = ["ADHOC_PREFIX", "UnitPhrase", "UnitResolver", "parse_unit"]

ADHOC_PREFIX = "unit:"
"""Id prefix of units that are not in the registry."""

_QUOTES = frozenset({'"', "'", "«", "»", "“", "”"})


@dataclass(frozen=True)
class UnitPhrase:
    """A numbered-unit phrase of a text (one or more numbers sharing a type)."""

    start: int
    """First token of the span: the partitive ("elements of") or the first ordinal."""
    end: int
    """Token after the type words."""
    numbers: tuple[tuple[int, int], ...]
    """Each number and the index of its ordinal token."""
    unit_type: UnitType
    qualifier: Qualifier | None
    names: tuple[str, ...] = ()
    """Honorifics and names written with the number ("Kantemirovskaya", "Azov"), as keys."""


def parse_unit(tokens: Sequence[Token], index: int, lexicon: Lexicon) -> UnitPhrase | None:
    """The unit phrase whose first ordinal is token ``index``, or None."""
    first = tokens[index]
    number = parse_ordinal(first, lexicon.ordinal_words)
    if number is None or (not first.text[0].isdigit() and not first.capitalized):
        return None
    numbers = [(number, index)]
    position = index + 1
    while position < len(tokens):
        following = after_list_joiner(tokens, position)
        if following == position or following >= len(tokens):
            break
        other = parse_ordinal(tokens[following], lexicon.ordinal_words)
        if other is None or not tokens[following].text[0].isdigit():
            break
        numbers.append((other, following))
        position = following + 1
    qualifier = _qualifier_before(tokens, index, lexicon)
    modifiers_start = position
    position, inner = _modifiers(tokens, position, lexicon)
    qualifier = qualifier or inner
    typed = _unit_type(tokens, position, lexicon)
    names_end = position
    if typed is None:
        named = _name_end(tokens, position)
        if named is not None and named < len(tokens):
            typed = _unit_type(tokens, named, lexicon)
            names_end = named
    if typed is None:
        return None
    names = tuple(
        token.key
        for token in tokens[modifiers_start:names_end]
        if token.text[:1].isupper() and token.key not in lexicon.unit_modifiers
    )
    end, unit_type = typed
    if qualifier is None:
        qualifier = _qualifier_after(tokens, end, lexicon)
    return UnitPhrase(
        start=_partitive_start(tokens, index, lexicon),
        end=end,
        numbers=tuple(numbers),
        unit_type=unit_type,
        qualifier=qualifier,
        names=names,
    )


def _unit_type(
    tokens: Sequence[Token], position: int, lexicon: Lexicon
) -> tuple[int, UnitType] | None:
    """The type at ``position``, also across a parenthesis ("VDV (Airborne) Division")."""
    if position >= len(tokens):
        return None
    found = lexicon.unit_type_at(tokens, position)
    if found is not None:
        return found
    for open_at in range(position, min(position + 4, len(tokens))):
        if tokens[open_at].text == "(":
            break
    else:
        return None
    close = next(
        (i for i in range(open_at + 1, min(open_at + 5, len(tokens))) if tokens[i].text == ")"),
        None,
    )
    if close is None:
        return None
    kept = [*tokens[position:open_at], *tokens[close + 1 : close + 5]]
    found = lexicon.unit_type_at(kept, 0)
    if found is None or found[0] <= open_at - position:
        return None
    return close + 1 + found[0] - (open_at - position), found[1]


def _modifiers(
    tokens: Sequence[Token], position: int, lexicon: Lexicon
) -> tuple[int, Qualifier | None]:
    qualifier = None
    while position < len(tokens) and lexicon.unit_type_at(tokens, position) is None:
        token = tokens[position]
        found = lexicon.qualifier_at(tokens, position)
        if found is not None:
            position, qualifier = found
        elif token.key in lexicon.unit_modifiers or _honorific(token, lexicon):
            position += 1
        else:
            break
    return position, qualifier


def _honorific(token: Token, lexicon: Lexicon) -> bool:
    return token.capitalized and token.key.endswith(lexicon.honorific_suffixes)


def _name_end(tokens: Sequence[Token], position: int) -> int | None:
    """Where a unit's name ends when one stands before its type ("Azov", "Berkut")."""
    if position >= len(tokens):
        return None
    token = tokens[position]
    if token.text in _QUOTES:
        for close in range(position + 1, min(position + 5, len(tokens))):
            if tokens[close].text in _QUOTES:
                return close + 1
        return None
    if token.capitalized and token.text.isalpha():
        return position + 1
    return None


def _qualifier_before(tokens: Sequence[Token], index: int, lexicon: Lexicon) -> Qualifier | None:
    found = lexicon.qualifier_before(tokens, index)
    if found is None and index > 2 and tokens[index - 1].text == ")":
        # "the Donetsk People's Republic (DNR) 100th Brigade"
        found = lexicon.qualifier_before(tokens, index - 1)
        if found is not None and (found[0] == 0 or tokens[found[0] - 1].text != "("):
            found = None
    return found[1] if found else None


def _qualifier_after(tokens: Sequence[Token], end: int, lexicon: Lexicon) -> Qualifier | None:
    """A qualifier in "... of the DNR" right after the type."""
    if end >= len(tokens) or tokens[end].key != "of":
        return None
    position = end + 1
    if position < len(tokens) and tokens[position].key == "the":
        position += 1
    found = lexicon.qualifier_at(tokens, position)
    if found is None:
        return None
    after = found[0]
    if after < len(tokens) and tokens[after].capitalized:
        return None  # "of the Russian Armed Forces" names more than a polity
    return found[1]


def _partitive_start(tokens: Sequence[Token], index: int, lexicon: Lexicon) -> int:
    position = index
    qualifier = lexicon.qualifier_before(tokens, position)
    if qualifier is not None:
        position = qualifier[0]
    if position > 0 and tokens[position - 1].key == "the":
        position -= 1
    for phrase in lexicon.partitives:
        begin = position - len(phrase)
        if begin >= 0 and tuple(t.key for t in tokens[begin:position]) == phrase:
            return begin
    return index


class UnitResolver:
    """Maps numbered units of a text to registry units, or to ad hoc ones."""

    def __init__(self, registry: ActorRegistry) -> None:
        self.registry = registry

    def resolve(
        self,
        number: int,
        unit_type: UnitType,
        qualifier: Qualifier | None = None,
        parent: str | None = None,
        recent: Sequence[str] = (),
        names: Sequence[str] = (),
        year: int | None = None,
    ) -> Actor:
        """The unit a number and type denote.

        ``recent`` are the ids of earlier mentions, latest last; ``names`` the honorifics or
        names written with the number, which pick among namesakes whose name has them;
        ``year`` the article's year: units formed later are not candidates.
        """
        for tier in self._tiers(number, unit_type):
            if year is not None:
                tier = [e for e in tier if e.formed is None or e.formed <= year]
            candidates = _qualified(tier, qualifier)
            if not candidates:
                continue
            if parent is not None:
                below = [e for e in candidates if self.registry.descends_from(e.actor.id, parent)]
                candidates = below or candidates
            if names and len(candidates) > 1:
                named = [e for e in candidates if _named(e, names)]
                candidates = named or candidates
            if len(candidates) == 1:
                return candidates[0].actor
            ids = {entry.actor.id for entry in candidates}
            for actor_id in reversed(recent):
                if actor_id in ids:
                    return self.registry.get(actor_id)
            sides = {entry.actor.side for entry in candidates}
            side = qualifier.side if qualifier else (sides.pop() if len(sides) == 1 else None)
            return self.adhoc(number, unit_type, side, parent)
        return self.adhoc(number, unit_type, qualifier.side if qualifier else None, parent)

    def adhoc(
        self, number: int, unit_type: UnitType, side: str | None, parent: str | None
    ) -> Actor:
        """A unit the registry does not know, named by its number and type.

        Without a side of its own it takes the side of a registry parent named with it ("the
        58th CAA's 999th Regiment").
        """
        known = parent if parent is not None and parent in self.registry else None
        if side is None and known is not None:
            side = self.registry.get(known).side
        return Actor(
            id=f"{ADHOC_PREFIX}{number}-{unit_type.key}",
            name=f"{ordinal(number)} {unit_type.name}",
            kind="unit",
            side=_side(side),
            parent=known,
        )

    def _tiers(self, number: int, unit_type: UnitType) -> list[list[Entry]]:
        if unit_type.generic:
            return [self.registry.numbered_at(number, unit_type.echelon)]
        return [
            self.registry.numbered(number, unit_type.key),
            [entry for key in unit_type.also for entry in self.registry.numbered(number, key)],
        ]


def _named(entry: Entry, names: Sequence[str]) -> bool:
    words = entry.actor.name.casefold()
    return all(name in words for name in names)


def _qualified(candidates: list[Entry], qualifier: Qualifier | None) -> list[Entry]:
    if qualifier is None:
        return candidates
    same_polity = [entry for entry in candidates if entry.polity == qualifier.polity]
    if same_polity:
        return same_polity
    return [entry for entry in candidates if entry.actor.side == qualifier.side]


def _side(side: str | None) -> Side | None:
    if side == "RU":
        return "RU"
    if side == "UA":
        return "UA"
    if side == "other":
        return "other"
    return None
