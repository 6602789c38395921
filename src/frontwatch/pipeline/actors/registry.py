"""The actor registry: sides, forces, the order of battle, officials and institutions.

Takes the tab-separated files in ``frontwatch/data/actors/`` (``sides.tsv``, ``units.tsv``,
``officials.tsv``, ``institutions.tsv``; columns in ``docs/actors.md``) and returns an
:class:`ActorRegistry`: every actor by id, its aliases as token keys, and unit lookups by
number and type for the matcher. Lines starting with ``#`` are comments.

An alias may carry flags before its text (``docs/actors.md``):

- ``~`` weak: matched only next to a cue ("Azov fighters", "Governor Kim") or after a
  strong mention of the same actor earlier in the article;
- ``?`` shared: more than one actor may claim it ("General Staff", "Kim"); it is resolved by
  a qualifier ("Ukrainian General Staff") or by the latest earlier mention of a claimant;
- ``@`` place: a country or capital name, an actor only when the parse reads it as one
  ("Moscow said", "Russia's annexation", not "in Moscow");
- ``^`` seat: a building or seat of government, an actor unless read as a place ("the
  Kremlin said", not "at the Kremlin");
- ``=`` exact: compared case-sensitively. A word with a capital after its first letter
  ("VDV", "MoD") is always compared exactly; a capitalized word matches only capitalized
  text; a lowercase word matches any case.

Loading validates the whole registry and raises :class:`RegistryError` listing every
problem with its file and line: duplicate ids, unknown parents or cycles, invalid kinds,
sides, echelons or unit types, units sharing number and type within one polity, and an alias
claimed by two actors that is not marked shared.
"""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Final, cast

from frontwatch.errors import FrontwatchError
from frontwatch.model import Actor, ActorKind, Side
from frontwatch.pipeline.actors.lexicon import Lexicon, tokenize

__all__ = ["FILES", "ActorRegistry", "Alias", "Entry", "RegistryError", "read_table"]

FILES: Final = ("sides.tsv", "units.tsv", "officials.tsv", "institutions.tsv")
"""The registry's data files, in load order."""

_KINDS: Final = frozenset({"side", "force", "unit", "person", "organization"})
_SIDES: Final = frozenset({"RU", "UA", "other"})
_ID = re.compile(r"^[a-z]{2,5}(\.[a-z0-9]+(-[a-z0-9]+)*)?$")
_FLAGS: Final = "~?@^="
_FORCE_ECHELONS: Final = frozenset({"service"})
_REQUIRED: Final[Mapping[str, tuple[str, ...]]] = {
    "sides.tsv": ("id", "name", "kind", "side", "parent", "aliases"),
    "units.tsv": (
        "id",
        "name",
        "side",
        "echelon",
        "type",
        "number",
        "parent",
        "formed",
        "aliases",
    ),
    "officials.tsv": ("id", "name", "role", "side", "affiliation", "aliases"),
    "institutions.tsv": ("id", "name", "kind", "side", "parent", "role", "aliases"),
}
_DEFAULT_KIND: Final[Mapping[str, str]] = {"officials.tsv": "person", "units.tsv": "unit"}


class RegistryError(FrontwatchError):
    """The actor registry's data is invalid; the message lists every problem with its line."""


@dataclass(frozen=True)
class Alias:
    """A way an actor is written, with the conditions under which it counts."""

    text: str
    keys: tuple[str, ...]
    words: tuple[str, ...] = ()
    """The tokens as written, for the case rules."""
    weak: bool = False
    shared: bool = False
    place: bool = False
    seat: bool = False
    exact: bool = False

    @classmethod
    def parse(cls, raw: str, lexicon: Lexicon) -> Alias:
        """An alias from its registry form, flags first (``~Azov``, ``?General Staff``)."""
        flags = ""
        text = raw.strip()
        while text and text[0] in _FLAGS:
            flags += text[0]
            text = text[1:]
        text = text.strip()
        return cls(
            text=text,
            keys=lexicon.keys(text),
            words=tuple(token.text for token in tokenize(text)),
            weak="~" in flags,
            shared="?" in flags,
            place="@" in flags,
            seat="^" in flags,
            exact="=" in flags,
        )


