"""Toponym resolution in context: which gazetteer place each mention of an article means.

Takes an article's text and its toponym spans; returns, per span, the chosen gazetteer
candidate (or none), a confidence and the runners-up. Every span of the article is resolved
together, because the other places are the best evidence:

1. **Candidates**: every place whose name normalizes like the span's text ("the", a
   possessive and surrounding punctuation removed). All-capital abbreviations ("US", "UK")
   only match names recorded as abbreviations; demonyms ("Syrian") only when the caller
   says the span may be one.
2. **Prior**: population (log scale) for settlements; a fixed weight for countries,
   first-level regions and named features; a small penalty for coordinates that are only a
   hromada centre or a region's point.
3. **Explicit containment**: "Lyman in Donetsk Oblast", "Paris, Texas", "Donetsk Oblast's
   Lyman": a candidate inside the named region (or county, or named region of a country,
   within a county's reach of its point) gets a large bonus. A settlement put in a region
   that none of its namesakes lies in ("Rockingham, Northamptonshire") is a place the
   gazetteer lacks: it is placed at the region (precision ``region``).
4. **Document focus and proximity**, iterated: the countries and regions the other mentions
   resolve to (weighted by their confidence), and the distance to the nearest other resolved
   place. The same name in one article means the same place (one sense per discourse).
5. **Vicinity**: a name the gazetteer does not know ("Barclays Center") is placed at the
   settlement the article puts it in (:mod:`frontwatch.pipeline.places.vicinity`).

Confidence is the softmax of the scores. The weights are few and documented in
:class:`Weights`; they were set on general news, not on any one corpus.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from frontwatch.gazetteer.geo import distance_km
from frontwatch.gazetteer.lookup import Candidate, Gazetteer
from frontwatch.gazetteer.names import is_abbreviation, name_key
from frontwatch.pipeline.places.vicinity import locate_unknown, place_inside

__all__ = ["Resolution", "Resolver", "Toponym", "Weights"]

_LEADING = re.compile(r"^(the|The|THE)\s+")
_POSSESSIVE = re.compile(r"(['’]s|['’])$")
_CONTAINER = re.compile(
    r"^\s*(?:,|\bin\b|\bof\b)\s*(?:the\s+)?"
    r"(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)"
    r"(?:ern)?\s+)?"
    r"((?:[A-Z][\w.'’-]*\.?)(?:\s+[A-Z][\w.'’-]*){0,3})"
)
"""A region right after a toponym: "X, Texas", "X in (northern) Kherson Oblast"."""
_LIST_REST = re.compile(
    r"^(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})+"
    r"(?=\s+in\s)"
)
"""The rest of a list of names that ends in a region: in "X, Y, and Z in Kherson Oblast"
the region holds X and Y too."""
_PRECEDING_CONTAINER = re.compile(r"([A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})['’]s\s+$")
_COMMA_BEFORE = re.compile(r"\s*,\s*$")
# "central Washington", "in northern California", "across eastern Ukraine": a lowercase
# compass word before a name describes part of an area.
_PART_OF_AREA = re.compile(
    r"(?<![\w-])(?:(?:north|south)-?(?:east|west)ern|northern|southern|eastern|western|central"
    r"|upstate|downstate)\s+$"
)
_DISTANCE_FROM = re.compile(
    r"[\s,(]*(?:\w+\s+){0,2}?(?:(?P<bound>within|up\s+to|less\s+than|under)\s+)?"
    r"(?:about\s+|approximately\s+|roughly\s+|some\s+|around\s+|nearly\s+|just\s+)?"
    r"(?P<value>\d{1,4}(?:[.,]\d+)?)\s*[- ]?(?P<unit>km|kilometers|kilometres|mi|miles)\b"
    r"(?:\s+(?:directly\s+)?(?:north|south|east|west|northeast|northwest|southeast|southwest|"
    r"north-east|north-west|south-east|south-west))?\s+(?:of|from)\s+(?:the\s+)?"
)
"""A stated distance right after a toponym: "X, 44 km east of Y", "X (within 70 km southwest
of Y)"; it ends where Y begins."""
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[A-Z\"“])|\n")
_LIST_GOES_ON = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)[A-Z]")
_COUNTY_LIST = re.compile(
    r"^(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+|\s*&\s*)"
    r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})*\s+(?:counties|Counties|parishes|Parishes)\b"
)
# Fixed priors of areas and features, in the same units as log10(population) of a town;
# countries and first-level regions take theirs from Weights.
_FIXED = {
    "continent": 7.5,
    "ocean": 7.0,
    "sea": 6.5,
    "region": 6.5,
    "river": 5.0,
    "lake": 4.5,
    "strait": 5.0,
    "peninsula": 5.5,
    "island": 5.5,
    "spit": 4.5,
    "facility": 4.5,
    "admin2": 4.5,
}
_AREAS = {"country", "continent", "admin1", "ocean", "sea", "region", "admin2"}
_WORDS = re.compile(r"[\w'’.&]+")
# The Arabic article, written "al-", "el-" or assimilated to a sun letter ("ash-Shaddadi",
# "ar-Raqqa", "an-Nabk"). Gazetteers spell it otherwise ("Ash Shaddādī", "Ar Raqqah") or
# drop it ("Raqqa").
_ARABIC_ARTICLE = re.compile(r"(?:[AaEe]l|[Aa](?:[tdrzsnl]|sh|th|dh))[-‐‑ ’']\s?(?=[A-Z])")
# "the West", "Western", "the East" alone: the Western world, the eastern part of whatever the
# text is about. Such a word names no division called West (Cameroon's West Region, Iceland's
# Western Region) nor a town called West; frontwatch has no point for it and leaves it
# unresolved.
_COMPASS_ALONE = frozenset(
    ["west", "western", "east", "eastern", "north", "northern", "south", "southern"]
)
_WIDE_AREAS = frozenset(["region", "continent", "ocean", "sea"])
_SUN_LETTERS = ("sh", "th", "dh", "t", "d", "r", "z", "s", "n", "l")
# "Calif.", "W.Va.", "W. Va.": style-guide abbreviations, one or more dotted parts.
_DOTTED = re.compile(r"(?:[A-Z][a-z]{0,4}\.\s?)+")
_GENERIC = frozenset(
    [
        "the",
        "of",
        "and",
        "for",
        "in",
        "on",
        "at",
        "de",
        "la",
        "le",
        "el",
        "al",
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "northwestern",
        "northeastern",
        "southwestern",
        "southeastern",
        "memorial",
        "upper",
        "lower",
        "new",
        "old",
        "great",
        "little",
        "greater",
        "red",
        "white",
        "black",
        "green",
        "blue",
        "river",
        "lake",
        "county",
        "city",
        "state",
        "university",
        "college",
        "school",
        "hospital",
        "center",
        "centre",
        "church",
        "airport",
        "station",
        "park",
        "street",
        "road",
        "bridge",
        "bank",
        "house",
        "office",
        "council",
        "court",
        "square",
        "hill",
        "point",
        "port",
        "island",
        "islands",
        "valley",
        "mount",
        "mountain",
        "beach",
        "bay",
        "delta",
        "district",
        "area",
        "region",
        "republic",
        "federal",
        "national",
        "international",
        "united",
        "royal",
        "saint",
        "st",
        "fort",
        "camp",
        "base",
    ]
)
_CITY = 100_000
_ABROAD = frozenset(["embassy", "embassies", "consulate", "consulates", "legation"])
_COUNTY_KM = 80.0
# Kinds that a list keeps together (a country listed with states is still a country).
_KIND_CLASS = {
    "settlement": "settlement",
    "capital": "settlement",
    "admin1": "admin1",
    "country": "country",
    "admin2": "admin2",
}
_LIST_JOINER = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+|\s*&\s*)")
_AND_OR = re.compile(r"\b(?:and|or)\b|&")
_PRECISION_PENALTY = {"exact": 0.0, "near": 0.4, "region": 1.2, "country": 0.0}


