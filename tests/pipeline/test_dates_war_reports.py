"""The war-report gold set: expressions in sentences written for frontwatch, each with its span.

``tests/golden/timex_war_reports.jsonl`` holds one expression a line: the sentence, the article
date (or null), the expression's text and character span, and the expected kind, earliest and
latest day, precision and value; a null kind marks a trap that must not be read as a time
("may", "the fall of Mariupol", "2014 tanks"). An expression is right when the prediction that
overlaps it most has exactly the expected kind, days, precision and value; a trap is right when
no prediction overlaps it. The gate is 0.97 accuracy.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from frontwatch.model import TimeExpression
from frontwatch.pipeline.dates import find_times

GOLD = Path(__file__).resolve().parents[1] / "golden" / "timex_war_reports.jsonl"
GATE = 0.97


def _rows() -> list[dict[str, Any]]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line]


def _check(row: dict[str, Any], predicted: list[TimeExpression]) -> str | None:
    """None when ``predicted`` gets ``row`` right, else what went wrong."""
    start, end = row["start"], row["end"]
    overlapping = [t for t in predicted if t.start < end and start < t.end]
    if row["kind"] is None:
        return None if not overlapping else f"trap read as {[t.text for t in overlapping]}"
    if not overlapping:
        return "missed"
    best = max(overlapping, key=lambda t: min(t.end, end) - max(t.start, start))
    span = best.span
    got = (
        best.kind,
        span.earliest.isoformat() if span.earliest else None,
        span.latest.isoformat() if span.latest else None,
        span.precision,
        best.value,
    )
    want = (row["kind"], row["earliest"], row["latest"], row["precision"], row["value"])
    return None if got == want else f"got {got} for {best.text!r}, want {want}"


def _score(parse: Any = None) -> tuple[float, list[str]]:
    misses = []
    rows = _rows()
    for row in rows:
        anchor = dt.date.fromisoformat(row["anchor"]) if row["anchor"] else None
        doc = parse(row["sentence"]) if parse is not None else None
        problem = _check(row, find_times(row["sentence"], anchor, doc=doc))
        if problem:
            misses.append(f"#{row['id']} {row['text']!r} in {row['sentence']!r}: {problem}")
    return 1 - len(misses) / len(rows), misses


def test_dates_war_report_gold_set_is_well_formed() -> None:
    rows = _rows()
    assert len(rows) >= 80
    assert len({r["id"] for r in rows}) == len(rows)
    for row in rows:
        assert row["sentence"][row["start"] : row["end"]] == row["text"]
    assert sum(r["anchor"] is None for r in rows) >= 10, "undated cases"
    assert sum(r["kind"] is None for r in rows) >= 5, "traps"


def test_dates_war_report_accuracy() -> None:
    accuracy, misses = _score()
    print(f"war-report gold set accuracy (no parse): {accuracy:.4f} on {len(_rows())}")
    assert accuracy >= GATE, "\n".join(misses)


@pytest.mark.model
def test_dates_war_report_accuracy_with_parse(pipeline: Any) -> None:
    nlp = pipeline.stages[0].nlp
    accuracy, misses = _score(nlp)
    print(f"war-report gold set accuracy (with parse): {accuracy:.4f} on {len(_rows())}")
    assert accuracy >= GATE, "\n".join(misses)
