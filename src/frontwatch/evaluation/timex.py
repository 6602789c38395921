"""Temporal expression evaluation on TimeML ``.tml`` files (TimeBank, TempEval-3 style).

Takes a folder of TimeML documents with a document creation time (the ``TIMEX3`` inside
``<DCT>``); runs :meth:`~frontwatch.pipeline.dates.TimeFinder.find` on each document's
``<TEXT>``, anchored at the DCT's date, with ``split_ranges`` (a range is scored as its two
ends, as TimeML annotates them); returns the scores as a dict (:func:`evaluate`). Fails with
:class:`TimexCorpusError` naming the folder or file when there is nothing to read or a file is
not TimeML.

Scoring (the DCT itself is input, never scored):

- **Extent**, relaxed: a predicted and a gold expression match when their character spans
  overlap; matching is one-to-one (each gold takes the unmatched prediction that overlaps it
  most). ``precision = matched / n_pred``, ``recall = matched / n_gold``. ``strict_f1``
  counts identical spans only (prepositions that frontwatch keeps, such as "on" in "on
  Saturday", make strict extents differ from TimeML's by design).
- **Value accuracy** (``value_accuracy_date``): among matched pairs whose gold type is DATE,
  the share whose ``value`` strings are identical.
- **Value F1**, as TempEval-3 defines attribute F1 (UzZaman et al. 2013): with ``correct``
  the matched pairs whose values are identical, ``P = correct / n_pred``,
  ``R = correct / n_gold``, F1 their harmonic mean; that is, relaxed extent F1 times value
  accuracy. Values compare as exact strings: an underspecified gold value (``XXXX-WXX``,
  ``PAST_REF``) must be predicted as such.
- **DATE scores** (``date``; the quality gate): the same value P/R/F1 restricted to gold DATE
  expressions. Predictions count when they match a gold DATE, or match nothing and are of a
  date kind (``date`` or ``range``); predictions that match a gold DURATION, TIME or SET are
  left out of the DATE figures rather than counted as false positives.
"""

from __future__ import annotations

import datetime as dt
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from frontwatch.errors import FrontwatchError
from frontwatch.model import TimeExpression

__all__ = [
    "GoldTimex",
    "TimeMLDocument",
    "TimexCorpusError",
    "corpus_files",
    "evaluate",
    "read_timeml",
    "score",
]

Finder = Callable[[str, dt.date], Sequence[TimeExpression]]
"""Text and DCT → predicted expressions (offsets into the text)."""


class TimexCorpusError(FrontwatchError):
    """The folder has no TimeML files, or a file is not valid TimeML with a DCT."""


@dataclass(frozen=True)
class GoldTimex:
    """One annotated ``TIMEX3`` of a document's text."""

    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True)
class TimeMLDocument:
    """A TimeML document: its name, creation date, plain text and gold expressions."""

    name: str
    dct: dt.date
    text: str
    gold: tuple[GoldTimex, ...]


def read_timeml(path: Path) -> TimeMLDocument:
    """Parse one ``.tml`` file, rebuilding the text's character offsets."""
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as exc:
        raise TimexCorpusError(f"{path}: not readable TimeML ({exc})") from None
    for element in root.iter():  # some TimeML files put their elements in a namespace
        element.tag = element.tag.rsplit("}", 1)[-1]
    dct_el = root.find("DCT/TIMEX3")
    text_el = root.find("TEXT")
    if dct_el is None or text_el is None:
        raise TimexCorpusError(f"{path}: no <DCT><TIMEX3> or no <TEXT> element")
    try:
        dct = dt.date.fromisoformat((dct_el.get("value") or "")[:10])
    except ValueError:
        raise TimexCorpusError(f"{path}: DCT value {dct_el.get('value')!r} is not a date") from None
    pieces: list[str] = []
    gold: list[GoldTimex] = []
    offset = 0

    def walk(element: ET.Element) -> None:
        nonlocal offset
        if element.text:
            pieces.append(element.text)
            offset += len(element.text)
        for child in element:
            start = offset
            walk(child)
            if child.tag == "TIMEX3":
                covered = "".join(child.itertext())
                kind, value = child.get("type") or "", child.get("value") or ""
                gold.append(GoldTimex(start, offset, covered, kind, value))
            if child.tail:
                pieces.append(child.tail)
                offset += len(child.tail)

    walk(text_el)
    return TimeMLDocument(path.stem, dct, "".join(pieces), tuple(gold))


def _kind_type(kind: str) -> str:
    return {"duration": "DURATION", "set": "SET"}.get(kind, "DATE")