@dataclass(frozen=True)
class Weights:
    """The resolver's weights (score units: one unit ≈ a tenfold population)."""

    population: float = 1.0
    """Prior per tenfold population of a settlement."""
    country: float = 8.5
    """Prior of a country (a city of 10**8.5 people would tie)."""
    admin1: float = 6.5
    """Prior of a first-level region."""
    containment: float = 6.0
    """Bonus for a candidate inside a region named next to it ("X, Texas")."""
    country_focus: float = 3.0
    """Bonus times the share of the article's other mentions in the candidate's country."""
    admin1_focus: float = 4.0
    """Bonus times the share of the other mentions in the candidate's first-level region."""
    proximity: float = 4.0
    """Bonus for being near another resolved place, decaying with distance."""
    proximity_km: float = 150.0
    """Distance at which the proximity bonus has fallen to 1/e."""
    stated_distance: float = 3.0
    """Bonus for a candidate at the distance the text states from another place ("X, 44 km
    east of Y")."""
    local_proximity: float = 3.0
    """Bonus for being near (or inside) the places named within ``local_chars`` of the
    toponym, averaged over them: a sentence's neighbours say more than the whole article
    ("advancing via Bohorodychne, southeast of Pasika")."""
    local_chars: int = 150
    """Characters between two mentions for them to count as local context."""
    area_km: float = 1000.0
    """The same distance for an area in no country (a sea, a macro-region): it is near the
    places and countries around it, and its namesakes (Gulf Province, West Coast Region) are
    far from them."""
    shadowed_alternate: float = 1.5
    """Penalty for a settlement matched by an alternate name that is another place's main
    name."""
    official_name: float = 0.3
    """Bonus when the span matches the place's main name rather than an alternate."""
    obscure_alternate: float = 0.8
    """Penalty when the span matches only an alternate name of a place under 10,000 people
    (GeoNames keeps historical and foreign names of small places that collide with big ones)."""
    capital: float = 1.0
    """Bonus for national capitals, which news names far more often than their size says."""
    part_of_name: float = 1.0
    """Penalty for a place found only inside a longer name ("Dulles" in "Dulles Airport")."""
    short_name: float = 2.0
    """Penalty for a county named without "County" ("DeKalb"), which more often means the
    town of that name."""
    part_of_area: float = 4.0
    """Bonus for a country or first-level region named after a compass word ("central
    Washington")."""
    list_kind: float = 1.0
    """Bonus for being of the kind (settlement, state, country) that the other names of
    the same list most likely are."""
    rounds: int = 3
    """Rounds of re-scoring with the document context."""
    saturate: bool = False
    """Scale context by n / (n + 1) of n other names (else by their mean)."""
    max_candidates: int = 25
    """Candidates kept per name, best by prior (bounds the work on "Springfield")."""
    vicinity: bool = True
    """Place toponyms the gazetteer does not know at a settlement the article names
    (:mod:`frontwatch.pipeline.places.vicinity`)."""
    vicinity_window: int = 200
    """Characters around an unknown toponym searched for the settlement it is in."""
    vicinity_keep_km: float = 150.0
    """A place named inside an unknown toponym ("Windsor" in "Windsor Castle") is kept when
    it lies this close to another place of the article."""
    vicinity_confidence: float = 0.25
    """Confidence of a vicinity candidate."""


