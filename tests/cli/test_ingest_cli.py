"""``frontwatch ingest``: idempotence, sources, failures, exit codes, and a kill mid-batch.

Most tests run the command in-process with a small fake pipeline (no spaCy model; its one
stage adds an event per article and crashes on a marker), so that events and stage errors
are exercised before the real events stage exists. The ``model`` tests run the real pipeline
on the demo corpus; the ``slow`` one starts the command in a subprocess and SIGKILLs it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

from frontwatch.config import Settings
from frontwatch.model import Event, Evidence, Place, TimeSpan
from frontwatch.pipeline import Pipeline
from frontwatch.pipeline.stage import Item
from frontwatch.store import Counts, open_store
from tests.conftest import CORPUS

Invoke = Callable[..., Result]

CRASH = "XYZZY"
"""Text that makes the fake stage raise, like a bug in a real stage would."""

TEXTS = {
    "lyman.txt": (
        "Ukrainian forces recaptured Lyman in Donetsk Oblast on Saturday, officials said.\n\n"
        "Russian units had pulled back towards Kreminna."
    ),
    "kherson.txt": (
        "Russian troops completed their withdrawal from the right bank of the Dnipro near "
        "Kherson, the defence ministry in Moscow said."
    ),
    "strikes.txt": "Drones struck a power station near Kharkiv overnight, the governor reported.",
}


class EventStage:
    """A stand-in events stage: one strike event per article; raises on ``CRASH``."""

    name = "frontwatch.fake-events.v1"

    def __call__(self, items: Sequence[Item]) -> list[Item]:
        out = []
        for item in items:
            article = item.article
            if CRASH in article.text:
                raise RuntimeError("fake stage bug")
            day = article.published
            span = (
                TimeSpan(text="today", earliest=day, latest=day, precision="day") if day else None
            )
            event = Event(
                id="e1",
                type="strike",
                modality="reported",
                evidence=(
                    Evidence(
                        article_id=article.id,
                        start=0,
                        end=4,
                        sentence=article.text.split("\n")[0],
                        stage=self.name,
                    ),
                ),
                place=Place(name="Kharkiv", gazetteer_id="test:kharkiv", lat=49.99, lon=36.23),
                time=span,
                confidence=0.5,
            )
            analysis = item.analysis.model_copy(update={"events": (event,)})
            out.append(Item(article=article, analysis=analysis))
        return out


@pytest.fixture
def fake_pipeline(monkeypatch: pytest.MonkeyPatch) -> Pipeline:
    fake = Pipeline([EventStage()], batch_size=2, model="fake-model-1")
    monkeypatch.setattr(Pipeline, "from_settings", lambda settings: fake)
    return fake


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "inputs"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _counts(database: Path) -> Counts:
    with open_store(Settings(database=str(database)), create=False) as store:
        return store.counts()


def _summary(result: Result) -> dict[str, Any]:
    summary: dict[str, Any] = json.loads(result.stdout)
    return summary


def test_ingest_stores_articles_with_sources_analyses_and_events(
    run_cli: Invoke, fake_pipeline: Pipeline, inputs: Path, tmp_path: Path
) -> None:
    database = tmp_path / "fw.sqlite"
    result = run_cli("ingest", str(inputs), "--db", str(database), "--published", "2022-10-04")
    assert result.exit_code == 0, result.stderr
    assert "3 new, 0 duplicate, 0 re-analyzed, 0 failed, 0 skipped" in result.stderr
    assert result.stdout == ""
    assert _counts(database) == Counts(3, 3, 0, 3, 3, 0)
    with open_store(Settings(database=str(database))) as store:
        (found,) = store.search("Lyman")
        stored = store.analysis(found.article_id)
        assert stored is not None
        assert stored.stages == ("frontwatch.ingest.v1", "frontwatch.fake-events.v1")
        events = store.events(since=dt.date(2022, 10, 4), until=dt.date(2022, 10, 4))
        assert len(events) == 3
        assert {e.published for e in events} == {dt.date(2022, 10, 4)}


def test_ingest_twice_changes_nothing(
    run_cli: Invoke, fake_pipeline: Pipeline, inputs: Path, tmp_path: Path
) -> None:
    database = tmp_path / "fw.sqlite"
    first = run_cli("ingest", str(inputs), "--db", str(database), "--format", "json")
    before = _counts(database)
    second = run_cli("ingest", str(inputs), "--db", str(database), "--format", "json")
    assert (first.exit_code, second.exit_code) == (0, 0)
    assert _counts(database) == before
    assert _summary(first)["new"] == 3
    summary = _summary(second)
    assert (summary["new"], summary["duplicate"], summary["sources_added"]) == (0, 3, 0)
    assert (
        summary["pipeline"] == "frontwatch.ingest.v1,frontwatch.fake-events.v1;model=fake-model-1"
    )


def test_ingest_new_origin_and_batch_duplicate_become_sources(
    run_cli: Invoke, fake_pipeline: Pipeline, inputs: Path, tmp_path: Path
) -> None:
    database = tmp_path / "fw.sqlite"
    run_cli("ingest", str(inputs), "--db", str(database))
    copies = tmp_path / "copies"
    copies.mkdir()
    for name in ("a.txt", "b.txt"):
        (copies / name).write_text(TEXTS["lyman.txt"], encoding="utf-8")
    result = run_cli("ingest", str(copies), "--db", str(database), "-f", "json")
    summary = _summary(result)
    assert (summary["new"], summary["duplicate"], summary["sources_added"]) == (0, 2, 2)
    with open_store(Settings(database=str(database))) as store:
        (hit,) = store.search("Lyman")
        origins = [(s.kind, Path(s.origin or "").name) for s in store.sources(hit.article_id)]
    assert origins == [("original", "lyman.txt"), ("duplicate", "a.txt"), ("duplicate", "b.txt")]


def test_ingest_changed_pipeline_reanalyzes_stored_articles(
    run_cli: Invoke, fake_pipeline: Pipeline, inputs: Path, tmp_path: Path
) -> None:
    database = tmp_path / "fw.sqlite"
    run_cli("ingest", str(inputs), "--db", str(database))
    fake_pipeline.model = "fake-model-2"
    summary = _summary(run_cli("ingest", str(inputs), "--db", str(database), "-f", "json"))
    assert (summary["new"], summary["reanalyzed"], summary["events"]) == (0, 3, 3)
    assert _counts(database) == Counts(3, 3, 0, 6, 3, 0)


def test_ingest_failures_are_recorded_and_the_batch_goes_on(
    run_cli: Invoke, fake_pipeline: Pipeline, inputs: Path, tmp_path: Path
) -> None:
    database = tmp_path / "fw.sqlite"
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 64)
    (inputs / "bug.txt").write_text(f"A report that trips a stage: {CRASH}.", encoding="utf-8")
    (inputs / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    result = run_cli("ingest", str(inputs), str(tmp_path / "missing.txt"), "--db", str(database))
    assert result.exit_code == 1
    for message in (
        "empty.txt: empty file",
        "binary.txt: binary data",
        "missing.txt: no such file",
        "bug.txt: internal error in the pipeline: fake stage bug",
        "skipped: ",
        "3 new, 0 duplicate, 0 re-analyzed, 4 failed, 1 skipped",
    ):
        assert message in result.stderr
    assert "Traceback" not in result.stderr
    with open_store(Settings(database=str(database))) as store:
        recorded = {Path(f.source).name: f.error for f in store.failures()}
        assert recorded == {
            "empty.txt": "EmptyInputError",
            "binary.txt": "BinaryInputError",
            "missing.txt": "InputNotFoundError",
            "bug.txt": "RuntimeError",
        }
        assert store.counts().articles == 3
    again = run_cli("ingest", str(inputs), "--db", str(database))
    assert again.exit_code == 1
    assert _counts(database).failures == 4, "a failure seen again is not recorded twice"
    (inputs / "bug.txt").write_text("A report that no longer trips a stage.", encoding="utf-8")
    fixed = run_cli("ingest", str(inputs), "--db", str(database))
    assert "1 new, 3 duplicate, 0 re-analyzed, 2 failed, 1 skipped" in fixed.stderr
    assert _counts(database).failures == 3, "the fixed input's failure is forgotten"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.mkdir(), "is a directory"),
        (lambda p: p.write_text("just text\n" * 500), "file is not a database"),
    ],
    ids=["directory", "not-sqlite"],
)
def test_ingest_unusable_database_is_a_usage_error(
    run_cli: Invoke, inputs: Path, tmp_path: Path, make: Callable[[Path], object], message: str
) -> None:
    database = tmp_path / "fw.sqlite"
    make(database)
    result = run_cli("ingest", str(inputs), "--db", str(database))
    assert result.exit_code == 2
    assert f"error: {database}: " in result.stderr
    assert message in result.stderr


def test_ingest_database_from_settings_and_environment(
    run_cli: Invoke,
    fake_pipeline: Pipeline,
    inputs: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert run_cli("ingest", str(inputs)).exit_code == 0
    assert _counts(tmp_path / "frontwatch.sqlite").articles == 3  # the default, in the cwd
    monkeypatch.setenv("FRONTWATCH_DATABASE", str(tmp_path / "env.sqlite"))
    assert run_cli("ingest", str(inputs / "lyman.txt")).exit_code == 0
    assert _counts(tmp_path / "env.sqlite").articles == 1


@pytest.mark.model
def test_ingest_demo_corpus_is_idempotent(
    run_cli: Invoke, pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(Pipeline, "from_settings", lambda settings: pipeline)
    database = tmp_path / "demo.sqlite"
    first = run_cli("ingest", str(CORPUS), "--db", str(database), "-f", "json")
    summary = _summary(first)
    # Inputs a stage fails on are the stages' business; the store must lose none of the rest.
    assert first.exit_code == (1 if summary["failed"] else 0), first.stderr
    assert not [f for f in summary["failures"] if f["error"] == "StoreError"]
    counts = _counts(database)
    assert counts.articles == summary["new"] > 20
    assert counts.analyses == counts.articles
    assert counts.events == summary["events"]
    assert counts.near_duplicates >= 1, "the corpus has a syndicated copy"
    second = run_cli("ingest", str(CORPUS), "--db", str(database), "-f", "json")
    assert _counts(database) == counts
    assert _summary(second)["duplicate"] == counts.articles
    with open_store(Settings(database=str(database))) as store:
        assert store.search("Lyman"), "full-text search finds the Lyman reports"


# A kill mid-batch, for real: the command in a subprocess, SIGKILL while it writes.

_PLACES = ["Lyman", "Izium", "Kupiansk", "Balakliia", "Bakhmut", "Soledar", "Vuhledar", "Avdiivka"]
_VERBS = ["shelled", "entered", "advanced near", "withdrew from", "struck", "held"]


def _corpus(folder: Path, size: int) -> list[str]:
    """``size`` short reports written for this test, each with different text, + a copy."""
    folder.mkdir()
    texts = []
    for number in range(size):
        place = _PLACES[number % len(_PLACES)]
        verb = _VERBS[number % len(_VERBS)]
        text = (
            f"Report {number}. Ukrainian officials said Russian forces {verb} {place} on "
            f"Tuesday, the {number % 28 + 1}th, and that fighting continued nearby.\n\n"
            f"Local authorities in {place} counted {number + 3} damaged houses."
        )
        (folder / f"report-{number:03d}.txt").write_text(text, encoding="utf-8")
        texts.append(text)
    (folder / "report-copy.txt").write_text(texts[0], encoding="utf-8")
    return texts


def _ingest_process(corpus: Path, database: Path, cwd: Path) -> subprocess.Popen[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("FRONTWATCH_")}
    command = [sys.executable, "-c", "from frontwatch.cli import main; main()"]
    arguments = ["ingest", str(corpus), "--db", str(database), "--batch-size", "1", "-q"]
    return subprocess.Popen(
        [*command, *arguments, "--published", "2023-01-10", "--format", "json"],
        cwd=cwd,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _stored(database: Path) -> int:
    try:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=5) as connection:
            return int(connection.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:  # not created or not migrated yet
        return 0


def _check_whole_articles(database: Path) -> None:
    """Every stored article has its source, its current analysis and exactly its events."""
    with sqlite3.connect(database) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        missing = connection.execute(
            """SELECT count(*) FROM articles AS a
               WHERE NOT EXISTS (SELECT 1 FROM sources WHERE article_id = a.id)
                  OR NOT EXISTS (SELECT 1 FROM analyses WHERE article_id = a.id AND is_current)"""
        ).fetchone()[0]
        assert missing == 0
    with open_store(Settings(database=str(database)), create=False) as store:
        for stored in store.analyses():
            events = [e for e in store.events() if e.article_id == stored.article.id]
            assert [e.event for e in events] == list(stored.events or ())


@pytest.mark.slow
@pytest.mark.model
def test_ingest_killed_mid_batch_keeps_whole_articles_and_resumes(tmp_path: Path) -> None:
    texts = _corpus(tmp_path / "corpus", 150)
    database = tmp_path / "fw.sqlite"
    process = _ingest_process(tmp_path / "corpus", database, tmp_path)
    while process.poll() is None and _stored(database) < 10:
        time.sleep(0.01)
    if process.poll() is not None:
        pytest.fail(f"ingest ended before it could be killed: {process.communicate()[1]}")
    os.kill(process.pid, signal.SIGKILL)
    process.communicate()
    assert process.returncode == -signal.SIGKILL

    killed_at = _stored(database)
    assert 10 <= killed_at < len(texts)
    _check_whole_articles(database)

    rerun = _ingest_process(tmp_path / "corpus", database, tmp_path)
    output, errors = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, errors
    summary = json.loads(output)
    assert summary["new"] == len(texts) - killed_at
    assert summary["duplicate"] == killed_at + 1  # + the copy of report 0
    assert _counts(database).articles == len(texts)
    _check_whole_articles(database)