def _match(
    gold: Sequence[GoldTimex], predicted: Sequence[TimeExpression]
) -> list[tuple[GoldTimex, TimeExpression]]:
    """One-to-one relaxed matching: each gold takes the free prediction it overlaps most."""
    taken: set[int] = set()
    pairs = []
    for item in gold:
        best, best_overlap = -1, 0
        for index, guess in enumerate(predicted):
            overlap = min(item.end, guess.end) - max(item.start, guess.start)
            if index not in taken and overlap > best_overlap:
                best, best_overlap = index, overlap
        if best >= 0:
            taken.add(best)
            pairs.append((item, predicted[best]))
    return pairs


def _f1(correct: int, n_pred: int, n_gold: int) -> dict[str, float]:
    precision = correct / n_pred if n_pred else 0.0
    recall = correct / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def score(results: Iterable[tuple[TimeMLDocument, Sequence[TimeExpression]]]) -> dict[str, Any]:
    """Scores of predictions against gold, summed over documents (see the module)."""
    n_gold = n_pred = matched = strict = correct = 0
    date_gold = date_pred = date_matched = date_correct = 0
    errors: list[dict[str, str]] = []
    for document, predicted in results:
        pairs = _match(document.gold, predicted)
        n_gold += len(document.gold)
        n_pred += len(predicted)
        matched += len(pairs)
        date_gold += sum(1 for g in document.gold if g.type == "DATE")
        matched_ids = {id(guess) for _, guess in pairs}
        date_pred += sum(
            1 for p in predicted if id(p) not in matched_ids and _kind_type(p.kind) == "DATE"
        )
        for gold, guess in pairs:
            same = guess.value == gold.value
            strict += (gold.start, gold.end) == (guess.start, guess.end)
            correct += same
            if gold.type == "DATE":
                date_pred += 1
                date_matched += 1
                date_correct += same
                if not same:
                    errors.append(_error(document, gold, guess))
        for gold in document.gold:
            if gold.type == "DATE" and all(gold is not g for g, _ in pairs):
                errors.append(_error(document, gold, None))
    extent = _f1(matched, n_pred, n_gold)
    extent["strict_f1"] = _f1(strict, n_pred, n_gold)["f1"]
    date = _f1(date_correct, date_pred, date_gold)
    return {
        "n_gold": n_gold,
        "n_pred": n_pred,
        "extent": extent,
        "value_accuracy_date": round(date_correct / date_matched, 4) if date_matched else 0.0,
        "value_f1": _f1(correct, n_pred, n_gold)["f1"],
        "value": _f1(correct, n_pred, n_gold),
        "date": {
            "n_gold": date_gold,
            "n_pred": date_pred,
            "matched": date_matched,
            "value_precision": date["precision"],
            "value_recall": date["recall"],
            "value_f1": date["f1"],
        },
        "date_errors": errors,
    }


def _error(
    document: TimeMLDocument, gold: GoldTimex, guess: TimeExpression | None
) -> dict[str, str]:
    return {
        "doc": document.name,
        "dct": document.dct.isoformat(),
        "gold": gold.text,
        "gold_value": gold.value,
        "pred": guess.text if guess else "",
        "pred_value": (guess.value or "") if guess else "",
        "context": document.text[max(0, gold.start - 60) : gold.end + 40].replace("\n", " "),
    }


def corpus_files(directory: Path) -> list[Path]:
    """The ``.tml`` files under ``directory`` (recursively), sorted; macOS ``._`` files skipped."""
    if not directory.is_dir():
        raise TimexCorpusError(f"{directory}: no such directory")
    files = sorted(p for p in directory.rglob("*.tml") if not p.name.startswith("._"))
    if not files:
        raise TimexCorpusError(f"{directory}: no TimeML (.tml) files in this folder")
    return files


def evaluate(directory: Path, finder: Finder) -> dict[str, Any]:
    """Read every ``.tml`` file under ``directory``, run ``finder``, score (see the module).

    A file that is not valid TimeML with a DCT is left out and listed under ``skipped``; when
    no file is readable, :class:`TimexCorpusError` is raised.
    """
    documents: list[TimeMLDocument] = []
    skipped: list[str] = []
    for path in corpus_files(directory):
        try:
            documents.append(read_timeml(path))
        except TimexCorpusError as exc:
            skipped.append(str(exc))
    if not documents:
        raise TimexCorpusError(f"{directory}: no readable TimeML document ({skipped[0]})")
    started = time.perf_counter()
    results = [(doc, finder(doc.text, doc.dct)) for doc in documents]
    elapsed = time.perf_counter() - started
    scores = score(results)
    scores["n_docs"] = len(documents)
    scores["skipped"] = skipped
    scores["seconds"] = round(elapsed, 2)
    return scores
