"""Geoparsing evaluation on the XML corpora of Gritta et al. (LGL, GeoWebNews, TR-News).

Takes a corpus file in either of the two layouts those corpora use and returns one dict of
scores, with the benchmark papers' metric definitions:

- for each gold toponym with coordinates, ``km`` is the great-circle distance (haversine,
  R = 6371 km) between the predicted and the gold point; a toponym the system leaves
  unresolved, or (end to end) does not recognize, counts as 20,039 km, the largest error;
- ``acc161``: share with ``km <= 161``; ``auc``: the area under the sorted ``ln(km + 1)``
  curve (trapezoid rule) divided by ``ln(20039) * (n - 1)``, lower is better; ``mean_km`` and
  ``median_km``; ``n``: the number of gold toponyms scored.

Layouts. *LGL / TR-News*: ``<article><text>`` with ``<toponym><start><end><phrase>`` and, for
toponyms with a location, ``<gaztag><lat><lon>``. *GeoWebNews*: ``<article><text>`` with
``<toponym><extractedName><type><start><end>`` and ``<latitude><longitude>``. Geocoding gold
is every toponym with coordinates; for GeoWebNews only those with a ``geonamesID`` too (the
2,401 of the paper), unless ``all_coordinates``.

With gold spans, ``candidate_acc161`` is the share of gold toponyms with at least one
candidate within 161 km: the acc161 a perfect choice among the gazetteer's candidates would
reach, which separates what the gazetteer lacks from what the resolver gets wrong.

Recognition (without gold spans) is scored on spans: a predicted toponym is correct when it
has exactly the span of a gold toponym (``strict``) or overlaps one (``overlap``). Gold
toponyms for recognition are all annotated toponyms of LGL/TR-News; of GeoWebNews, the types
that name a place literally or by association (Literal, Literal_Modifier, Embedded_Literal,
Metonymic, Mixed, Non_Literal_Modifier, Embedded_Non_Lit), not the surrounding expressions
(Literal_Expression, Non_Lit_Expression) nor non-toponyms (Non_Toponym, Demonym, Language,
Homonym, Coercion).
"""

from __future__ import annotations

import math
import statistics
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from frontwatch.config import Settings
from frontwatch.errors import FrontwatchError
from frontwatch.gazetteer.geo import distance_km

__all__ = [
    "GoldDocument",
    "GoldToponym",
    "evaluate",
    "read_corpus",
    "score_geocoding",
    "score_spans",
]

MAX_KM = 20039.0
# GeoWebNews types that name a place (literally or by association); the rest are the
# surrounding expressions ("the country", "officials") or non-toponyms.
_TOPONYM_TYPES = {
    "Literal",
    "Literal_Modifier",
    "Embedded_Literal",
    "Metonymic",
    "Mixed",
    "Non_Literal_Modifier",
    "Embedded_Non_Lit",
}


@dataclass(frozen=True)
class GoldToponym:
    """An annotated toponym."""

    start: int
    end: int
    text: str
    lat: float | None
    lon: float | None
    kind: str | None = None
    """GeoWebNews' type (Literal, Metonymic, Demonym, ...); None in LGL."""
    geocoding: bool = False
    """Whether the toponym is a geocoding target."""
    recognition: bool = True
    """Whether the toponym counts as a toponym for recognition."""


@dataclass(frozen=True)
class GoldDocument:
    """An article and its annotations."""

    id: str
    text: str
    toponyms: tuple[GoldToponym, ...]


def read_corpus(path: Path, *, all_coordinates: bool = False) -> list[GoldDocument]:
    """Read an LGL-style or GeoWebNews-style XML corpus."""
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as exc:
        raise FrontwatchError(f"{path}: cannot read the corpus XML ({exc})") from None
    documents = []
    for number, article in enumerate(root.iter("article")):
        text = article.findtext("text") or ""
        doc_id = article.get("docid") or article.get("file") or str(number)
        toponyms = tuple(_toponym(element, all_coordinates) for element in article.iter("toponym"))
        documents.append(GoldDocument(doc_id, text, toponyms))
    if not documents:
        raise FrontwatchError(f"{path}: no <article> elements; is this a gritta-xml corpus?")
    return documents


