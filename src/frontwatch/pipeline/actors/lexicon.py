"""Word lists and the tokenizer of the actors stage.

Takes the package data files ``frontwatch/data/actors/lexicon.json`` (qualifiers such as
"Russian" or "DNR", force nouns, cue words, the words that decide a place reading) and
``unit_types.json`` (unit types such as "Motor Rifle Division" with their written forms and
echelons); :meth:`Lexicon.load` returns them as one immutable :class:`Lexicon`. Nothing is read
at import time. A missing file or key raises :class:`LexiconError` naming the file.

:func:`tokenize` splits text into word and punctuation tokens with character offsets into the
text it was given. Apostrophes and dashes are unified one character for one character, so the
offsets stay those of the original text; each token also has a *key*: case-folded, with
British and abbreviated spellings mapped to one form ("Defence" → ``defense``, "Bde" →
``brigade``). Aliases and text are tokenized the same way, so they match token for token.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from frontwatch.errors import FrontwatchError

__all__ = [
    "Lexicon",
    "LexiconError",
    "Qualifier",
    "Token",
    "UnitType",
    "after_list_joiner",
    "ordinal",
    "parse_ordinal",
    "same_case",
    "tokenize",
]

_MAX_PHRASE = 6
_TOKEN = re.compile(r"[^\W_]+|[^\w\s]")
_ORDINAL = re.compile(r"^([0-9]{1,4})(?:st|nd|rd|th)$")
# One character for one character, so that offsets into the unified text are offsets into
# the original.
_UNIFY = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "–": "-", "—": "-", "‑": "-"})


class LexiconError(FrontwatchError):
    """A data file of the actors stage is missing or malformed (a packaging bug)."""


@dataclass(frozen=True, slots=True)
class Token:
    """A word or punctuation mark and where it is."""

    start: int
    end: int
    text: str
    """As written (apostrophes and dashes unified)."""
    key: str
    """Case-folded, spelling variants mapped to one form."""

    @property
    def capitalized(self) -> bool:
        return self.text[:1].isupper()


def tokenize(text: str, spelling: Mapping[str, str] | None = None) -> list[Token]:
    """Word and punctuation tokens of ``text`` with their character offsets."""
    spelling = spelling or {}
    unified = text.translate(_UNIFY)
    tokens = []
    for match in _TOKEN.finditer(unified):
        word = match.group()
        key = word.casefold()
        tokens.append(Token(match.start(), match.end(), word, spelling.get(key, key)))
    return tokens


def same_case(words: Sequence[str], tokens: Sequence[Token], *, exact: bool = False) -> bool:
    """Whether text tokens are written as a pattern's words require.

    A word with a capital after its first letter ("VDV", "MoD") must match exactly, a
    capitalized word needs capitalized text, a lowercase word matches any case; ``exact``
    compares every word exactly.
    """
    for word, token in zip(words, tokens, strict=True):
        if exact or any(ch.isupper() for ch in word[1:]):
            if word != token.text:
                return False
        elif word[:1].isupper() and not token.text[:1].isupper():
            return False
    return True


_LIST_WORDS = frozenset({"and", "or", "&"})


def after_list_joiner(tokens: Sequence[Token], position: int) -> int:
    """Where the next member of a list starts when the current one ends at ``position``:
    past a comma and "and"/"or"/"&" ("1st, 2nd and 3rd"); ``position`` when there is none."""
    following = position
    if following < len(tokens) and tokens[following].key == ",":
        following += 1
    if following < len(tokens) and tokens[following].key in _LIST_WORDS:
        following += 1
    return following


def parse_ordinal(token: Token, words: Mapping[str, int]) -> int | None:
    """The number an ordinal token denotes ("144th" → 144, "First" → 1), or None."""
    found = _ORDINAL.match(token.key)
    if found:
        number = int(found.group(1))
        return number if number > 0 else None
    return words.get(token.key)


def ordinal(number: int) -> str:
    """144 → "144th", 1 → "1st", 12 → "12th"."""
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


@dataclass(frozen=True)
class UnitType:
    """A kind of military unit and the ways it is written ("MRD", "Motor Rifle Division")."""

    key: str
    """Identifier used by the registry's ``type`` column, e.g. ``motor-rifle-division``."""
    name: str
    """Canonical English name, used for ad hoc units ("999th Motor Rifle Regiment")."""
    echelon: str
    forms: tuple[str, ...]
    also: tuple[str, ...] = ()
    """Registry types these forms may also denote (a "Mechanized Brigade" of a text may be a
    registry motor rifle brigade); tried after an exact type match."""
    generic: bool = False
    """A bare echelon word ("Brigade", "Army"): it denotes any unit of its echelon."""