@dataclass(frozen=True)
class Toponym:
    """A span to resolve."""

    start: int
    end: int
    text: str
    demonym: bool = False
    """The span may be a demonym or adjective ("Syrian", "British") naming a country."""


@dataclass
class Resolution:
    """The outcome for one toponym."""

    toponym: Toponym
    candidates: list[Candidate]
    scores: list[float] = field(default_factory=list)
    probabilities: list[float] = field(default_factory=list)

    @property
    def best(self) -> Candidate | None:
        """The chosen place, or None when there was no candidate."""
        if not self.candidates:
            return None
        return self.candidates[max(range(len(self.scores)), key=self.scores.__getitem__)]

    @property
    def confidence(self) -> float:
        """Probability of the chosen place (0 when unresolved)."""
        return max(self.probabilities, default=0.0)

    def ranked(self) -> list[tuple[Candidate, float]]:
        """Candidates with probabilities, best first."""
        pairs = list(zip(self.candidates, self.probabilities, strict=True))
        return sorted(pairs, key=lambda pair: -pair[1])


class Resolver:
    """Resolves all toponyms of one text at a time against a gazetteer."""

    def __init__(self, gazetteer: Gazetteer, weights: Weights | None = None) -> None:
        self.gazetteer = gazetteer
        self.weights = weights or Weights()

    def candidates(self, toponym: Toponym) -> list[Candidate]:
        """Places the span may name (or, failing that, a place named inside it)."""
        raw = toponym.text.strip(' \t\n,;:"()[]')
        text = _POSSESSIVE.sub("", _LEADING.sub("", raw.rstrip(".")))
        if not text:
            return []
        found = self._matching(text, raw, toponym.demonym)
        if found:
            return found
        article = _ARABIC_ARTICLE.match(text)
        rest = text[article.end() :] if article else text
        for variant in _article_variants(rest) if article else ():
            found = self._matching(variant, variant, False)
            if found:
                return found
        # "Dulles International Airport", "Oaxaca State", "Miami-Dade": a place named inside
        # (not the Arabic article: "ash-Shaddadi" is not in Ash, Kent).
        words = _WORDS.findall(rest)
        for size in range(len(words) - 1, 0, -1):
            for start in range(len(words) - size + 1):
                part = " ".join(words[start : start + size])
                # "Red River" does not name a place called "Red", nor "South Ossetia" "South".
                if all(w.lower().rstrip(".") in _GENERIC for w in words[start : start + size]):
                    continue
                found = [
                    c
                    for c in self._matching(part, part, False)
                    if c.kind != "capital" or len(words) == size
                ]
                if found:
                    return [replace(c, matched="part") for c in found]
        # "the European Commission", "the Mexican Senate": an institution named with the
        # adjective of a country or continent is in it; its embassy is not ("the Russian
        # Embassy" is wherever the article says it is).
        if len(words) > 1 and not any(w.lower() in _ABROAD for w in words):
            found = [
                c
                for c in self._matching(words[0], words[0], True)
                if c.matched == "demonym" and c.kind in {"country", "continent", "admin1"}
            ]
            return [replace(c, matched="part") for c in found]
        return []

    def _matching(self, text: str, raw: str, demonym: bool) -> list[Candidate]:
        found = self.gazetteer.candidates(text)
        if is_abbreviation(text):
            return [c for c in found if c.matched == "abbreviation"]
        excluded = {"demonym"} if not demonym else set()
        if not _DOTTED.fullmatch(raw):
            excluded.add("abbreviation")
        # Names are unique per (key, place), so each place appears once.
        return [c for c in found if c.matched not in excluded]

    def resolve(self, text: str, toponyms: Sequence[Toponym]) -> list[Resolution]:
        """Resolve every toponym of ``text`` together."""
        resolutions = [Resolution(t, self.candidates(t)) for t in toponyms]
        compass = {i for i, r in enumerate(resolutions) if _compass_alone(r.toponym.text)}
        for index in compass:
            # "the West" is no West Region; "West, Texas" is the town.
            resolution = resolutions[index]
            end = resolution.toponym.end
            if not _CONTAINER.match(text[end : end + 80]):
                resolution.candidates = [c for c in resolution.candidates if c.kind in _WIDE_AREAS]
        ends = {r.toponym.end: r.candidates for r in resolutions if r.candidates}
        # One sense per discourse: mentions with the same name form one group.
        groups: dict[str, list[int]] = defaultdict(list)
        for index, resolution in enumerate(resolutions):
            if resolution.candidates:
                groups[name_key(resolution.toponym.text)].append(index)
        members = list(groups.values())
        if not members:
            return resolutions
        limit = self.weights.max_candidates
        starts = {r.toponym.start: r.candidates for r in resolutions if r.candidates}
        base: list[np.ndarray] = []
        kept: list[list[Candidate]] = []
        for indexes in members:
            first = resolutions[indexes[0]]
            scores = np.array([_prior(c, self.weights) for c in first.candidates])
            scores = scores - self.weights.shadowed_alternate * _shadowed(first.candidates)
            for index in indexes:
                cues = np.array(self._containment(text, resolutions[index], ends)) + np.array(
                    self._part_of_area(text, resolutions[index])
                )
                scores = scores + cues / len(indexes)
                scores = scores + np.array(self._distance(text, resolutions[index], starts))
            order = np.argsort(-scores, kind="stable")[:limit]
            kept.append([first.candidates[i] for i in order])
            base.append(scores[order])
        self._agree_with_list(text, resolutions, members, kept, base)
        spans = [
            [(resolutions[i].toponym.start, resolutions[i].toponym.end) for i in indexes]
            for indexes in members
        ]
        local = _local_groups(text, spans, self.weights.local_chars)
        final = _Joint(kept, base, self.weights, local).solve()
        for indexes, candidates, scores in zip(members, kept, final, strict=True):
            for index in indexes:
                resolutions[index].candidates = list(candidates)
                _set_scores(resolutions[index], [float(x) for x in scores])
        if self.weights.vicinity:
            self._contradicted(text, resolutions)
            # "Ukrainian" read where demonyms are not toponyms names no place at all, nor
            # does "the West".
            people = {
                index
                for index, r in enumerate(resolutions)
                if not r.candidates
                and (
                    index in compass
                    or any(
                        c.matched == "demonym" for c in self.gazetteer.candidates(r.toponym.text)
                    )
                )
            }
            locate_unknown(text, resolutions, self.weights, skip=people)
        return resolutions

    def _agree_with_list(
        self,
        text: str,
        resolutions: list[Resolution],
        members: list[list[int]],
        kept: list[list[Candidate]],
        base: list[np.ndarray],
    ) -> None:
        """Names listed together are places of one kind: in "California or Washington" and
        "Alaska, Hawaii, Florida and Washington" Washington is a state. Each candidate gets
        ``list_kind`` times the share of its list siblings whose likeliest reading (by
        prior) is of its kind (in place, on ``base``)."""
        group_of = {index: g for g, indexes in enumerate(members) for index in indexes}
        order = sorted(range(len(resolutions)), key=lambda i: resolutions[i].toponym.start)
        position = {index: at for at, index in enumerate(order)}
        top = [_KIND_CLASS.get(group[0].kind) if group else None for group in kept]
        for g, indexes in enumerate(members):
            bonus = np.zeros(len(kept[g]))
            for index in indexes:
                siblings = [
                    top[group_of[i]]
                    for i in _list_siblings(text, resolutions, order, position[index])
                    if i in group_of and group_of[i] != g
                ]
                if not siblings:
                    continue
                for j, candidate in enumerate(kept[g]):
                    kind = _KIND_CLASS.get(candidate.kind)
                    share = sum(1 for s in siblings if s is not None and s == kind)
                    bonus[j] += self.weights.list_kind * share / len(siblings) / len(indexes)
            base[g] = base[g] + bonus

    def _contradicted(self, text: str, resolutions: list[Resolution]) -> None:
        """A settlement the text puts in a region ("Rockingham, Northamptonshire") whose
        chosen place lies outside it, or that has no candidate at all, is a place of that
        region the gazetteer lacks: it is placed at the region."""
        by_start = {r.toponym.start: r for r in resolutions}
        for resolution in resolutions:
            best = resolution.best
            if best is not None and best.kind not in {"settlement", "capital"}:
                continue
            end = resolution.toponym.end
            after = _CONTAINER.match(text[end : end + 80])
            container = by_start.get(end + after.start(1)) if after else None
            region = container.best if container else None
            if (
                region is None
                or container is None
                # "Zilina, Nitra, Presov and Kosice" is a list, not a place in a region.
                or _LIST_GOES_ON.match(text[container.toponym.end : container.toponym.end + 40])
                or _COMMA_BEFORE.search(
                    text[max(0, resolution.toponym.start - 4) : resolution.toponym.start]
                )
                or region.kind not in {"admin1", "admin2", "region"}
                or region.matched in {"part", "vicinity", "demonym"}
                or region.lat is None
                or (best is not None and _inside(best, region))
            ):
                continue
            place_inside(resolution, region, self.weights.vicinity_confidence)

    def _containment(
        self, text: str, resolution: Resolution, ends: dict[int, list[Candidate]]
    ) -> list[float]:
        """Bonus for candidates inside a region named right after or before the span, and
        for regions that contain the place named right before it ("Tacoma, Washington")."""
        if not resolution.candidates:
            return []
        start = resolution.toponym.start
        comma = _COMMA_BEFORE.search(text[max(0, start - 4) : start])
        before_place = ends.get(start - len(comma.group(0)), []) if comma else []
        containers: list[Candidate] = []
        end = resolution.toponym.end
        # "X, Y, and Z in Kherson Oblast": the region after the list holds X and Y too
        listed = _LIST_REST.match(text[end : end + 200])
        tail = end + listed.end() if listed else end
        after = _CONTAINER.match(text[tail : tail + 80])
        if after:
            containers += self._regions(after.group(1))
        before = _PRECEDING_CONTAINER.search(
            text[max(0, resolution.toponym.start - 60) : resolution.toponym.start]
        )
        if before:
            containers += self._regions(before.group(1))
        # "Barrow and Jackson counties": a list of names that ends with the kind of unit.
        county = bool(_COUNTY_LIST.match(text[end : end + 120]))
        bonus = []
        for candidate in resolution.candidates:
            inside = any(_inside(candidate, container) for container in containers)
            named = county and candidate.kind == "admin2"
            holds = candidate.kind in {"country", "admin1"} and any(
                _inside(place, candidate) for place in before_place
            )
            bonus.append(self.weights.containment if inside or named or holds else 0.0)
        return bonus

    def _part_of_area(self, text: str, resolution: Resolution) -> list[float]:
        """Bonus for countries and first-level regions when a compass word precedes the
        span ("central Washington" is the state). Settlements have parts too ("northern
        Bakhmut"), so only a name that also names a larger area is moved."""
        start = resolution.toponym.start
        if not _PART_OF_AREA.search(text[max(0, start - 16) : start]):
            return [0.0] * len(resolution.candidates)
        return [
            self.weights.part_of_area
            if c.kind in {"country", "admin1"} and c.matched != "short"
            else 0.0
            for c in resolution.candidates
        ]

    def _distance(
        self, text: str, resolution: Resolution, starts: dict[int, list[Candidate]]
    ) -> list[float]:
        """Bonus for candidates at the distance the text gives from another place ("X, 44 km
        east of Y", "X (within 70 km of Y)"), measured from Y's likeliest candidate by prior.
        "within" is an upper bound; otherwise the distance is taken as approximate."""
        end = resolution.toponym.end
        none = [0.0] * len(resolution.candidates)
        found = _DISTANCE_FROM.match(text, end, end + 90)
        anchor = starts.get(found.end()) if found else None
        if found is None or not anchor:
            return none
        value = float(found.group("value").replace(",", ""))
        km = value * 1.609 if found.group("unit").lower().startswith("mi") else value
        reference = max(anchor, key=lambda c: _prior(c, self.weights))
        if reference.lat is None or reference.lon is None:
            return none
        bonus = []
        for candidate in resolution.candidates:
            if candidate.lat is None or candidate.lon is None:
                bonus.append(0.0)
                continue
            apart = distance_km(candidate.lat, candidate.lon, reference.lat, reference.lon)
            if found.group("bound"):
                fits = apart <= km * 1.15 + 5
            else:
                fits = abs(apart - km) <= max(0.35 * km, 8.0)
            bonus.append(self.weights.stated_distance if fits else 0.0)
        return bonus

    def _regions(self, phrase: str) -> list[Candidate]:
        """Countries, first- and second-level divisions and named regions of a country
        ("Northamptonshire", "Yorkshire") named by the phrase or by a prefix of it."""
        words = phrase.split()
        for size in range(len(words), 0, -1):
            found = [
                c
                for c in self.gazetteer.candidates(" ".join(words[:size]))
                if c.matched not in {"demonym", "short"}
                and (
                    c.kind in {"country", "admin1"}
                    or (c.kind in {"admin2", "region"} and c.country and c.lat is not None)
                )
            ]
            if found:
                return found
        return []