def _toponym(element: ET.Element, all_coordinates: bool) -> GoldToponym:
    start, end = int(element.findtext("start") or 0), int(element.findtext("end") or 0)
    if element.find("gaztag") is not None or element.find("phrase") is not None:
        lat, lon = element.findtext("gaztag/lat"), element.findtext("gaztag/lon")
        return GoldToponym(
            start,
            end,
            element.findtext("phrase") or "",
            float(lat) if lat else None,
            float(lon) if lon else None,
            geocoding=lat is not None and lon is not None,
        )
    lat, lon = element.findtext("latitude"), element.findtext("longitude")
    kind = element.findtext("type")
    has_id = bool((element.findtext("geonamesID") or "").strip())
    located = lat is not None and lon is not None
    return GoldToponym(
        start,
        end,
        element.findtext("extractedName") or "",
        float(lat) if lat else None,
        float(lon) if lon else None,
        kind=kind,
        geocoding=located and (has_id or all_coordinates),
        recognition=kind in _TOPONYM_TYPES,
    )


def score_geocoding(errors_km: Sequence[float]) -> dict[str, Any]:
    """acc161, AUC, mean and median km over per-toponym errors."""
    n = len(errors_km)
    if n == 0:
        return {"n": 0, "acc161": None, "auc": None, "mean_km": None, "median_km": None}
    logs = sorted(math.log(km + 1) for km in errors_km)
    area = sum((logs[i] + logs[i + 1]) / 2 for i in range(n - 1))
    auc = area / (math.log(MAX_KM) * (n - 1)) if n > 1 else logs[0] / math.log(MAX_KM)
    return {
        "n": n,
        "acc161": round(sum(km <= 161 for km in errors_km) / n, 4),
        "auc": round(auc, 4),
        "mean_km": round(statistics.fmean(errors_km), 1),
        "median_km": round(statistics.median(errors_km), 1),
    }


def score_spans(
    gold: Sequence[tuple[int, ...]], predicted: Sequence[tuple[int, ...]]
) -> dict[str, dict[str, float]]:
    """Span precision, recall and F1, strict (same offsets) and overlap.

    A span is ``(start, end)`` or ``(document, start, end)``: spans only match within the
    same document.
    """
    by_doc_gold = _by_document(gold)
    by_doc_pred = _by_document(predicted)
    result = {}
    for mode, match in (("strict", _same), ("overlap", _overlap)):
        hits_p = sum(
            any(match(p, g) for g in by_doc_gold.get(doc, ()))
            for doc, spans in by_doc_pred.items()
            for p in spans
        )
        hits_g = sum(
            any(match(p, g) for p in by_doc_pred.get(doc, ()))
            for doc, spans in by_doc_gold.items()
            for g in spans
        )
        precision = hits_p / len(predicted) if predicted else 0.0
        recall = hits_g / len(gold) if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        result[mode] = {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
        }
    return result


def _by_document(spans: Sequence[tuple[int, ...]]) -> dict[tuple[int, ...], list[tuple[int, int]]]:
    grouped: dict[tuple[int, ...], list[tuple[int, int]]] = {}
    for span in spans:
        grouped.setdefault(span[:-2], []).append((span[-2], span[-1]))
    return grouped


def error_km(toponym: GoldToponym, point: tuple[float, float] | None) -> float:
    """Distance between a prediction and the gold point (the maximum when unresolved)."""
    if point is None or toponym.lat is None or toponym.lon is None:
        return MAX_KM
    return distance_km(toponym.lat, toponym.lon, point[0], point[1])


