"""The SQLite store with hand-built analyses: writing, idempotence, queries, migrations."""

from __future__ import annotations

import datetime as dt
import sqlite3
import tempfile
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from frontwatch.config import Settings
from frontwatch.model import Failure, NearDuplicate, SourceRef
from frontwatch.store import BBox, Counts, StoreError, open_store
from frontwatch.store.migrate import alembic_config, head_revision
from frontwatch.store.schema import metadata
from frontwatch.store.sqlite import SQLiteStore, match_expression
from tests.store.conftest import SIGNATURE, analysis, article, event

LYMAN = (
    "Ukrainian troops recaptured Lyman on Saturday after encircling the town, the General "
    "Staff said.\n\nRussian units had withdrawn east towards Kreminna."
)
KHERSON = (
    "Kherson: Russian forces pulled back across the Dnipro river, according to the Russian "
    "Defence Ministry.\n\nUkrainian officials said the city was liberated."
)
STRIKES = (
    "Missile strikes hit energy facilities in Kyiv and Lviv overnight, regional governors reported."
)
D = dt.date


def _sqlite(path: Path, query: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as connection:
        return connection.execute(query).fetchall()


# Migrations and connection settings.


def test_store_migrations_upgrade_from_empty(tmp_path: Path) -> None:
    path = tmp_path / "new" / "store.sqlite"
    with SQLiteStore.open(path) as store:
        assert store.revision() == head_revision() == "0001"
        assert store.counts() == Counts(0, 0, 0, 0, 0, 0)
    names = {row[0] for row in _sqlite(path, "SELECT name FROM sqlite_master")}
    expected = {"articles", "sources", "near_duplicates", "analyses", "events", "failures"}
    assert expected | {"articles_fts", "event_points", "alembic_version"} <= names
    assert _sqlite(path, "PRAGMA journal_mode") == [("wal",)]


def test_store_connections_enforce_foreign_keys(store: SQLiteStore) -> None:
    with store._engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL


def test_store_schema_module_matches_migrations(store: SQLiteStore) -> None:
    def ours(obj: object, name: str | None, kind: str, reflected: bool, other: object) -> bool:
        # FTS5 and R*Tree tables (and their shadow tables) exist only in the migrations.
        return not (kind == "table" and name and name.startswith(("articles_fts", "event_")))

    with store._engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_object": ours})
        assert compare_metadata(context, metadata) == []


def test_store_migrations_downgrade_and_upgrade_again(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite"
    SQLiteStore.open(path).close()
    config = alembic_config(f"sqlite:///{path}")
    command.downgrade(config, "base")
    tables = _sqlite(path, "SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")
    assert tables == [("alembic_version",)]
    with SQLiteStore.open(path) as store:
        store.add_article(analysis(article(LYMAN)), signature=SIGNATURE)
        assert store.search("Lyman")


def test_store_open_rejects_a_newer_schema(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite"
    SQLiteStore.open(path).close()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(StoreError, match=r"store\.sqlite: .*newer frontwatch"):
        SQLiteStore.open(path)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.write_bytes(b"not a database, just text\n" * 200), "file is not a database"),
        (lambda p: p.mkdir(), "is a directory"),
    ],
    ids=["not-sqlite", "directory"],
)
def test_store_open_errors_name_the_file(tmp_path: Path, make: object, message: str) -> None:
    path = tmp_path / "bad.sqlite"
    make(path)  # type: ignore[operator]
    with pytest.raises(StoreError, match=rf"bad\.sqlite: .*{message}"):
        SQLiteStore.open(path)


def test_store_open_without_create_needs_the_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no database here"):
        open_store(Settings(database=str(tmp_path / "missing.sqlite")), create=False)
    assert not (tmp_path / "missing.sqlite").exists()


@pytest.mark.parametrize("form", ["{path}", "sqlite:///{path}"])
def test_open_store_accepts_paths_and_sqlite_urls(tmp_path: Path, form: str) -> None:
    path = tmp_path / "a.sqlite"
    with open_store(Settings(database=form.format(path=path))) as store:
        assert store.location == str(path)
    assert path.is_file()


