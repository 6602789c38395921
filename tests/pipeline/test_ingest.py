from __future__ import annotations

import datetime as dt
import gzip
import io
import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from frontwatch.config import Settings
from frontwatch.pipeline.dedup import content_id
from frontwatch.pipeline.ingest import IngestOptions, Ingestor

STORY = (
    "KHERSON, 11 November 2022 — Ukrainian troops entered the centre of Kherson on Friday, two "
    "days after Russia's defence minister ordered his forces to pull back across the Dnipro. "
    "Crowds gathered in the main square waving flags, and soldiers of the 28th Mechanized "
    "Brigade were seen near the regional administration building. The Russian Defence Ministry "
    "said the last of its units had crossed to the left bank without losses, a claim that "
    "could not be verified. Ukrainian officials warned residents that mines had been left in "
    "buildings and along the roads leading into the city."
)


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_ingest_directory_recursive_by_extension(tmp_path: Path, settings: Settings) -> None:
    write(tmp_path / "a.txt", "Kyiv oblast is free of Russian troops, officials said on Saturday.")
    write(
        tmp_path / "sub" / "b.html", "<html><body><p>Snake Island was abandoned.</p></body></html>"
    )
    write(tmp_path / "sub" / "deeper" / "c.jsonl", '{"text": "Lysychansk fell on 3 July."}\n')
    write(tmp_path / "sub" / "picture.png", b"\x89PNG\r\n")
    write(tmp_path / ".hidden" / "d.txt", "ignored")
    write(tmp_path / ".DS_Store", b"\x00\x01")
    result = Ingestor(settings).ingest([tmp_path])
    assert [Path(a.origin or "").name for a in result.articles] == ["a.txt", "b.html", "c.jsonl:1"]
    assert result.skipped == [str(tmp_path / "sub" / "picture.png")]
    assert result.failures == []


def test_ingest_overrides_metadata(tmp_path: Path, settings: Settings) -> None:
    line = {"text": "Soledar is under our control.", "published": "2023-01-13", "outlet": "MoD"}
    path = write(tmp_path / "x.jsonl", json.dumps(line) + "\n")
    options = IngestOptions(published=dt.date(2023, 1, 14), outlet="Override")
    (article,) = Ingestor(settings, options).ingest([path]).articles
    assert (article.published, article.outlet) == (dt.date(2023, 1, 14), "Override")
    (plain,) = Ingestor(settings).ingest([path]).articles
    assert (plain.published, plain.outlet) == (dt.date(2023, 1, 13), "MoD")


def test_ingest_stdin_is_sniffed(settings: Settings) -> None:
    stdin = io.BytesIO(b'{"text": "Avdiivka: troops withdrew.", "title": "A"}\n')
    (article,) = Ingestor(settings, stdin=stdin).ingest(["-"]).articles
    assert article.origin == "<stdin>:1"
    assert article.title == "A"


def test_ingest_exact_duplicates_collapse(tmp_path: Path, settings: Settings) -> None:
    first = write(tmp_path / "one.txt", STORY)
    second = write(tmp_path / "two.jsonl", json.dumps({"text": STORY, "outlet": "Copy Wire"}))
    result = Ingestor(settings).ingest([first, second])
    (article,) = result.articles
    assert article.id == content_id(STORY)
    (ref,) = result.duplicates[article.id]
    assert (ref.origin, ref.outlet) == (f"{second}:1", "Copy Wire")


def test_ingest_near_duplicates_are_linked_not_dropped(tmp_path: Path, settings: Settings) -> None:
    syndicated = STORY.replace("on Friday", "on Friday morning") + " Power remained off."
    unrelated = "Russian missiles struck energy facilities in Kyiv and Lviv overnight. " * 3
    paths = [
        write(tmp_path / "original.txt", STORY),
        write(tmp_path / "syndicated.txt", syndicated),
        write(tmp_path / "other.txt", unrelated),
    ]
    result = Ingestor(settings).ingest(paths)
    original, copy, other = result.articles
    assert len(result.articles) == 3
    (link,) = result.near_duplicates[original.id]
    assert link.article_id == copy.id
    assert 0.8 <= link.similarity < 1.0
    assert result.near_duplicates[copy.id][0].article_id == original.id
    assert other.id not in result.near_duplicates


@given(st.text(min_size=1), st.sampled_from([" ", "\n", "\n\n  ", "\t"]))
def test_ingest_content_id_ignores_whitespace_layout(text: str, gap: str) -> None:
    words = text.split()
    assert content_id(" ".join(words)) == content_id(gap.join(words))
    assert len(content_id(text)) == 20


def test_ingest_is_deterministic(tmp_path: Path, settings: Settings) -> None:
    write(tmp_path / "a.txt", STORY)
    write(tmp_path / "b.txt", STORY + " Updated.")
    first = Ingestor(settings).ingest([tmp_path])
    second = Ingestor(settings).ingest([tmp_path])
    assert first.articles == second.articles
    assert first.near_duplicates == second.near_duplicates


def test_ingest_article_length_limit(tmp_path: Path) -> None:
    path = write(tmp_path / "long.txt", "word " * 100)
    result = Ingestor(Settings(max_article_chars=50)).ingest([path])
    assert result.articles == []
    (failure,) = result.failures
    assert failure.error == "InputTooLargeError"
    assert "max_article_chars" in failure.reason


def test_ingest_reads_gzipped_files(tmp_path: Path, settings: Settings) -> None:
    page = "<html><body><p>" + STORY + "</p></body></html>"
    write(tmp_path / "report.html.gz", gzip.compress(page.encode()))
    write(tmp_path / "notes.txt.gz", gzip.compress(b"Robotyne was retaken in August 2023."))
    write(tmp_path / "archive.tar.gz", gzip.compress(b"not an article"))
    result = Ingestor(settings).ingest([tmp_path])
    assert sorted(Path(a.origin or "").name for a in result.articles) == [
        "notes.txt.gz",
        "report.html.gz",
    ]
    assert result.skipped == [str(tmp_path / "archive.tar.gz")]


def test_ingest_bad_gzip_is_a_named_failure(tmp_path: Path, settings: Settings) -> None:
    write(tmp_path / "broken.html.gz", b"\x1f\x8b\x08\x00garbage")
    write(tmp_path / "good.txt", "Kupiansk was liberated on 10 September.")
    result = Ingestor(settings).ingest([tmp_path])
    assert [a.origin for a in result.articles] == [str(tmp_path / "good.txt")]
    (failure,) = result.failures
    assert failure.source == str(tmp_path / "broken.html.gz")
    assert "gzip" in failure.reason


def test_ingest_gzip_limit_applies_to_decompressed_size(tmp_path: Path) -> None:
    bomb = write(tmp_path / "bomb.txt.gz", gzip.compress(b"a " * 600_000))
    result = Ingestor(Settings(max_input_bytes=1_000_000)).ingest([bomb])
    (failure,) = result.failures
    assert failure.error == "InputTooLargeError"
    assert "decompressed" in failure.reason