class _Joint:
    """Joint inference over the candidate sets of all of an article's toponyms.

    Each candidate is scored by its base score plus its agreement with the *other* groups'
    candidates, weighted by their current probabilities: same country, same first-level
    region, nearness (points) or containment (areas). Scores are re-computed ``rounds``
    times; each round uses the previous round's probabilities. Evidence from ``n`` other
    groups is scaled by ``n / (n + 1)`` so that one neighbour cannot outweigh a big prior.
    """

    def __init__(
        self,
        candidates: list[list[Candidate]],
        base: list[np.ndarray],
        weights: Weights,
        local: np.ndarray | None = None,
    ) -> None:
        self.base = base
        self.weights = weights
        flat = [c for group in candidates for c in group]
        self.group = np.repeat(np.arange(len(candidates)), [len(g) for g in candidates])
        self.sizes = [len(g) for g in candidates]
        self.lat = np.radians(np.array([c.lat if c.lat is not None else 0.0 for c in flat]))
        self.lon = np.radians(np.array([c.lon if c.lon is not None else 0.0 for c in flat]))
        located = np.array([c.lat is not None for c in flat])
        area = np.array([c.kind in _AREAS for c in flat])
        self.located = located
        self.point = located & ~area
        self.country = _codes([c.country for c in flat])
        self.admin1 = _codes([c.admin1_code if c.kind != "country" else None for c in flat])
        self.is_country = np.array([c.kind == "country" for c in flat])
        self.stateless = np.array([c.country is None and c.kind in _AREAS for c in flat])
        self.is_admin = np.array([c.kind in {"admin1", "admin2"} for c in flat])
        self.closeness = self._closeness()
        self.proxy = _city_proxies(candidates)
        if local is None:
            local = np.zeros((len(candidates), len(candidates)), dtype=bool)
        self.local = np.asarray(local[self.group][:, self.group])
        """Candidate × candidate: whether their groups are named in one sentence."""

    def _closeness(self) -> np.ndarray:
        lat, lon = self.lat, self.lon
        dlat = lat[:, None] - lat[None, :]
        dlon = lon[:, None] - lon[None, :]
        a = (
            np.sin(dlat / 2) ** 2
            + np.cos(lat)[:, None] * np.cos(lat)[None, :] * np.sin(dlon / 2) ** 2
        )
        km = 2 * 6371.0 * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))
        close = np.exp(-km / self.weights.proximity_km)
        both = self.point[:, None] & self.point[None, :]
        # A stateless area is near whatever lies around it, points and areas alike.
        wide = self.stateless[:, None] & self.located[:, None] & self.located[None, :]
        return np.where(both, close, np.where(wide, np.exp(-km / self.weights.area_km), 0.0))

    def _group_max(self, values: np.ndarray) -> np.ndarray:
        """Each candidate's value replaced by the largest in its group."""
        best = np.full(len(self.sizes), -np.inf)
        np.maximum.at(best, self.group, values)
        return np.asarray(best[self.group])

    def solve(self) -> list[np.ndarray]:
        weights = self.weights
        scores = list(self.base)
        groups = len(scores)
        if groups == 1:
            return scores
        same_country = (self.country[:, None] == self.country[None, :]) & (
            self.country[:, None] >= 0
        )
        same_admin1 = (self.admin1[:, None] == self.admin1[None, :]) & (self.admin1[:, None] >= 0)
        inside = (self.is_country[:, None] & same_country & self.point[None, :]) | (
            self.is_admin[:, None] & same_admin1 & self.point[None, :]
        )
        other = self.group[:, None] != self.group[None, :]
        # n other groups in full agreement give n / (n + 1) of the weights.
        scale = 1.0 / groups if weights.saturate else 1.0 / (groups - 1)
        for _ in range(weights.rounds):
            probability = np.concatenate([_softmax(s) for s in scores])
            weight = np.where(other, probability[None, :], 0.0)
            country = (weight * same_country).sum(axis=1)
            admin1 = (weight * same_admin1).sum(axis=1)
            # An ocean, a sea or a continent is in no country: the article's focus on one
            # country neither favours nor disfavours it against the namesakes in its group.
            country[self.stateless] = self._group_max(country)[self.stateless]
            admin1[self.stateless] = self._group_max(admin1)[self.stateless]
            near = (weight * self.closeness).sum(axis=1)
            contains = (weight * inside).sum(axis=1)
            local_weight = np.where(self.local, weight, 0.0)
            neighbours = np.maximum(local_weight.sum(axis=1), 1.0)
            local = (local_weight * (self.closeness + inside)).sum(axis=1) / neighbours
            context = (
                scale
                * (
                    weights.country_focus * country
                    + weights.admin1_focus * admin1
                    + weights.proximity * (near + contains)
                )
                + weights.local_proximity * local
            )[self.proxy]
            scores = [
                base + part
                for base, part in zip(
                    self.base, np.split(context, np.cumsum(self.sizes)[:-1]), strict=True
                )
            ]
        return scores