@pytest.mark.parametrize(
    ("database", "message"),
    [
        ("postgresql://analyst:secret@db.example/fw", "PostgreSQL backend is not available"),
        ("mysql://db.example/fw", "unsupported database type 'mysql'"),
        ("sqlite://", "give a SQLite file"),
        ("sqlite:///:memory:", "give a SQLite file"),
        ("  ", "setting 'database' is empty"),
    ],
)
def test_open_store_rejects_other_databases(database: str, message: str) -> None:
    with pytest.raises(StoreError, match=message) as caught:
        open_store(Settings(database=database))
    assert "secret" not in str(caught.value)


# Writing: one transaction per article, idempotence.


def test_store_add_article_round_trips(store: SQLiteStore) -> None:
    lyman = article(LYMAN, published=D(2022, 10, 4), title="Lyman retaken", outlet="Ledger")
    events = [event(lyman, 1, earliest=D(2022, 10, 1), place=("Lyman", 48.99, 37.81))]
    stored = analysis(lyman, events)
    result = store.add_article(stored, signature=SIGNATURE)
    assert (result.status, result.sources, result.events) == ("new", 1, 1)
    assert store.has_article(lyman.id)
    assert not store.has_article("0" * 20)
    assert store.article(lyman.id) == lyman
    assert store.analysis(lyman.id) == stored
    assert [e.event for e in store.events()] == events
    (source,) = store.sources(lyman.id)
    assert (source.kind, source.origin, source.outlet) == ("original", "reports/a.txt", "Ledger")
    assert source.published == D(2022, 10, 4)
    assert store.analyzed([lyman.id, "0" * 20], SIGNATURE) == {lyman.id}


def test_store_add_article_twice_adds_nothing(store: SQLiteStore) -> None:
    lyman = article(LYMAN)
    stored = analysis(lyman, [event(lyman, 1)], duplicates=[SourceRef(origin="copy.txt")])
    assert store.add_article(stored, signature=SIGNATURE).status == "new"
    before = store.counts()
    again = store.add_article(stored, signature=SIGNATURE)
    assert (again.status, again.sources, again.events) == ("duplicate", 0, 0)
    assert store.counts() == before == Counts(1, 2, 0, 1, 1, 0)


def test_store_new_origin_of_stored_article_is_a_source(store: SQLiteStore) -> None:
    store.add_article(analysis(article(LYMAN)), signature=SIGNATURE)
    copy = article(LYMAN, origin="feeds/wire.jsonl:7", outlet="Wire")
    result = store.add_article(analysis(copy), signature=SIGNATURE)
    assert (result.status, result.sources) == ("duplicate", 1)
    kinds = [(s.kind, s.origin) for s in store.sources(copy.id)]
    assert kinds == [("original", "reports/a.txt"), ("duplicate", "feeds/wire.jsonl:7")]
    assert store.article(copy.id).origin == "reports/a.txt"  # type: ignore[union-attr]
    assert store.add_sources(copy.id, [SourceRef(origin="feeds/wire.jsonl:7")]) == 0
    assert store.add_sources(copy.id, [SourceRef(origin="x.html"), SourceRef(origin=None)]) == 2
    assert store.add_sources(copy.id, [SourceRef(origin=None)]) == 0


def test_store_add_sources_needs_the_article(store: SQLiteStore) -> None:
    with pytest.raises(StoreError, match=r"no article 0{20}"):
        store.add_sources("0" * 20, [SourceRef(origin="a.txt")])