@dataclass(frozen=True)
class Entry:
    """One registry row: the actor and what the matcher needs to find it."""

    actor: Actor
    aliases: tuple[Alias, ...] = ()
    echelon: str | None = None
    unit_type: str | None = None
    number: int | None = None
    role: str | None = None
    formed: int | None = None
    """Year the unit was formed (or re-formed), when it matters for telling namesakes apart."""
    source: str = ""
    """``file:line`` of the row, for error messages."""

    @property
    def polity(self) -> str:
        """The id prefix (``ru``, ``ua``, ``dnr`` ...) that qualifiers select."""
        return self.actor.id.split(".", 1)[0]


def read_table(text: str, filename: str, lexicon: Lexicon) -> list[Entry]:
    """Entries of one registry file's text; ``filename`` picks the columns it must have."""
    rows = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(rows)), delimiter="\t", quoting=csv.QUOTE_NONE)
    required = _REQUIRED.get(filename, ("id", "name", "kind", "side", "parent", "aliases"))
    missing = [column for column in required if column not in (reader.fieldnames or ())]
    if missing:
        raise RegistryError(f"{filename}: the header lacks the columns {', '.join(missing)}")
    line_numbers = [
        number
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip() and not line.startswith("#")
    ][1:]
    entries = []
    problems = []
    for line, row in zip(line_numbers, reader, strict=True):
        source = f"{filename}:{line}"
        if None in row or any(value is None for value in row.values()):
            problems.append(
                f"{source}: expected {len(reader.fieldnames or ())} tab-separated cells"
            )
            continue
        try:
            entries.append(_entry(row, filename, source, lexicon))
        except ValueError as error:
            problems.append(f"{source}: {error}")
    if problems:
        raise RegistryError("invalid actor registry:\n" + "\n".join(problems))
    return entries


def _entry(row: Mapping[str, str], filename: str, source: str, lexicon: Lexicon) -> Entry:
    cell = {key: (value or "").strip() for key, value in row.items()}
    kind = cell.get("kind") or _DEFAULT_KIND.get(filename, "")
    if filename == "units.tsv" and cell.get("echelon") in _FORCE_ECHELONS:
        kind = "force"
    if kind not in _KINDS:
        raise ValueError(f"kind {kind!r} is not one of {', '.join(sorted(_KINDS))}")
    side = cell.get("side", "")
    if side not in _SIDES:
        raise ValueError(f"side {side!r} is not one of RU, UA, other")
    number_text = cell.get("number", "")
    if number_text and not number_text.isdigit():
        raise ValueError(f"number {number_text!r} is not a positive whole number")
    formed = cell.get("formed", "")
    if formed and not (formed.isdigit() and len(formed) == 4):
        raise ValueError(f"formed {formed!r} is not a year")
    parent = cell.get("parent") or cell.get("affiliation") or None
    aliases = tuple(
        Alias.parse(raw, lexicon) for raw in cell.get("aliases", "").split("|") if raw.strip()
    )
    return Entry(
        actor=Actor(
            id=cell["id"],
            name=cell["name"],
            kind=cast(ActorKind, kind),
            side=cast(Side, side),
            parent=parent,
        ),
        aliases=aliases,
        echelon=cell.get("echelon") or None,
        unit_type=cell.get("type") or None,
        number=int(number_text) if number_text else None,
        role=cell.get("role") or None,
        formed=int(formed) if formed else None,
        source=source,
    )