def _local_groups(text: str, spans: list[list[tuple[int, int]]], limit: int) -> np.ndarray:
    """Group × group: whether the two names occur within ``limit`` characters of each other
    with no sentence end between them (never a group with itself)."""
    count = len(spans)
    near = np.zeros((count, count), dtype=bool)
    mentions = sorted((start, end, group) for group, at in enumerate(spans) for start, end in at)
    for i, (_, end, group) in enumerate(mentions):
        for start, _, other in mentions[i + 1 :]:
            if start - end > limit:
                break
            if other != group and not _SENTENCE_END.search(text, end, start):
                near[group, other] = near[other, group] = True
    return near


def _list_siblings(
    text: str, resolutions: list[Resolution], order: list[int], position: int
) -> list[int]:
    """The other members of the list that the toponym at ``position`` of ``order`` (the
    indexes of ``resolutions`` in text order) is in ("A, B and C", "A or B"): neighbours
    joined by commas, "and", "or" or "&", when the list has at least three members or an
    "and"/"or" ("Paris, Texas" is no list)."""
    index = order[position]
    chain = [index]
    joiners: list[str] = []
    for step in (-1, 1):
        at = position
        while 0 <= at + step < len(order):
            left, right = (order[at], order[at + 1]) if step > 0 else (order[at - 1], order[at])
            between = text[resolutions[left].toponym.end : resolutions[right].toponym.start]
            if not _LIST_JOINER.fullmatch(between):
                break
            joiners.append(between)
            at += step
            chain.append(order[at])
    listed = len(chain) >= 3 or any(_AND_OR.search(j) for j in joiners)
    return [i for i in chain if i != index] if listed else []