def test_store_new_pipeline_replaces_events_and_keeps_history(store: SQLiteStore) -> None:
    lyman = article(LYMAN, published=D(2022, 10, 4))
    store.add_article(analysis(lyman, [event(lyman, 1), event(lyman, 2)]), signature="v1")
    newer = analysis(lyman, [event(lyman, 3, type="combat")])
    result = store.add_article(newer, signature="v2")
    assert (result.status, result.events) == ("reanalyzed", 1)
    assert store.analysis(lyman.id) == newer
    assert [e.event.id for e in store.events()] == [f"{lyman.id}-e3"]
    assert store.counts().analyses == 2
    assert store.analyzed([lyman.id], "v1") == store.analyzed([lyman.id], "v2") == {lyman.id}


def test_store_failed_article_stores_nothing(store: SQLiteStore) -> None:
    lyman = article(LYMAN)
    # Two events with one id violate a unique constraint after the article row, its source
    # and its analysis were written: the whole article must roll back.
    broken = analysis(lyman, [event(lyman, 1), event(lyman, 1)])
    with pytest.raises(StoreError, match=rf"cannot store article {lyman.id} from reports/a\.txt"):
        store.add_article(broken, signature=SIGNATURE)
    assert store.counts() == Counts(0, 0, 0, 0, 0, 0)
    assert store.search("Lyman") == []


def test_store_near_duplicates_are_linked_both_ways(store: SQLiteStore) -> None:
    first, second = article(LYMAN), article(LYMAN + " More later.", origin="b.txt")
    store.add_article(
        analysis(first, near=[NearDuplicate(article_id=second.id, similarity=0.9)]),
        signature=SIGNATURE,
    )
    store.add_article(
        analysis(second, near=[NearDuplicate(article_id=first.id, similarity=0.9)]),
        signature=SIGNATURE,
    )
    assert store.counts().near_duplicates == 1
    assert store.near_duplicates(first.id) == [NearDuplicate(article_id=second.id, similarity=0.9)]
    assert store.near_duplicates(second.id) == [NearDuplicate(article_id=first.id, similarity=0.9)]


def test_store_failures_are_recorded_once(store: SQLiteStore) -> None:
    failure = Failure(source="bad.html", error="MalformedHTMLError", reason="HTML is truncated")
    other = Failure(source="empty.txt", error="EmptyInputError", reason="empty file")
    assert store.add_failures([failure, other]) == 2
    first_seen = {f.source: f.first_seen for f in store.failures()}
    assert store.add_failures([failure]) == 0
    recorded = store.failures()
    assert [f.source for f in recorded] == ["bad.html", "empty.txt"]  # most recent first
    assert recorded[0].first_seen == first_seen["bad.html"] <= recorded[0].last_seen
    assert store.counts().failures == 2


def test_store_failure_is_forgotten_when_its_input_is_stored(store: SQLiteStore) -> None:
    store.add_failures(
        [
            Failure(source="reports/a.txt", error="EncodingError", reason="invalid UTF-8"),
            Failure(source="wire.jsonl:2", error="MalformedRecordError", reason="invalid JSON"),
            Failure(source="other.txt", error="EmptyInputError", reason="empty file"),
        ]
    )
    store.add_article(analysis(article(LYMAN)), signature=SIGNATURE)  # reports/a.txt, fixed
    assert [f.source for f in store.failures()] == ["other.txt", "wire.jsonl:2"]
    store.add_sources(article(LYMAN).id, [SourceRef(origin="wire.jsonl:2")])
    assert [f.source for f in store.failures()] == ["other.txt"]


_POOL = [LYMAN, KHERSON, STRIKES]
_ADD = st.tuples(
    st.sampled_from(range(len(_POOL))),  # which text
    st.sampled_from(["a.txt", "b.html", "feed.xml#3"]),  # read from where
    st.sampled_from(["v1", "v2"]),  # by which pipeline
    st.integers(min_value=0, max_value=3),  # with how many events
)


def _replay(store: SQLiteStore, adds: list[tuple[int, str, str, int]]) -> None:
    for index, origin, signature, count in adds:
        source = article(_POOL[index], origin=origin)
        events = [event(source, n) for n in range(count)]
        store.add_article(analysis(source, events), signature=signature)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_ADD, min_size=1, max_size=12))
