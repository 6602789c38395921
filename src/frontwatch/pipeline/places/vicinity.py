"""Places the gazetteer does not know, located by the article's other places.

Takes the resolutions of one article after joint resolution; gives each toponym that the
gazetteer cannot place a ``vicinity`` candidate: "Barclays Center", "the Faubourg Marigny",
"Woodman Point", a village below every population cut-off. Those are venues, neighbourhoods,
facilities and small places, and news names them next to the town they are in, or in an
article about that town. So the candidate takes the point of the settlement the text
attaches it to ("X in Geneva", "X, Oxford."), else of the nearest settlement named within a
few sentences, else of the settlement the article names most often. When more than half of
the article's places are in one country, only that country's settlements are guessed (a
settlement abroad named nearby is more often a comparison than a container). Every mention
of one name takes the same point (one sense per discourse).

A toponym gets one when it has no candidate at all, or when its only candidates are places
named inside it ("Hatch" in "Brands Hatch") and none of them lies near any other place of
the article. Its precision is ``near``, its confidence is low and fixed, and it has no
gazetteer id: it says where the text puts the place, not which gazetteer entry it is. An
article that names no settlement leaves such toponyms as they were.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence, Set
from dataclasses import replace
from typing import TYPE_CHECKING, TypeGuard

from frontwatch.gazetteer.geo import distance_km
from frontwatch.gazetteer.lookup import Candidate
from frontwatch.gazetteer.names import name_key

if TYPE_CHECKING:
    from frontwatch.pipeline.places.resolve import Resolution, Weights

__all__ = ["VICINITY", "locate_unknown", "place_inside"]

VICINITY = "vicinity"
"""The kind (and the ``matched`` value) of a candidate placed by the article's context."""
_SETTLEMENTS = {"settlement", "capital"}
_FALLBACKS = (
    (_SETTLEMENTS, "near"),
    ({"admin1", "admin2"}, "region"),
    ({"country"}, "country"),
)
_CONNECTOR = re.compile(r"\s*(,|\bin|\bat|\bnear|\boutside)\s*(?:the\s+)?")
_PHRASE_END = {"", ",", ".", ";", ":", ")", "\n"}
# "Bank of Japan", "US Federal Reserve": an institution named after a country is in it.
_NAMESAKES = {"country", "continent", "admin1"}
# "the New York Auto Show", "the London Marathon": an event or venue named after a big city
# is in it; a small place inside a name ("Hatch" in "Brands Hatch") is often a coincidence.
_PROMINENT = 500_000


def locate_unknown(
    text: str, resolutions: Sequence[Resolution], weights: Weights, skip: Set[int] = frozenset()
) -> None:
    """Give the unknown toponyms of ``text`` a vicinity candidate (in place), except those at
    the indexes in ``skip``."""
    chosen = [(r, r.best) for i, r in enumerate(resolutions) if i not in skip]
    placed = [(r.toponym.start, best) for r, best in chosen if _placed(best)]
    anchors, precision = _anchors(placed)
    if not anchors:
        return
    # An article about one country places its unknown names there, even when a settlement
    # abroad happens to be named closer to them.
    focus = _focus_country(placed)
    inside = [(start, best) for start, best in anchors if best.country == focus]
    mentions = Counter(best.id for _, best in anchors)
    ends = {r.toponym.start: r.toponym.end for r in resolutions}
    unknown: dict[str, list[tuple[Resolution, Candidate, bool]]] = defaultdict(list)
    for resolution, best in chosen:
        if best is not None and best.matched != "part":
            continue
        attached = _attached(text, resolution, anchors, ends)
        if (
            best is not None
            and attached is None
            and (
                best.kind in _NAMESAKES
                or best.population >= _PROMINENT
                or _near_another(best, resolution.toponym.start, placed, weights.vicinity_keep_km)
            )
        ):
            continue
        anchor = attached or _anchor(
            resolution.toponym.start, inside or anchors, mentions, weights.vicinity_window
        )
        unknown[name_key(resolution.toponym.text)].append((resolution, anchor, bool(attached)))
    # One sense per discourse: every mention of a name takes the anchor the text attaches to
    # one of them, else the one most of them have.
    for group in unknown.values():
        votes = Counter(anchor.id for _, anchor, said in group for _ in range(1 + 9 * said))
        common = next(a for _, a, _ in group if votes[a.id] == max(votes.values()))
        for resolution, _, _ in group:
            _add(resolution, common, weights.vicinity_confidence, precision)