def _city_proxies(candidates: list[list[Candidate]]) -> np.ndarray:
    """For each candidate, the candidate whose context it takes: itself, except a region
    that shares its name with a city of at least ``_CITY`` people inside it. Whatever the
    article says near New York fits the state as well as the city, so the context cannot
    choose between them and the priors decide (news means the city more often)."""
    proxy = np.arange(sum(len(group) for group in candidates))
    offset = 0
    for group in candidates:
        cities = {
            c.admin1_code: offset + j
            for j, c in enumerate(group)
            if c.population >= _CITY and c.kind in {"settlement", "capital"}
        }
        if cities:
            for j, candidate in enumerate(group):
                if candidate.kind == "admin1" and candidate.admin1_code in cities:
                    proxy[offset + j] = cities[candidate.admin1_code]
        offset += len(group)
    return proxy


def _shadowed(candidates: list[Candidate]) -> np.ndarray:
    """1 for settlements matched by an alternate name when another place has it as its main
    name ("Berea" is an old name of Aleppo, and the main name of towns in Kentucky)."""
    # A region does not shadow the city inside it that bears its name: "New York" names the
    # city as often as the state, and the city is the more specific reading. A country that
    # bears the name always does: "Mexico" and "Kuwait" name the country, and their capitals
    # have names of their own.
    shadows = [c for c in candidates if c.matched == "official"]
    country = any(s.kind == "country" for s in shadows)
    return np.array(
        [
            1.0
            if c.matched == "alternate"
            and c.kind in {"settlement", "capital"}
            and shadows
            and (country or not any(_same_name_container(s, c) for s in shadows))
            else 0.0
            for c in candidates
        ]
    )