class ActorRegistry:
    """Every known actor, indexed for the matcher. Built once; immutable afterwards."""

    def __init__(self, entries: Iterable[Entry], lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._entries = tuple(entries)
        problems = validate(self._entries, lexicon)
        if problems:
            raise RegistryError("invalid actor registry:\n" + "\n".join(problems))
        self._by_id = {entry.actor.id: entry for entry in self._entries}
        aliases: dict[tuple[str, ...], list[tuple[Alias, Entry]]] = defaultdict(list)
        numbered: dict[tuple[int, str], list[Entry]] = defaultdict(list)
        for entry in self._entries:
            for alias in entry.aliases:
                aliases[alias.keys].append((alias, entry))
            if entry.number is not None and entry.unit_type:
                numbered[(entry.number, entry.unit_type)].append(entry)
        self._aliases = dict(aliases)
        self._numbered = dict(numbered)
        self.max_alias_tokens = max((len(keys) for keys in self._aliases), default=0)
        self.first_keys = frozenset(keys[0] for keys in self._aliases)

    @classmethod
    def load(
        cls, lexicon: Lexicon | None = None, folder: Traversable | None = None
    ) -> ActorRegistry:
        """The packaged registry (or the files in ``folder``), validated."""
        lexicon = lexicon or Lexicon.load()
        folder = folder or resources.files("frontwatch.data").joinpath("actors")
        entries: list[Entry] = []
        for name in FILES:
            path = folder.joinpath(name)
            try:
                text = path.read_text(encoding="utf-8")
            except FileNotFoundError:
                raise RegistryError(f"{name}: the registry file is missing from {folder}") from None
            entries.extend(read_table(text, name, lexicon))
        return cls(entries, lexicon)

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self._entries)

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self._by_id

    def get(self, actor_id: str) -> Actor:
        """The actor with this id; KeyError naming the id when there is none."""
        return self.entry(actor_id).actor

    def entry(self, actor_id: str) -> Entry:
        """The registry row of this id; KeyError naming the id when there is none."""
        try:
            return self._by_id[actor_id]
        except KeyError:
            raise KeyError(f"no actor {actor_id!r} in the registry") from None

    def of_kind(self, kind: ActorKind) -> list[Entry]:
        """Entries of one kind, in file order."""
        return [entry for entry in self._entries if entry.actor.kind == kind]

    def aliases(self, keys: Sequence[str]) -> list[tuple[Alias, Entry]]:
        """The aliases written with exactly these token keys, and their actors."""
        return self._aliases.get(tuple(keys), [])

    def alias_count(self) -> int:
        """How many aliases the registry holds (over all actors)."""
        return sum(len(entry.aliases) for entry in self._entries)

    def numbered(self, number: int, unit_type: str) -> list[Entry]:
        """Units with this number and registry type ("144", ``motor-rifle-division``)."""
        return self._numbered.get((number, unit_type), [])

    def numbered_at(self, number: int, echelon: str) -> list[Entry]:
        """Units with this number at an echelon (for "the 25th Brigade")."""
        return [
            entry
            for (entry_number, _), entries in self._numbered.items()
            if entry_number == number
            for entry in entries
            if entry.echelon == echelon
        ]

    def ancestors(self, actor_id: str) -> list[str]:
        """Parent, grandparent, ... of an actor (ids), nearest first."""
        chain = []
        current = self._by_id.get(actor_id)
        while current is not None and current.actor.parent:
            chain.append(current.actor.parent)
            current = self._by_id.get(current.actor.parent)
        return chain

    def descends_from(self, actor_id: str, ancestor_id: str) -> bool:
        """True when ``ancestor_id`` is a parent, grandparent ... of ``actor_id``."""
        return ancestor_id in self.ancestors(actor_id)


