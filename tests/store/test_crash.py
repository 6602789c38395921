"""A writer killed inside its transactions leaves only whole articles (store level).

A subprocess stores analyses with many events each (so most of its time is spent inside
``add_article`` transactions) and is SIGKILLed while it writes; the database must open, pass
SQLite's integrity check, and hold every article with its source, analysis and exactly its
events, or not at all. The command-line version of this test is in
``tests/cli/test_ingest_cli.py``.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from frontwatch.store.sqlite import SQLiteStore
from tests.conftest import ROOT

WRITER = """
import sys
from frontwatch.store.sqlite import SQLiteStore
from tests.store.conftest import SIGNATURE, analysis, article, event

with SQLiteStore.open(sys.argv[1]) as store:
    for number in range(int(sys.argv[2])):
        text = f"Report {number}: shelling continued near Bakhmut."
        source = article(text, origin=f"{number}.txt")
        events = [event(source, n, place=("Bakhmut", 48.59, 38.0)) for n in range(1500)]
        store.add_article(analysis(source, events), signature=SIGNATURE)
"""


def _committed(database: Path) -> int:
    try:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=5) as connection:
            return int(connection.execute("SELECT count(*) FROM analyses").fetchone()[0])
    except sqlite3.OperationalError:
        return 0


@pytest.mark.slow
def test_store_writer_killed_inside_transactions_leaves_whole_articles(tmp_path: Path) -> None:
    database = tmp_path / "store.sqlite"
    total = 200
    process = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(database), str(total)],
        cwd=ROOT,
        stderr=subprocess.PIPE,
        text=True,
    )
    while process.poll() is None and _committed(database) < 3:
        time.sleep(0.005)
    if process.poll() is not None:
        pytest.fail(f"the writer ended before it could be killed: {process.communicate()[1]}")
    os.kill(process.pid, signal.SIGKILL)
    process.communicate()

    with sqlite3.connect(database) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        points = connection.execute("SELECT count(*) FROM event_points").fetchone()[0]
    with SQLiteStore.open(database) as store:
        counts = store.counts()
        assert 3 <= counts.articles < total
        assert counts.articles == counts.analyses == counts.sources
        assert counts.events == points == 1500 * counts.articles
        for stored in store.analyses():
            assert len(stored.events or ()) == 1500
        assert len(store.search("shelling")) == min(counts.articles, 20)