def test_store_any_sequence_of_adds_is_idempotent(adds: list[tuple[int, str, str, int]]) -> None:
    with tempfile.TemporaryDirectory() as folder, SQLiteStore.open(Path(folder) / "s.db") as store:
        _replay(store, adds)
        counts = store.counts()
        assert counts.articles == len({i for i, _, _, _ in adds})
        assert counts.sources == len({(i, o) for i, o, _, _ in adds})
        assert counts.analyses == len({(i, s) for i, _, s, _ in adds})
        # An article's events are those of its current analysis: the first one stored under
        # the signature that came last to it.
        for index in {i for i, _, _, _ in adds}:
            stored = store.analysis(article(_POOL[index]).id)
            assert stored is not None
            mine = [e for e in store.events() if e.article_id == stored.article.id]
            assert [e.event for e in mine] == list(stored.events or ())
        _replay(store, adds)
        assert store.counts() == counts


# Reading: events by date, type and box; analyses by date; search.


@pytest.fixture
def dated(store: SQLiteStore) -> SQLiteStore:
    """Three articles: Lyman (Oct 4), Kherson (Nov 11), strikes (undated)."""
    lyman = article(LYMAN, published=D(2022, 10, 4))
    kherson = article(KHERSON, published=D(2022, 11, 11), origin="b.txt")
    strikes = article(STRIKES, origin="c.txt")
    lyman_events = [
        event(lyman, 1, earliest=D(2022, 10, 1), place=("Lyman", 48.99, 37.81)),
        event(lyman, 2, type="control.withdrawal"),  # undated: the article's date counts
        event(lyman, 3, type="annexation", earliest=D(2014, 3, 18)),
    ]
    kherson_events = [
        event(
            kherson,
            1,
            type="control.withdrawal",
            earliest=D(2022, 11, 9),
            latest=D(2022, 11, 11),
            place=("Kherson", 46.64, 32.61),
        ),
    ]
    strike_events = [event(strikes, 1, type="strike", place=("Kyiv", 50.45, 30.52))]
    for source, events in [(lyman, lyman_events), (kherson, kherson_events)]:
        store.add_article(analysis(source, events), signature=SIGNATURE)
    store.add_article(analysis(strikes, strike_events), signature=SIGNATURE)
    return store


def _ids(found: list[object]) -> list[str]:
    return [e.event.id.rsplit("-", 1)[1] + "@" + e.article_id[:4] for e in found]  # type: ignore[attr-defined]


def test_store_events_by_date_range(dated: SQLiteStore) -> None:
    everything = dated.events()
    assert len(everything) == 5
    assert everything[-1].published is None, "undated events come last"
    october = dated.events(since=D(2022, 10, 1), until=D(2022, 10, 31))
    assert [(e.event.id[-2:], e.published) for e in october] == [
        ("e1", D(2022, 10, 4)),
        ("e2", D(2022, 10, 4)),
    ]
    # A span overlapping the range matches: Nov 9-11 overlaps "until Nov 10".
    assert [
        e.event.id[-2:] for e in dated.events(since=D(2022, 11, 10), until=D(2022, 11, 10))
    ] == ["e1"]
    assert [e.event.type for e in dated.events(until=D(2015, 1, 1))] == ["annexation"]


def test_store_events_by_type_and_publication_date(dated: SQLiteStore) -> None:
    withdrawals = dated.events(types=["control.withdrawal"])
    assert [e.published for e in withdrawals] == [D(2022, 10, 4), D(2022, 11, 11)]
    reported = dated.events(since=D(2022, 10, 4), until=D(2022, 10, 4), basis="published")
    assert [e.event.type for e in reported] == [
        "control.capture",
        "control.withdrawal",
        "annexation",
    ]
    assert dated.events(types=[]) == []
    assert [e.event.type for e in dated.events(types=["strike", "combat"])] == ["strike"]


