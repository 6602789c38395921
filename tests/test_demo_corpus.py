"""The bundled demo corpus reads cleanly and covers what it promises."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from frontwatch.config import Settings
from frontwatch.pipeline import Ingestor, IngestResult
from tests.conftest import CORPUS


@pytest.fixture(scope="module")
def corpus() -> IngestResult:
    return Ingestor(Settings()).ingest([CORPUS])


def test_demo_corpus_reads_without_failures(corpus: IngestResult) -> None:
    assert corpus.failures == []
    assert corpus.skipped == []
    assert len(corpus.articles) >= 30


def test_demo_corpus_has_every_format(corpus: IngestResult) -> None:
    kinds = Counter(
        Path((article.origin or "").split("#")[0].split(":")[0]).suffix
        for article in corpus.articles
    )
    assert set(kinds) == {".html", ".txt", ".jsonl", ".xml"}
    assert min(kinds.values()) >= 3


def test_demo_corpus_syndicated_copy_is_linked(corpus: IngestResult) -> None:
    near = corpus.near_duplicates
    pairs = {tuple(sorted((key, link.article_id))) for key, links in near.items() for link in links}
    assert len(pairs) >= 1
    by_id = {a.id: a for a in corpus.articles}
    for left, right in pairs:
        assert by_id[left].outlet != by_id[right].outlet


def test_demo_corpus_dates_are_stated_not_guessed(corpus: IngestResult) -> None:
    for article in corpus.articles:
        if article.published is not None:
            assert article.published_basis == "metadata"
            assert 2022 <= article.published.year <= 2024
