"""Quality gate: TimeBank DATE value F1 must not fall below the stored baseline.

The baseline in ``tests/baselines/timex.json`` only moves up: raise it (rounded down to two
decimals) when the dates stage improves. The score is computed as ``frontwatch eval timex``
computes it by default: each text parsed with the spaCy model, ranges scored by their ends.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from frontwatch.evaluation.timex import evaluate
from frontwatch.pipeline.dates import TimeFinder
from frontwatch.pipeline.dates.lexicon import load_lexicon

BASELINE = Path(__file__).resolve().parents[1] / "baselines" / "timex.json"

pytestmark = [pytest.mark.shared, pytest.mark.model, pytest.mark.slow]


def test_timex_gate_timebank(shared_data: Path, pipeline: Any) -> None:
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))["TimeBank"]
    nlp = pipeline.stages[0].nlp
    finder = TimeFinder(load_lexicon())
    scores = evaluate(
        shared_data / "eval" / "timex" / "TimeBank",
        lambda text, dct: finder.find(text, dct, doc=nlp(text), split_ranges=True),
    )
    summary = {key: scores[key] for key in ("n_gold", "n_pred", "extent", "value_f1")}
    print(json.dumps({"date": scores["date"], **summary}))
    assert scores["date"]["n_gold"] == baseline["n_date"]
    assert scores["date"]["value_f1"] >= baseline["date_value_f1"]
    assert scores["extent"]["f1"] >= baseline["extent_f1"]