def _same_name_container(region: Candidate, place: Candidate) -> bool:
    return (
        region.kind == "admin1"
        and bool(region.admin1_code)
        and region.admin1_code == place.admin1_code
    )


def _codes(values: list[str | None]) -> np.ndarray:
    index: dict[str, int] = {}
    return np.array([index.setdefault(v, len(index)) if v else -1 for v in values])


def _softmax(scores: np.ndarray) -> np.ndarray:
    exps = np.exp(scores - scores.max())
    return np.asarray(exps / exps.sum())


def _compass_alone(text: str) -> bool:
    return _LEADING.sub("", text.strip()).lower() in _COMPASS_ALONE


def _article_variants(rest: str) -> list[str]:
    """Spellings of a name written with the Arabic article, given the name after it: with
    the article as a separate word, assimilated or not, and without it ("Nabk" of "al-Nabk":
    "An Nabk", "Al Nabk", "Nabk")."""
    sun = next((s for s in _SUN_LETTERS if rest.lower().startswith(s)), "l")
    return list(dict.fromkeys([f"A{sun} {rest}", f"Al {rest}", rest]))


def _prior(candidate: Candidate, weights: Weights) -> float:
    fixed = {"country": weights.country, "admin1": weights.admin1}.get(
        candidate.kind, _FIXED.get(candidate.kind)
    )
    # A county's population says little about how often news names it rather than one of
    # its namesakes (local news names its own county): second-level divisions take the
    # fixed prior alone.
    size = weights.population * math.log10(candidate.population + 1)
    if candidate.kind == "admin2":
        size = 0.0
    score = max(fixed, size) if fixed is not None else size
    if candidate.matched == "official":
        score += weights.official_name
    elif (
        candidate.matched == "alternate"
        and candidate.population < 10_000
        and (candidate.kind in {"settlement", "capital"})
    ):
        score -= weights.obscure_alternate
    if candidate.kind == "capital":
        score += weights.capital
    if candidate.matched == "part":
        score -= weights.part_of_name
    elif candidate.matched == "short":
        score -= weights.short_name
    return score - _PRECISION_PENALTY.get(candidate.precision, 0.0)


