"""Ukraine at settlement level: the KATOTTG register joined to coordinates.

Takes the KATOTTG units, the GeoNames entries of Ukraine, the oblast table and the
settlement supplement; returns one :class:`Entry` per Ukrainian settlement and oblast, with
oblast → raion → hromada, the official romanization, the Cyrillic name, and every GeoNames
alternate name of the place it was joined to (old names such as Artemivsk, Russian-style
spellings such as Kharkov). GeoNames places that could not be joined are returned too.

Coordinates, best first: GeoNames (``exact``); the settlement supplement (``exact``); the
hromada's centre (``near``); the raion's centre (``near``); the oblast's label point
(``region``).

Joining: a register settlement and a GeoNames place are the same when they are in the same
oblast and share a name key (Cyrillic or romanized). When several settlements of an oblast
share a name (there are 75 Andriivkas), a GeoNames place goes to the one whose hromada centre
is nearest, within 25 km, and otherwise to none.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from frontwatch.gazetteer.geo import distance_km
from frontwatch.gazetteer.names import name_key
from frontwatch.gazetteer.romanize import Romanizer
from frontwatch.gazetteer.schema import Entry
from frontwatch.gazetteer.sources import KatottgUnit, data_table

__all__ = ["Oblast", "UkraineAssembler", "oblasts"]

_SETTLEMENT = {"K", "M", "T", "X", "C"}
_ADJECTIVE_SUFFIXES = ("ська", "цька", "зька", "ька", "на")
_RAION_SUFFIXES = ("ський", "цький", "зький", "ький", "ний")
_MAX_JOIN_KM = 25.0


@dataclass(frozen=True)
class Oblast:
    """A first-level unit of Ukraine with its codes in every source."""

    iso: str
    katottg: str
    geonames: str
    name: str
    variants: tuple[str, ...]
    lat: float
    lon: float


def oblasts() -> list[Oblast]:
    """The 27 first-level units from ``data/gazetteer/ua_oblasts.tsv``."""
    return [
        Oblast(
            iso=row["iso"],
            katottg=row["katottg"],
            geonames=row["geonames"],
            name=row["name"],
            variants=tuple(row["variants"].split("|")),
            lat=float(row["lat"]),
            lon=float(row["lon"]),
        )
        for row in data_table("ua_oblasts.tsv")
    ]


@dataclass
class _Settlement:
    unit: KatottgUnit
    oblast: Oblast
    name: str
    raion: str | None
    hromada: str | None
    names: list[tuple[str, str]] = field(default_factory=list)
    lat: float | None = None
    lon: float | None = None
    precision: str = "exact"
    population: int = 0
    geonameid: int | None = None
    kind: str = "settlement"
    source: str = "katottg"
    prominence: int = 0


class UkraineAssembler:
    """Joins the register, GeoNames and the supplement into Ukrainian entries."""

    def __init__(self, romanizer: Romanizer, oblast_table: list[Oblast]) -> None:
        self.romanize = romanizer
        self.oblasts = oblast_table
        self.by_katottg = {o.katottg: o for o in oblast_table}
        self.by_geonames = {o.geonames: o for o in oblast_table}
        self.by_iso = {o.iso: o for o in oblast_table}

    def oblast_entries(self) -> list[Entry]:
        """One admin1 entry per oblast with the names reporting uses."""
        entries = []
        for oblast in self.oblasts:
            names: list[tuple[str, str]] = [(oblast.name, "official")]
            for variant in oblast.variants:
                if oblast.katottg in {"UA80", "UA85"} or oblast.katottg == "UA01":
                    names.append((variant, "alternate"))
                    continue
                for suffix in ("Oblast", "oblast", "region", "Region", "province", "Province"):
                    names.append((f"{variant} {suffix}", "alternate"))
            if oblast.katottg == "UA01":
                names += [("Republic of Crimea", "alternate"), ("Crimea region", "alternate")]
            entries.append(
                Entry(
                    id=f"ua:{oblast.katottg}",
                    name=oblast.name,
                    kind="admin1",
                    lat=oblast.lat,
                    lon=oblast.lon,
                    precision="region",
                    country="UA",
                    admin1=oblast.name,
                    admin1_code=oblast.geonames,
                    source="natural-earth+katottg",
                    names=tuple(names),
                )
            )
        return entries

    def assemble(
        self,
        units: Iterable[KatottgUnit],
        geonames: Iterable[Entry],
        supplement: list[dict[str, str]],
    ) -> list[Entry]:
        """Every Ukrainian settlement, joined; plus GeoNames places left unjoined."""
        units = list(units)
        by_code = {unit.code: unit for unit in units}
        settlements = [
            s for s in (self._settlement(unit, by_code) for unit in units) if s is not None
        ]
        index: dict[tuple[str, str], list[_Settlement]] = defaultdict(list)
        for settlement in settlements:
            for name, _ in settlement.names:
                index[(settlement.oblast.geonames, name_key(name))].append(settlement)

        stems = {u.code: strip_adjective(u.name) for u in units if u.category == "H"}
        centres = self._hromada_centres(settlements, stems)
        leftovers = self._join_geonames(list(geonames), index, centres)
        self._join_supplement(supplement, index, centres, leftovers)
        self._fill_coordinates(settlements, centres)
        return [self._entry(s) for s in settlements if s.lat is not None] + leftovers

    def _settlement(self, unit: KatottgUnit, by_code: dict[str, KatottgUnit]) -> _Settlement | None:
        if unit.category not in _SETTLEMENT:
            return None
        oblast = self.by_katottg.get(unit.code[:4])
        if oblast is None:
            return None
        ancestors = [by_code[code] for code in unit.ancestors if code in by_code]
        raion = next((a for a in ancestors if a.category == "P"), None)
        hromada = next((a for a in ancestors if a.category == "H"), None)
        latin = self.romanize(unit.name)
        return _Settlement(
            unit=unit,
            oblast=oblast,
            name=latin,
            raion=f"{self.romanize(raion.name)} Raion" if raion else None,
            hromada=f"{self.romanize(hromada.name)} hromada" if hromada else None,
            names=[(latin, "official"), (unit.name, "cyrillic")],
        )

    @staticmethod
    def _hromada_centres(
        settlements: list[_Settlement], stems: dict[str, str]
    ) -> dict[str, _Settlement]:
        """Hromada code → its centre: the settlement the hromada is named after."""
        members: dict[str, list[_Settlement]] = defaultdict(list)
        for settlement in settlements:
            ancestors = settlement.unit.ancestors
            if len(ancestors) >= 3:
                members[ancestors[2]].append(settlement)
        centres = {}
        for code, group in members.items():
            centre = _centre_of(group, stems.get(code, ""))
            if centre is not None:
                centres[code] = centre
        return centres

    def _join_geonames(
        self,
        geonames: list[Entry],
        index: dict[tuple[str, str], list[_Settlement]],
        centres: dict[str, _Settlement],
    ) -> list[Entry]:
        leftovers: list[Entry] = []
        ambiguous: list[tuple[Entry, list[_Settlement]]] = []
        for entry in sorted(geonames, key=lambda e: -e.population):
            matches: dict[int, _Settlement] = {}
            for name, _ in entry.names:
                for settlement in index.get((entry.admin1_code or "", name_key(name)), ()):
                    matches[id(settlement)] = settlement
            free = [s for s in matches.values() if s.geonameid is None]
            if len(free) == 1:
                self._attach(free[0], entry)
            elif free:
                ambiguous.append((entry, free))
            else:
                leftovers.append(entry)
        # Second pass, now that unambiguous joins have placed many hromada centres.
        for entry, candidates in ambiguous:
            best = self._nearest(entry, candidates, centres)
            if best is None:
                leftovers.append(entry)
            else:
                self._attach(best, entry)
        return leftovers

    def _nearest(
        self, entry: Entry, candidates: list[_Settlement], centres: dict[str, _Settlement]
    ) -> _Settlement | None:
        if entry.lat is None or entry.lon is None:
            return None
        scored = []
        for settlement in candidates:
            if settlement.geonameid is not None:
                continue
            centre = (
                centres.get(settlement.unit.ancestors[2])
                if len(settlement.unit.ancestors) >= 3
                else None
            )
            if centre is None or centre.lat is None or centre.lon is None:
                continue
            scored.append((distance_km(entry.lat, entry.lon, centre.lat, centre.lon), settlement))
        if scored:
            distance, best = min(scored, key=lambda pair: pair[0])
            if distance <= _MAX_JOIN_KM:
                return best
        # A town of thousands among same-named villages is the register's one city or town.
        towns = [s for s in candidates if s.unit.category in {"K", "M"} and s.geonameid is None]
        if entry.population >= 5000 and len(towns) == 1:
            return towns[0]
        return None

    @staticmethod
    def _attach(settlement: _Settlement, entry: Entry) -> None:
        settlement.geonameid = int(entry.id.split(":")[1])
        settlement.lat, settlement.lon = entry.lat, entry.lon
        settlement.population = entry.population
        settlement.precision = "exact"
        settlement.source = "katottg+geonames"
        settlement.prominence = entry.prominence
        if entry.kind == "capital":
            settlement.kind = "capital"
        known = {name for name, _ in settlement.names}
        settlement.names += [(name, "alternate") for name, _ in entry.names if name not in known]

    def _join_supplement(
        self,
        rows: list[dict[str, str]],
        index: dict[tuple[str, str], list[_Settlement]],
        centres: dict[str, _Settlement],
        leftovers: list[Entry],
    ) -> None:
        for number, row in enumerate(rows):
            oblast = self.by_iso.get(row["oblast"])
            if oblast is None:
                continue
            lat, lon = float(row["lat"]), float(row["lon"])
            names = [row["name"]] + ([row["alternate"]] if row["alternate"] else [])
            matches = {
                id(s): s for name in names for s in index.get((oblast.geonames, name_key(name)), ())
            }
            candidates = list(matches.values())
            probe = Entry(
                id="x:0", name=row["name"], kind="settlement", lat=lat, lon=lon, precision="exact"
            )
            # A candidate already placed within 10 km of this row is the same place.
            placed = [
                s
                for s in candidates
                if s.lat is not None
                and s.lon is not None
                and s.precision == "exact"
                and distance_km(lat, lon, s.lat, s.lon) <= 10.0
            ]
            if placed:
                target: _Settlement | None = placed[0]
            elif len(candidates) == 1:
                target = candidates[0]
            else:
                target = self._nearest(probe, candidates, centres) if candidates else None
            if target is not None:
                known = {name for name, _ in target.names}
                target.names += [(n, "alternate") for n in names if n not in known]
                if target.lat is None:
                    target.lat, target.lon, target.precision = lat, lon, "exact"
                    target.source = "katottg+wikipedia-list"
                if row["population"] and not target.population:
                    target.population = int(row["population"])
                continue
            leftovers.append(
                Entry(
                    id=f"wl:{oblast.iso}:{number}",
                    name=row["name"],
                    kind="settlement",
                    lat=lat,
                    lon=lon,
                    precision="exact",
                    country="UA",
                    population=int(row["population"] or 0),
                    admin1=oblast.name,
                    admin1_code=oblast.geonames,
                    source="wikipedia-list",
                    names=tuple(
                        (n, "official" if i == 0 else "alternate") for i, n in enumerate(names)
                    ),
                )
            )

    def _fill_coordinates(
        self, settlements: list[_Settlement], centres: dict[str, _Settlement]
    ) -> None:
        raion_centres: dict[str, _Settlement] = {}
        for settlement in settlements:
            ancestors = settlement.unit.ancestors
            if len(ancestors) >= 2 and settlement.lat is not None:
                current = raion_centres.get(ancestors[1])
                if current is None or settlement.population > current.population:
                    raion_centres[ancestors[1]] = settlement
        for settlement in settlements:
            if settlement.lat is not None:
                continue
            ancestors = settlement.unit.ancestors
            hromada = centres.get(ancestors[2]) if len(ancestors) >= 3 else None
            raion = raion_centres.get(ancestors[1]) if len(ancestors) >= 2 else None
            for centre, where in ((hromada, "hromada centre"), (raion, "raion centre")):
                if centre is not None and centre.lat is not None and centre.lon is not None:
                    _place_at(settlement, centre.lat, centre.lon, "near", where)
                    break
            else:
                oblast = settlement.oblast
                _place_at(settlement, oblast.lat, oblast.lon, "region", "oblast point")

    @staticmethod
    def _entry(settlement: _Settlement) -> Entry:
        seen: set[str] = set()
        names = []
        for name, kind in settlement.names:
            if name not in seen:
                seen.add(name)
                names.append((name, kind))
        return Entry(
            id=f"ua:{settlement.unit.code}",
            name=settlement.name,
            kind=settlement.kind,
            lat=settlement.lat,
            lon=settlement.lon,
            precision=settlement.precision,
            country="UA",
            population=settlement.population,
            admin1=settlement.oblast.name,
            admin1_code=settlement.oblast.geonames,
            admin2=settlement.raion,
            hromada=settlement.hromada,
            source=settlement.source,
            prominence=settlement.prominence,
            names=tuple(names),
        )


def _place_at(settlement: _Settlement, lat: float, lon: float, precision: str, where: str) -> None:
    """Give a register-only settlement the point of an enclosing unit, and say which."""
    settlement.lat, settlement.lon, settlement.precision = lat, lon, precision
    settlement.source = f"katottg ({where})"


def _centre_of(group: list[_Settlement], stem: str) -> _Settlement | None:
    """The settlement whose name the hromada's name is formed from ('Лиманська' → Лиман)."""
    best: tuple[tuple[int, int, int], _Settlement] | None = None
    prefix = stem[: max(3, len(stem) - 1)]
    for settlement in group:
        name = settlement.unit.name.lower()
        if not stem or not name.startswith(prefix):
            continue
        rank = {"K": 0, "M": 0, "T": 1, "X": 2, "C": 3}.get(settlement.unit.category, 4)
        key = (rank, abs(len(name) - len(stem)), len(name))
        if best is None or key < best[0]:
            best = (key, settlement)
    return best[1] if best else None


def strip_adjective(name: str) -> str:
    """'Лиманська' → 'лиман', 'Бахмутський' → 'бахмут' (the stem a unit is named after)."""
    lower = name.lower()
    for suffix in sorted(set(_ADJECTIVE_SUFFIXES + _RAION_SUFFIXES), key=len, reverse=True):
        if lower.endswith(suffix) and len(lower) - len(suffix) >= 3:
            return lower[: -len(suffix)]
    return lower