@dataclass(frozen=True)
class Qualifier:
    """A word that names a polity before a noun ("Russian", "Ukraine's", "DNR", "pro-Russian")."""

    words: tuple[str, ...]
    polity: str
    """The id prefix of the actors it selects: ``ru``, ``ua``, ``dnr``, ``by`` ..."""
    side: str | None
    roles: Mapping[str, str]
    """Force noun role → actor id ("forces" → ``ru.forces``)."""


@dataclass(frozen=True)
class Lexicon:
    """Everything the matcher knows besides the registry."""

    spelling: Mapping[str, str]
    qualifiers: tuple[Qualifier, ...]
    nouns: Mapping[tuple[str, ...], str]
    """Force and government nouns (token keys) → role ("troops" → ``forces``)."""
    noun_adjectives: frozenset[str]
    partitives: tuple[tuple[str, ...], ...]
    cue_nouns: frozenset[str]
    titles: frozenset[str]
    place_before: tuple[tuple[str, ...], ...]
    place_after: frozenset[str]
    place_modifiers: frozenset[str]
    """Adjectives that make a country name a region ("northeastern Ukraine")."""
    locative_prepositions: frozenset[str]
    stative_verbs: frozenset[str]
    place_verbs: frozenset[str]
    """Passive verbs whose subject is a place ("Kyiv was shelled")."""
    object_verbs: frozenset[str]
    counterpart_nouns: frozenset[str]
    government_nouns: frozenset[str]
    place_nouns: frozenset[str]
    agent_followers: frozenset[str]
    reference_followers: frozenset[str]
    ordinal_words: Mapping[str, int]
    unit_modifiers: frozenset[str]
    honorific_suffixes: tuple[str, ...]
    echelons: tuple[str, ...]
    unit_types: Mapping[str, UnitType]
    unit_forms: Mapping[tuple[str, ...], tuple[tuple[str, ...], UnitType]] = field(
        default_factory=dict
    )
    """Token keys of every written form → the form's words and its type."""
    qualifier_forms: Mapping[tuple[str, ...], tuple[tuple[tuple[str, ...], Qualifier], ...]] = (
        field(default_factory=dict)
    )
    """Token keys of every written qualifier → its words and the qualifier(s)."""

    @classmethod
    def load(cls) -> Lexicon:
        """The packaged word lists and unit types."""
        words = _read_json("lexicon.json")
        types_data = _read_json("unit_types.json")
        try:
            return cls.build(words, types_data)
        except (KeyError, TypeError, ValueError) as error:
            raise LexiconError(
                f"frontwatch/data/actors/lexicon.json or unit_types.json is malformed: {error}"
            ) from None

    @classmethod
    def build(cls, words: Mapping[str, Any], types_data: Mapping[str, Any]) -> Lexicon:
        """A lexicon from the parsed JSON of the two data files."""
        spelling = {str(k).casefold(): str(v) for k, v in words["spelling"].items()}

        def keys(phrase: str) -> tuple[str, ...]:
            return tuple(token.key for token in tokenize(phrase, spelling))

        def word_set(name: str) -> frozenset[str]:
            return frozenset(k for phrase in words[name] for k in keys(phrase))

        qualifiers = tuple(
            Qualifier(
                words=tuple(entry["words"]),
                polity=entry["polity"],
                side=entry.get("side"),
                roles=dict(entry.get("roles", {})),
            )
            for entry in words["qualifiers"]
        )
        nouns = {keys(noun): role for role, phrases in words["nouns"].items() for noun in phrases}
        unit_types = {
            entry["key"]: UnitType(
                key=entry["key"],
                name=entry["name"],
                echelon=entry["echelon"],
                forms=tuple(entry["forms"]),
                also=tuple(entry.get("also", ())),
                generic=bool(entry.get("generic", False)),
            )
            for entry in types_data["types"]
        }
        forms: dict[tuple[str, ...], tuple[tuple[str, ...], UnitType]] = {}
        for unit_type in unit_types.values():
            for form in unit_type.forms:
                key = keys(form)
                if key in forms and forms[key][1] is not unit_type:
                    raise ValueError(
                        f"unit type form {form!r} belongs to {forms[key][1].key} "
                        f"and {unit_type.key}"
                    )
                forms[key] = (_words(form), unit_type)
        qualifier_forms: dict[tuple[str, ...], list[tuple[tuple[str, ...], Qualifier]]] = {}
        for qualifier in qualifiers:
            for word in qualifier.words:
                qualifier_forms.setdefault(keys(word), []).append((_words(word), qualifier))
        for unit_type in unit_types.values():
            unknown = [key for key in unit_type.also if key not in unit_types]
            if unknown:
                raise ValueError(f"unit type {unit_type.key} refers to unknown types {unknown}")
            if unit_type.echelon not in types_data["echelons"]:
                raise ValueError(f"unit type {unit_type.key} has unknown echelon")
        return cls(
            spelling=spelling,
            qualifiers=qualifiers,
            nouns=nouns,
            noun_adjectives=word_set("noun_adjectives"),
            partitives=tuple(keys(phrase) for phrase in words["partitives"]),
            cue_nouns=word_set("cue_nouns"),
            titles=word_set("titles"),
            place_before=tuple(keys(phrase) for phrase in words["place_guards"]["before"]),
            place_after=frozenset(
                k for phrase in words["place_guards"]["after"] for k in keys(phrase)
            ),
            place_modifiers=word_set("place_modifiers"),
            locative_prepositions=word_set("locative_prepositions"),
            stative_verbs=frozenset(words["stative_verbs"]),
            place_verbs=frozenset(words["place_verbs"]),
            object_verbs=frozenset(words["object_verbs"]),
            counterpart_nouns=frozenset(words["counterpart_nouns"]),
            government_nouns=frozenset(words["government_nouns"]),
            place_nouns=frozenset(words["place_nouns"]),
            agent_followers=word_set("agent_followers"),
            reference_followers=word_set("reference_followers"),
            ordinal_words={str(k).casefold(): int(v) for k, v in words["ordinal_words"].items()},
            unit_modifiers=word_set("unit_modifiers"),
            honorific_suffixes=tuple(words["honorific_suffixes"]),
            echelons=tuple(types_data["echelons"]),
            unit_types=unit_types,
            unit_forms=forms,
            qualifier_forms={key: tuple(value) for key, value in qualifier_forms.items()},
        )

    def keys(self, phrase: str) -> tuple[str, ...]:
        """Token keys of a phrase, as the matcher compares them."""
        return tuple(token.key for token in tokenize(phrase, self.spelling))

    def qualifier_at(self, tokens: Sequence[Token], start: int) -> tuple[int, Qualifier] | None:
        """The longest qualifier written from token ``start`` on: (end token, qualifier)."""
        for end in range(min(len(tokens), start + _MAX_PHRASE), start, -1):
            found = self._qualifier(tokens[start:end])
            if found is not None:
                return end, found
        return None

    def qualifier_before(self, tokens: Sequence[Token], end: int) -> tuple[int, Qualifier] | None:
        """The longest qualifier ending just before token ``end``: (start token, qualifier)."""
        for start in range(max(0, end - _MAX_PHRASE), end):
            found = self._qualifier(tokens[start:end])
            if found is not None:
                return start, found
        return None

    def _qualifier(self, tokens: Sequence[Token]) -> Qualifier | None:
        for words, qualifier in self.qualifier_forms.get(tuple(t.key for t in tokens), ()):
            if same_case(words, tokens):
                return qualifier
        return None

    def noun_at(self, tokens: Sequence[Token], start: int) -> tuple[int, str] | None:
        """The longest force or government noun from token ``start`` on: (end token, role)."""
        for end in range(min(len(tokens), start + _MAX_PHRASE), start, -1):
            role = self.nouns.get(tuple(t.key for t in tokens[start:end]))
            if role is not None:
                return end, role
        return None

    def unit_type_at(self, tokens: Sequence[Token], start: int) -> tuple[int, UnitType] | None:
        """The longest unit type written from token ``start`` on, plural or not."""
        for end in range(min(len(tokens), start + _MAX_PHRASE), start, -1):
            span = tokens[start:end]
            keys = [t.key for t in span]
            found = self.unit_forms.get(tuple(keys))
            if found is not None and same_case(found[0], span):
                return end, found[1]
            last = span[-1]
            singular = _singular(last.key)
            found = self.unit_forms.get((*keys[:-1], singular))
            if found is not None and singular != last.key:
                # Compare the case of a plural acronym ("CAAs") without its "s".
                bare = Token(last.start, last.end - 1, last.text[: len(singular)], singular)
                if same_case(found[0], [*span[:-1], bare]):
                    return end, found[1]
        return None


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(token.text for token in tokenize(phrase))


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 2:
        return word[:-1]
    return word


def _read_json(name: str) -> dict[str, Any]:
    path = resources.files("frontwatch.data").joinpath("actors", name)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise LexiconError(f"frontwatch/data/actors/{name} is missing from the package") from None
    except json.JSONDecodeError as error:
        raise LexiconError(f"frontwatch/data/actors/{name} is not valid JSON: {error}") from None
    if not isinstance(data, dict):
        raise LexiconError(f"frontwatch/data/actors/{name} must hold a JSON object")
    return data
