"""Control-event evaluation against hand-annotated report paragraphs.

The gold file is JSON lines, one annotated paragraph each (``tests/golden/README.md``)::

    {"file": "2022-06-15.html.gz", "report_date": "2022-06-15", "index": 7,
     "paragraph": "<16 hex>", "events": [{"settlement": "Severodonetsk",
     "aliases": ["Sievierodonetsk"], "side": "RU", "kind": "control.capture",
     "modality": "negated", "claimant": null, "claimant_side": null, "date": null}]}

Paragraphs are found by hash (:mod:`frontwatch.evaluation.paragraphs`) in the user's copy of
the reports, so the gold carries no report text. Every report is run through the full
pipeline with its report date as the publication date; the control events
(``control.capture``, ``control.withdrawal``, ``control.advance``) whose evidence starts in an
annotated paragraph are the predictions for that paragraph. Like the gold, they are limited to
settlements: events placed at a resolved oblast, river or region are not scored (unresolved
names are, by name).

Scores:

- **P/R/F1** on (settlement, gaining side, kind), matched one to one within a paragraph. The
  gaining side is the actor's side for captures and advances and the other side for
  withdrawals. A predicted settlement matches when its gazetteer id is among the gazetteer's
  candidates for the gold name or an alias, or when the names agree after folding;
- **modality accuracy**, **date accuracy** and **claimant accuracy** over the matched pairs.
  A date is right when the predicted span equals the gold day or range, or when both are
  absent; a claimant is right when both are absent or the predicted chain has a claimant of
  the gold claimant's side.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from frontwatch.config import Settings
from frontwatch.errors import FrontwatchError, InputError
from frontwatch.gazetteer.names import name_key
from frontwatch.model import OPPOSITE, Event
from frontwatch.pipeline.ingest import IngestOptions, Ingestor

__all__ = ["GoldError", "GoldEvent", "GoldParagraph", "evaluate_events", "read_gold", "score"]

CONTROL_TYPES = ("control.capture", "control.withdrawal", "control.advance")
SETTLEMENT_KINDS = frozenset({"settlement", "capital"})


class GoldError(FrontwatchError):
    """The gold file is malformed."""


@dataclass(frozen=True)
class GoldEvent:
    settlement: str
    aliases: tuple[str, ...]
    side: str
    kind: str
    modality: str
    claimant: str | None
    claimant_side: str | None
    earliest: dt.date | None
    latest: dt.date | None


@dataclass(frozen=True)
class GoldParagraph:
    file: str
    report_date: dt.date | None
    index: int | None
    paragraph: str
    events: tuple[GoldEvent, ...]


@dataclass(frozen=True)
class Predicted:
    """A predicted control event reduced to what is scored."""

    settlement: str
    gazetteer_id: str | None
    side: str | None
    kind: str
    modality: str
    claimant_sides: tuple[str | None, ...]
    earliest: dt.date | None
    latest: dt.date | None
    event_id: str


@dataclass
class _Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    modality: list[tuple[str, str]] = field(default_factory=list)
    dates: list[bool] = field(default_factory=list)
    claimants: list[bool] = field(default_factory=list)
    by_kind: dict[str, Counter[str]] = field(default_factory=dict)
    errors: list[dict[str, Any]] = field(default_factory=list)


def read_gold(path: Path) -> list[GoldParagraph]:
    """Read a gold JSONL file; errors name the file and line."""
    paragraphs = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{path}: cannot read the gold file ({exc})") from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            events = tuple(_gold_event(event) for event in raw["events"])
            report = raw.get("report_date")
            paragraphs.append(
                GoldParagraph(
                    file=str(raw["file"]),
                    report_date=dt.date.fromisoformat(report) if report else None,
                    index=raw.get("index"),
                    paragraph=str(raw["paragraph"]),
                    events=events,
                )
            )
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
            raise GoldError(f"{path}:{number}: malformed gold line ({exc!r})") from None
    if not paragraphs:
        raise GoldError(f"{path}: no annotated paragraphs")
    return paragraphs


def _gold_event(raw: dict[str, Any]) -> GoldEvent:
    date = raw.get("date")
    earliest = latest = None
    if isinstance(date, str):
        earliest = latest = dt.date.fromisoformat(date)
    elif isinstance(date, dict):
        earliest = dt.date.fromisoformat(date["earliest"]) if date.get("earliest") else None
        latest = dt.date.fromisoformat(date["latest"]) if date.get("latest") else None
    if raw["kind"] not in CONTROL_TYPES:
        raise ValueError(f"unknown kind {raw['kind']!r}")
    if raw["side"] not in {"UA", "RU"}:
        raise ValueError(f"side must be UA or RU, not {raw['side']!r}")
    return GoldEvent(
        settlement=raw["settlement"],
        aliases=tuple(raw.get("aliases") or ()),
        side=raw["side"],
        kind=raw["kind"],
        modality=raw["modality"],
        claimant=raw.get("claimant"),
        claimant_side=raw.get("claimant_side"),
        earliest=earliest,
        latest=latest,
    )


def predicted(event: Event) -> Predicted | None:
    """The scored view of an event; None for events that are not control events."""
    if event.type not in CONTROL_TYPES or event.place is None:
        return None
    if event.place.gazetteer_id is not None and event.place.kind not in SETTLEMENT_KINDS:
        return None  # the gold annotates settlements only (an advance into an oblast is not scored)
    side: str | None = event.actor.side if event.actor is not None else None
    if event.type == "control.withdrawal":
        side = OPPOSITE.get(side or "")
    return Predicted(
        settlement=event.place.name,
        gazetteer_id=event.place.gazetteer_id,
        side=side,
        kind=event.type,
        modality=event.modality,
        claimant_sides=tuple(c.side for c in event.attribution),
        earliest=event.time.earliest if event.time else None,
        latest=event.time.latest if event.time else None,
        event_id=event.id,
    )


def score(
    pairs: Iterable[tuple[GoldParagraph, list[Predicted]]],
    same_place: Callable[[GoldEvent, Predicted], bool],
) -> dict[str, Any]:
    """Score predictions per paragraph against the gold."""
    tally = _Tally()
    paragraphs = 0
    for gold, predictions in pairs:
        paragraphs += 1
        remaining = _one_per_key(predictions)
        for event in gold.events:
            kind = tally.by_kind.setdefault(event.kind, Counter())
            match = next(
                (
                    p
                    for p in remaining
                    if p.kind == event.kind and p.side == event.side and same_place(event, p)
                ),
                None,
            )
            if match is None:
                tally.fn += 1
                kind["fn"] += 1
                tally.errors.append(_error("missed", gold, event, None))
                continue
            remaining.remove(match)
            tally.tp += 1
            kind["tp"] += 1
            tally.modality.append((event.modality, match.modality))
            tally.dates.append(_same_date(event, match))
            tally.claimants.append(_same_claimant(event, match))
            if event.modality != match.modality:
                tally.errors.append(_error("modality", gold, event, match))
        for extra in remaining:
            tally.fp += 1
            tally.by_kind.setdefault(extra.kind, Counter())["fp"] += 1
            tally.errors.append(_error("spurious", gold, None, extra))
    precision = tally.tp / (tally.tp + tally.fp) if tally.tp + tally.fp else 0.0
    recall = tally.tp / (tally.tp + tally.fn) if tally.tp + tally.fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    confusion: Counter[str] = Counter(f"{g}->{p}" for g, p in tally.modality if g != p)
    return {
        "paragraphs": paragraphs,
        "gold_events": tally.tp + tally.fn,
        "predicted_events": tally.tp + tally.fp,
        "tp": tally.tp,
        "fp": tally.fp,
        "fn": tally.fn,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "modality_accuracy": _share([g == p for g, p in tally.modality]),
        "date_accuracy": _share(tally.dates),
        "claimant_accuracy": _share(tally.claimants),
        "by_kind": {
            kind: {
                "tp": c["tp"],
                "fp": c["fp"],
                "fn": c["fn"],
                "f1": round(2 * c["tp"] / (2 * c["tp"] + c["fp"] + c["fn"]), 4)
                if c["tp"] + c["fp"] + c["fn"]
                else 0.0,
            }
            for kind, c in sorted(tally.by_kind.items())
        },
        "modality_confusion": dict(confusion.most_common()),
        "errors": tally.errors,
    }


def _one_per_key(predictions: list[Predicted]) -> list[Predicted]:
    """One prediction per (settlement, side, kind) and paragraph, as the gold annotates an
    event stated twice in a paragraph once, with ISW's own stance when ISW and a party both
    describe it: a prediction in the report's own voice wins over a party's claim."""
    chosen: dict[tuple[str, str | None, str], Predicted] = {}
    for prediction in predictions:
        key = (
            prediction.gazetteer_id or name_key(prediction.settlement),
            prediction.side,
            prediction.kind,
        )
        held = chosen.get(key)
        if held is None or (_party_voice(held) and not _party_voice(prediction)):
            chosen[key] = prediction
    return list(chosen.values())


def _party_voice(prediction: Predicted) -> bool:
    return prediction.modality in {"claimed", "denied"}


def evaluate_events(
    gold_path: Path,
    reports: Path,
    settings: Settings | None = None,
    *,
    pipeline: Any = None,
    progress: Callable[[int], None] | None = None,
) -> dict[str, Any]:
    """Run the pipeline over the reports the gold names and score its control events."""
    from frontwatch.evaluation.paragraphs import paragraphs as split
    from frontwatch.gazetteer.lookup import Gazetteer
    from frontwatch.pipeline.runner import Pipeline

    settings = settings or Settings()
    gold = read_gold(gold_path)
    pipeline = pipeline or Pipeline.from_settings(settings)
    gazetteer = Gazetteer.from_settings(settings)
    by_file: dict[str, list[GoldParagraph]] = {}
    for paragraph in gold:
        by_file.setdefault(paragraph.file, []).append(paragraph)
    pairs: list[tuple[GoldParagraph, list[Predicted]]] = []
    missing: list[str] = []
    for done, (name, annotated) in enumerate(sorted(by_file.items()), 1):
        path = reports / name
        if not path.is_file():
            raise InputError(str(path), "report named in the gold file not found")
        published = annotated[0].report_date
        batch = Ingestor(settings, IngestOptions(published=published)).ingest([path])
        if batch.failures or not batch.articles:
            reason = batch.failures[0].reason if batch.failures else "no text"
            raise InputError(str(path), reason)
        (analysis,) = list(pipeline.run(batch))
        blocks = {p.hash: p for p in split(analysis.article)}
        for paragraph in annotated:
            block = blocks.get(paragraph.paragraph)
            if block is None:
                missing.append(f"{name}#{paragraph.index}:{paragraph.paragraph}")
                continue
            found = [
                p
                for event in analysis.events or ()
                if block.start <= event.evidence[0].start < block.end
                and (p := predicted(event)) is not None
            ]
            pairs.append((paragraph, found))
        if progress is not None:
            progress(done)
    cache: dict[str, set[str]] = {}

    def ids(name: str) -> set[str]:
        if name not in cache:
            cache[name] = {c.id for c in gazetteer.candidates(name)}
        return cache[name]

    def same_place(event: GoldEvent, prediction: Predicted) -> bool:
        names = (event.settlement, *event.aliases)
        keys = {name_key(n) for n in names}
        if name_key(prediction.settlement) in keys:
            return True
        return prediction.gazetteer_id is not None and any(
            prediction.gazetteer_id in ids(n) for n in names
        )

    result = score(pairs, same_place)
    result["reports"] = len(by_file)
    result["missing_paragraphs"] = missing
    return result


def _same_date(event: GoldEvent, prediction: Predicted) -> bool:
    return (event.earliest, event.latest) == (prediction.earliest, prediction.latest)


def _same_claimant(event: GoldEvent, prediction: Predicted) -> bool:
    if event.claimant is None and event.claimant_side is None:
        return not prediction.claimant_sides
    if event.claimant_side is None:
        return bool(prediction.claimant_sides)
    return event.claimant_side in prediction.claimant_sides


def _share(values: list[bool]) -> float | None:
    return round(sum(values) / len(values), 4) if values else None


def _error(
    what: str, gold: GoldParagraph, event: GoldEvent | None, prediction: Predicted | None
) -> dict[str, Any]:
    return {
        "error": what,
        "file": gold.file,
        "index": gold.index,
        "paragraph": gold.paragraph,
        "gold": None
        if event is None
        else {
            "settlement": event.settlement,
            "side": event.side,
            "kind": event.kind,
            "modality": event.modality,
        },
        "predicted": None
        if prediction is None
        else {
            "settlement": prediction.settlement,
            "side": prediction.side,
            "kind": prediction.kind,
            "modality": prediction.modality,
        },
    }