def test_store_events_within_a_box(dated: SQLiteStore) -> None:
    donbas = BBox(west=36.0, south=47.5, east=39.5, north=49.5)
    assert [e.event.place.name for e in dated.events(within=donbas)] == ["Lyman"]  # type: ignore[union-attr]
    ukraine = BBox(22.0, 44.0, 40.5, 52.5)
    assert len(dated.events(within=ukraine)) == 3
    assert dated.events(since=D(2022, 11, 1), within=ukraine)[0].event.place.name == "Kherson"  # type: ignore[union-attr]
    with pytest.raises(ValueError, match="west, south, east, north"):
        dated.events(within=BBox(40.0, 44.0, 22.0, 52.0))


def test_store_deleting_an_article_cleans_its_indexes(dated: SQLiteStore) -> None:
    lyman = article(LYMAN).id
    with dated._engine.begin() as connection:
        connection.execute(sa.text("DELETE FROM articles WHERE id = :id"), {"id": lyman})
        points = connection.execute(sa.text("SELECT count(*) FROM event_points")).scalar()
    assert points == 2
    assert dated.search("Lyman") == []
    assert dated.counts() == Counts(2, 2, 0, 2, 2, 0)


def test_store_analyses_by_publication_date(dated: SQLiteStore) -> None:
    assert [a.article.published for a in dated.analyses()] == [
        D(2022, 10, 4),
        D(2022, 11, 11),
        None,
    ]
    november = list(dated.analyses(since=D(2022, 11, 1), until=D(2022, 11, 30)))
    assert [a.article.origin for a in november] == ["b.txt"]
    assert list(dated.analyses(until=D(2022, 1, 1))) == []


def test_store_articles_by_id_in_the_order_asked(dated: SQLiteStore) -> None:
    ids = [article(STRIKES).id, "f" * 20, article(LYMAN).id]
    assert [a.origin for a in dated.articles(ids)] == ["c.txt", "reports/a.txt"]
    assert dated.article("f" * 20) is None


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("Lyman", ["LYMAN"]),
        ("recapture", ["LYMAN"]),  # stemmed: "recaptured"
        ('"Dnipro river"', ["KHERSON"]),
        ('"river Dnipro"', []),
        ("Russian", ["KHERSON", "LYMAN"]),
        ("Russian Kreminna", ["LYMAN"]),
        ("Kherm*", []),
        ("Kher*", ["KHERSON"]),
        ("kyiv-lviv", []),  # a phrase: the words are not adjacent
        ("Kyiv, Lviv!", ["STRIKES"]),
        ('AND OR NOT "(', []),
        ("", []),
    ],
)
def test_store_search_full_text(dated: SQLiteStore, query: str, found: list[str]) -> None:
    names = {
        article(text).id: name
        for name, text in [("LYMAN", LYMAN), ("KHERSON", KHERSON), ("STRIKES", STRIKES)]
    }
    hits = dated.search(query)
    assert sorted(names[hit.article_id] for hit in hits) == sorted(found)


def test_store_search_ranks_and_marks_matches(dated: SQLiteStore) -> None:
    hits = dated.search("Kherson")
    assert [hit.published for hit in hits] == [D(2022, 11, 11)]
    assert "[Kherson]" in hits[0].snippet
    assert hits[0].score > 0
    assert len(dated.search("Russian", limit=1)) == 1
    assert dated.search("Russian", limit=0) == []


@pytest.mark.parametrize(
    ("query", "expression"),
    [
        ("Lyman Kreminna", '"Lyman" "Kreminna"'),
        ('"144th Motor Rifle" division', '"144th Motor Rifle" "division"'),
        ("Zaporizhzhia-based", '"Zaporizhzhia based"'),
        ("Bakh*", '"Bakh"*'),
        ('"Lyman town"*', '"Lyman town"*'),
        ("NEAR(a b)", '"NEAR a" "b"'),
        ("Кліщіївка", '"Кліщіївка"'),
        ('" - : ^', ""),
    ],
)
def test_store_match_expression_quotes_everything(query: str, expression: str) -> None:
    assert match_expression(query) == expression