def validate(entries: Sequence[Entry], lexicon: Lexicon) -> list[str]:
    """Every problem of a set of entries, one line each, prefixed with file and line."""
    problems: list[str] = []
    by_id: dict[str, Entry] = {}
    for entry in entries:
        actor = entry.actor
        where = entry.source or actor.id
        if not _ID.match(actor.id):
            problems.append(
                f"{where}: id {actor.id!r} is not of the form polity.name "
                "(lowercase letters, digits and hyphens, e.g. ru.144-mrd)"
            )
        if actor.id in by_id:
            problems.append(f"{where}: id {actor.id!r} is already used at {by_id[actor.id].source}")
        else:
            by_id[actor.id] = entry
        if not actor.name:
            problems.append(f"{where}: {actor.id} has no name")
        problems.extend(_unit_problems(entry, lexicon))
    for entry in entries:
        parent = entry.actor.parent
        if parent and parent not in by_id:
            problems.append(
                f"{entry.source}: parent {parent!r} of {entry.actor.id} is not in the registry"
            )
    problems.extend(_cycles(by_id))
    problems.extend(_number_clashes(entries))
    problems.extend(_alias_problems(entries))
    return problems


def _unit_problems(entry: Entry, lexicon: Lexicon) -> list[str]:
    where = entry.source or entry.actor.id
    problems = []
    if entry.actor.kind in {"unit", "force"} and entry.echelon is not None:
        if entry.echelon not in lexicon.echelons:
            problems.append(f"{where}: echelon {entry.echelon!r} is not one of {lexicon.echelons}")
    elif entry.actor.kind == "unit":
        problems.append(f"{where}: unit {entry.actor.id} has no echelon")
    if entry.unit_type is not None:
        unit_type = lexicon.unit_types.get(entry.unit_type)
        if unit_type is None or unit_type.generic:
            problems.append(
                f"{where}: type {entry.unit_type!r} is not a unit type of unit_types.json"
            )
        elif unit_type.echelon != entry.echelon:
            problems.append(
                f"{where}: type {entry.unit_type} is a {unit_type.echelon}, "
                f"but the echelon is {entry.echelon}"
            )
        if entry.number is None:
            problems.append(f"{where}: a unit with a type needs a number")
    elif entry.number is not None:
        problems.append(f"{where}: a unit with a number needs a type")
    return problems


def _cycles(by_id: Mapping[str, Entry]) -> list[str]:
    problems = []
    for actor_id, entry in by_id.items():
        seen = {actor_id}
        parent = entry.actor.parent
        while parent and parent in by_id:
            if parent in seen:
                problems.append(f"{entry.source}: the parents of {actor_id} form a cycle")
                break
            seen.add(parent)
            parent = by_id[parent].actor.parent
    return problems


def _number_clashes(entries: Sequence[Entry]) -> list[str]:
    problems = []
    seen: dict[tuple[str, int, str], Entry] = {}
    for entry in entries:
        if entry.number is None or entry.unit_type is None:
            continue
        key = (entry.polity, entry.number, entry.unit_type)
        if key in seen:
            problems.append(
                f"{entry.source}: {entry.actor.id} has the number and type of "
                f"{seen[key].actor.id} ({seen[key].source})"
            )
        else:
            seen[key] = entry
    return problems


def _alias_problems(entries: Sequence[Entry]) -> list[str]:
    problems = []
    owners: dict[tuple[str, ...], list[tuple[Alias, Entry]]] = defaultdict(list)
    for entry in entries:
        seen: set[tuple[str, ...]] = set()
        for alias in entry.aliases:
            if not alias.keys:
                problems.append(f"{entry.source}: {entry.actor.id} has an empty alias")
                continue
            if alias.keys in seen:
                problems.append(
                    f"{entry.source}: {entry.actor.id} lists the alias {alias.text!r} twice"
                )
                continue
            seen.add(alias.keys)
            owners[alias.keys].append((alias, entry))
    for claims in owners.values():
        if len(claims) > 1 and not all(alias.shared for alias, _ in claims):
            ids = ", ".join(f"{entry.actor.id} ({entry.source})" for _, entry in claims)
            problems.append(
                f"the alias {claims[0][0].text!r} is claimed by {ids}; "
                "mark it shared with '?' in every row, or keep it in one"
            )
    return problems