def _inside(candidate: Candidate, container: Candidate) -> bool:
    if candidate.id == container.id:
        return False
    if container.kind in {"admin2", "region"}:
        # Second-level divisions and named regions have a point, not a boundary: what lies
        # within a county's reach of it is taken to be inside.
        return (
            candidate.kind not in _AREAS
            and candidate.country == container.country
            and candidate.lat is not None
            and distance_km(candidate.lat, candidate.lon, container.lat, container.lon)  # type: ignore[arg-type]
            <= _COUNTY_KM
        )
    if container.kind == "country":
        return candidate.country == container.country and candidate.kind != "country"
    if bool(container.admin1_code) and candidate.admin1_code == container.admin1_code:
        return True
    # Some countries' first-level regions in the gazetteer (England's counties) are not the
    # GeoNames level its places are coded with: a place near the region's point is inside.
    return (
        candidate.country == container.country
        and candidate.lat is not None
        and container.lat is not None
        and distance_km(candidate.lat, candidate.lon, container.lat, container.lon)  # type: ignore[arg-type]
        <= _COUNTY_KM
    )


def _set_scores(resolution: Resolution, scores: list[float]) -> None:
    resolution.scores = list(scores)
    if not scores:
        resolution.probabilities = []
        return
    top = max(scores)
    exps = [math.exp(score - top) for score in scores]
    total = sum(exps)
    resolution.probabilities = [value / total for value in exps]