def _same(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a == b


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def evaluate(
    path: Path,
    *,
    gold_spans: bool,
    settings: Settings,
    all_coordinates: bool = False,
    progress: Callable[[int], None] | None = None,
) -> dict[str, Any]:
    """Score frontwatch's geoparser on one corpus file (see the module docstring)."""
    from frontwatch.gazetteer.lookup import Gazetteer
    from frontwatch.pipeline.places.resolve import Resolver, Toponym

    documents = read_corpus(path, all_coordinates=all_coordinates)
    gazetteer = Gazetteer.from_settings(settings)
    errors: list[float] = []
    unresolved = 0
    gold_all: list[tuple[int, int, int]] = []
    predicted_all: list[tuple[int, int, int]] = []
    resolved_count = 0
    reachable = 0
    start = time.perf_counter()
    if gold_spans:
        resolver = Resolver(gazetteer)
        for number, document in enumerate(documents):
            toponyms = [t for t in document.toponyms if t.recognition or t.geocoding]
            spans = [
                Toponym(t.start, t.end, document.text[t.start : t.end], demonym=True)
                for t in toponyms
            ]
            resolutions = resolver.resolve(document.text, spans)
            resolved_count += len(resolutions)
            for toponym, resolution in zip(toponyms, resolutions, strict=True):
                if not toponym.geocoding:
                    continue
                best = resolution.best
                point = (
                    (best.lat, best.lon)
                    if best and best.lat is not None and best.lon is not None
                    else None
                )
                unresolved += point is None
                errors.append(error_km(toponym, point))
                reachable += any(
                    error_km(toponym, (c.lat, c.lon)) <= 161
                    for c in resolution.candidates
                    if c.lat is not None and c.lon is not None
                )
            if progress:
                progress(number + 1)
    else:
        predictions = _end_to_end(documents, settings, progress)
        for number, (document, predicted) in enumerate(zip(documents, predictions, strict=True)):
            by_span = {(s, e): point for s, e, point in predicted}
            resolved_count += len(predicted)
            predicted_all += [(number, s, e) for s, e, _ in predicted]
            gold_all += [(number, t.start, t.end) for t in document.toponyms if t.recognition]
            for toponym in document.toponyms:
                if not toponym.geocoding:
                    continue
                point = by_span.get((toponym.start, toponym.end))
                if point is None:  # a recognized span that overlaps the gold one counts
                    point = next(
                        (
                            p
                            for (s, e), p in by_span.items()
                            if s < toponym.end and toponym.start < e
                        ),
                        None,
                    )
                unresolved += point is None
                errors.append(error_km(toponym, point))
    seconds = time.perf_counter() - start
    result: dict[str, Any] = {
        "corpus": str(path),
        "format": "gritta-xml",
        "gold_spans": gold_spans,
        "documents": len(documents),
        **score_geocoding(errors),
        "unresolved": unresolved,
        "unresolved_policy": f"unresolved or unrecognized toponyms count as {MAX_KM:.0f} km",
        "toponyms_per_s": round(resolved_count / seconds) if seconds else None,
    }
    if gold_spans:
        result["candidate_acc161"] = round(reachable / len(errors), 4) if errors else None
    else:
        result["recognition"] = score_spans(gold_all, predicted_all)
    return result


def _end_to_end(
    documents: list[GoldDocument],
    settings: Settings,
    progress: Callable[[int], None] | None,
) -> list[list[tuple[int, int, tuple[float, float] | None]]]:
    """Recognize and resolve with the frontwatch pipeline, as ``analyze`` does."""
    from frontwatch.model import Article
    from frontwatch.pipeline import Pipeline
    from frontwatch.pipeline.dedup import content_id

    pipeline = Pipeline.from_settings(settings)
    articles = (
        Article(id=content_id(f"{number}:{document.text}"), text=document.text or " ")
        for number, document in enumerate(documents)
    )
    results = []
    for number, analysis in enumerate(pipeline.run_articles(articles)):
        results.append(
            [
                (
                    mention.start,
                    mention.end,
                    (mention.place.lat, mention.place.lon)
                    if mention.place.lat is not None and mention.place.lon is not None
                    else None,
                )
                for mention in analysis.places or ()
            ]
        )
        if progress:
            progress(number + 1)
    return results
