"""Quality gate: control-event F1 and modality accuracy on the development gold set must not
fall below the stored baseline.

The baseline in ``tests/baselines/events.json`` only moves up: raise it (rounded down to two
decimals) when extraction improves. The score is the one ``frontwatch eval events`` prints for
``tests/golden/isw_control_events.jsonl`` against the ISW reports in ``../shared/data/isw``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from frontwatch.evaluation.events import evaluate_events

ROOT = Path(__file__).resolve().parents[1]
BASELINE = ROOT / "baselines" / "events.json"
GOLD = ROOT / "golden" / "isw_control_events.jsonl"

pytestmark = [pytest.mark.shared, pytest.mark.model, pytest.mark.slow]


def test_events_gate_isw(shared_data: Path, pipeline: Any) -> None:
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))["isw_control_events"]
    result = evaluate_events(GOLD, shared_data / "isw", pipeline=pipeline)
    result.pop("errors", None)
    print(json.dumps({k: result[k] for k in ("precision", "recall", "f1", "modality_accuracy")}))
    assert result["gold_events"] == baseline["gold_events"]
    assert result["f1"] >= baseline["f1"]
    assert result["modality_accuracy"] >= baseline["modality_accuracy"]