def _anchors(placed: list[tuple[int, Candidate]]) -> tuple[list[tuple[int, Candidate]], str]:
    """The places unknown names may be put at, and the precision that gives: settlements;
    in an article that names none, its regions, then its countries (a guess at one of them
    is coarse, but far better than none)."""
    for kinds, precision in _FALLBACKS:
        anchors = [(start, best) for start, best in placed if best.kind in kinds]
        if anchors:
            return anchors, precision
    return [], "near"


def _attached(
    text: str,
    resolution: Resolution,
    anchors: list[tuple[int, Candidate]],
    ends: dict[int, int],
) -> Candidate | None:
    """The settlement the text says the toponym is in: "the Palais des Nations in Geneva",
    "Gladstone Road, Headington, Oxford." A comma attaches only a settlement that ends the
    phrase ("Beyond Madinaty, Liverpool have" attaches nothing)."""
    end = resolution.toponym.end
    for start, best in anchors:
        connector = _CONNECTOR.fullmatch(text[end:start]) if end <= start <= end + 12 else None
        if connector is None:
            continue
        after = text[ends.get(start, start) :][:1]
        if connector.group(1) != "," or after in _PHRASE_END:
            return best
    return None


def _focus_country(placed: list[tuple[int, Candidate]]) -> str | None:
    """The country that more than half of the article's placed mentions are in, if any."""
    countries = Counter(best.country for _, best in placed if best.country)
    if not countries:
        return None
    country, count = countries.most_common(1)[0]
    return country if 2 * count > len(placed) else None


def _placed(candidate: Candidate | None) -> TypeGuard[Candidate]:
    return (
        candidate is not None
        and candidate.matched not in {"part", VICINITY}
        and candidate.lat is not None
        and candidate.lon is not None
    )


def _near_another(
    candidate: Candidate, start: int, placed: list[tuple[int, Candidate]], km: float
) -> bool:
    """Whether a place named inside the toponym lies near another place of the article."""
    if candidate.lat is None or candidate.lon is None:
        return False
    return any(
        distance_km(candidate.lat, candidate.lon, point.lat, point.lon) <= km  # type: ignore[arg-type]
        for other, point in placed
        if other != start
    )


def _anchor(
    start: int, anchors: list[tuple[int, Candidate]], mentions: Counter[str], window: int
) -> Candidate:
    """The nearest settlement named within ``window`` characters, else the most named one
    (the first named among equals)."""
    close = [(abs(at - start), best) for at, best in anchors if abs(at - start) <= window]
    if close:
        return min(close, key=lambda pair: pair[0])[1]
    return max(anchors, key=lambda pair: (mentions[pair[1].id], -pair[0]))[1]


def place_inside(resolution: Resolution, container: Candidate, confidence: float) -> None:
    """Place a toponym at the region the text puts it in ("Rockingham, Northamptonshire"
    when the gazetteer knows no Rockingham there), with precision ``region``."""
    _add(resolution, container, confidence, precision="region")


def _add(
    resolution: Resolution, anchor: Candidate, confidence: float, precision: str = "near"
) -> None:
    candidate = replace(
        anchor,
        rowid=-1,
        id=f"{VICINITY}:{anchor.id}",
        name=resolution.toponym.text.strip(),
        kind=VICINITY,
        precision=precision,
        population=0,
        prominence=0,
        source=VICINITY,
        matched=VICINITY,
    )
    others = list(resolution.candidates)
    rest = resolution.probabilities or [0.0] * len(others)
    share = sum(rest) or 1.0
    resolution.candidates = [candidate, *others]
    resolution.scores = [max(resolution.scores, default=0.0) + 1.0, *resolution.scores]
    resolution.probabilities = [
        confidence,
        *[(1.0 - confidence) * p / share for p in rest],
    ]
