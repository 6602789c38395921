"""The TimeML scorer: reading .tml files, the TempEval-3 metrics, and ``frontwatch eval timex``."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from frontwatch.evaluation.timex import read_timeml, score
from frontwatch.model import TimeExpression, TimeSpan

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>test1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-06" temporalFunction="false" functionInDocument="CREATION_TIME">02/06/1998</TIMEX3></DCT>
<TEXT>
Troops crossed the border <TIMEX3 tid="t1" type="DATE" value="1998-02-05">Thursday</TIMEX3> and held it
for <TIMEX3 tid="t2" type="DURATION" value="P3D">three days</TIMEX3>; talks will begin
<TIMEX3 tid="t3" type="DATE" value="1998-02-09">Monday</TIMEX3>.
</TEXT>
</TimeML>
"""  # noqa: E501


def _write(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "test1.tml").write_text(TML, encoding="utf-8")
    return folder


def _expression(text: str, whole: str, kind: str, value: str | None) -> TimeExpression:
    start = whole.index(text)
    return TimeExpression(
        start=start, end=start + len(text), text=text, kind=kind,  # type: ignore[arg-type]
        span=TimeSpan(text=text), sentence=0, value=value,
    )  # fmt: skip


def test_timex_reads_text_offsets_and_dct(tmp_path: Path) -> None:
    document = read_timeml(_write(tmp_path) / "test1.tml")
    assert document.dct == dt.date(1998, 2, 6)
    assert [(g.text, g.type, g.value) for g in document.gold] == [
        ("Thursday", "DATE", "1998-02-05"),
        ("three days", "DURATION", "P3D"),
        ("Monday", "DATE", "1998-02-09"),
    ]
    for gold in document.gold:
        assert document.text[gold.start : gold.end] == gold.text


def test_timex_scores_as_tempeval3_defines_them(tmp_path: Path) -> None:
    document = read_timeml(_write(tmp_path) / "test1.tml")
    text = document.text
    predicted = [
        _expression("border Thursday", text, "date", "1998-02-05"),  # overlaps: a relaxed match
        _expression("three days", text, "duration", "P3D"),
        _expression("Monday", text, "date", "1998-02-02"),  # matched, wrong value
        _expression("held", text, "date", "1998"),  # a false positive
    ]
    scores = score([(document, predicted)])
    assert (scores["n_gold"], scores["n_pred"]) == (3, 4)
    assert scores["extent"]["precision"] == 0.75
    assert scores["extent"]["recall"] == 1.0
    assert scores["extent"]["strict_f1"] == round(2 * (2 / 4) * (2 / 3) / (2 / 4 + 2 / 3), 4)
    assert scores["value"] == {"precision": 0.5, "recall": 0.6667, "f1": 0.5714}
    assert scores["value_accuracy_date"] == 0.5
    # DATE figures leave out the duration's match and count the false positive.
    assert scores["date"]["n_gold"] == 2
    assert scores["date"]["n_pred"] == 3
    assert scores["date"]["value_f1"] == 0.4
    assert [e["gold"] for e in scores["date_errors"]] == ["Monday"]


Invoke = Callable[..., Result]


def test_timex_cli_prints_one_json_object(run_cli: Invoke, tmp_path: Path) -> None:
    folder = _write(tmp_path / "corpus" / "TimeBank")
    errors = tmp_path / "errors.json"
    result = run_cli("eval", "timex", str(folder.parent), "--no-parse", "--errors", str(errors))
    assert result.exit_code == 0, result.stderr
    scores = json.loads(result.stdout)
    assert scores["n_docs"] == 1
    assert scores["n_gold"] == 3
    assert scores["date"]["value_f1"] == 1.0
    assert scores["parse"] is False
    assert json.loads(errors.read_text()) == []


def test_timex_skips_files_that_are_not_timeml(run_cli: Invoke, tmp_path: Path) -> None:
    folder = _write(tmp_path / "corpus")
    (folder / "broken.tml").write_text("<TimeML><TEXT>no creation time</TEXT></TimeML>")
    result = run_cli("eval", "timex", str(folder), "--no-parse")
    assert result.exit_code == 0, result.stderr
    scores = json.loads(result.stdout)
    assert scores["n_docs"] == 1
    assert [s.split(":")[0] for s in scores["skipped"]] == [str(folder / "broken.tml")]


def test_timex_reads_namespaced_timeml(tmp_path: Path) -> None:
    path = tmp_path / "ns.tml"
    path.write_text(TML.replace("<TimeML>", '<TimeML xmlns="http://timeml.org/1.2">'))
    assert len(read_timeml(path).gold) == 3


@pytest.mark.parametrize("make", ["missing", "empty", "broken"])
def test_timex_cli_needs_a_folder_of_tml_files(run_cli: Invoke, tmp_path: Path, make: str) -> None:
    folder = tmp_path / "corpus"
    if make != "missing":
        folder.mkdir()
        (folder / "notes.txt").write_text("no TimeML here")
    if make == "broken":
        (folder / "broken.tml").write_text("<TimeML>cut off")
    result = run_cli("eval", "timex", str(folder), "--no-parse")
    assert result.exit_code == 2
    assert str(folder) in result.stderr
    assert "Traceback" not in result.stderr


def test_timex_cli_help(run_cli: Invoke) -> None:
    result = run_cli("eval", "--help")
    assert result.exit_code == 0
    assert "timex" in result.stdout
