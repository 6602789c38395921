"""Ingest: paths (files, directories, ``-`` for stdin) → articles, failures and skips.

Takes the paths a user names and returns an :class:`IngestResult`: the articles (with ids,
exact duplicates collapsed, near-duplicates linked), every input that failed with its reason,
and the files inside directories that were skipped for their extension. Nothing raises for a
bad input; each one becomes a :class:`~frontwatch.model.Failure` and the batch goes on.

Formats are chosen by extension (``.txt .text``, ``.html .htm .xhtml``, ``.jsonl
.ndjson``, ``.json``, ``.xml .rss .atom``), each optionally gzipped (``report.html.gz``); a file
named explicitly with another extension, and stdin, are sniffed from their content.
Directories are walked recursively, in sorted order, and hidden files are ignored.
"""

from __future__ import annotations

import datetime as dt
import gzip
import logging
import re
import sys
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import BinaryIO

from frontwatch.config import Settings
from frontwatch.errors import InputError, InputNotFoundError, InputTooLargeError
from frontwatch.model import Article, DateBasis, Failure, NearDuplicate, SourceRef
from frontwatch.pipeline.decode import declared_encoding, decode
from frontwatch.pipeline.dedup import content_id, near_duplicates
from frontwatch.pipeline.formats import (
    Draft,
    read_feed,
    read_html,
    read_json,
    read_jsonl,
    read_text,
    sniff_format,
)

__all__ = [
    "EXTENSIONS",
    "STAGE",
    "IngestOptions",
    "IngestResult",
    "Ingestor",
    "Source",
]

STAGE = "frontwatch.ingest.v1"
STDIN = "-"
EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
}
_STOPWORDS = frozenset(
    {
        "the",
        "of",
        "and",
        "to",
        "in",
        "a",
        "is",
        "that",
        "for",
        "on",
        "was",
        "with",
        "said",
        "as",
        "by",
        "it",
        "at",
        "from",
        "were",
        "has",
        "have",
        "are",
        "be",
    }
)
_WORD = re.compile(r"[A-Za-z]+")

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class IngestOptions:
    """Per-run metadata overrides (``--published``, ``--outlet``): they win over the input's."""

    published: dt.date | None = None
    outlet: str | None = None


@dataclass(frozen=True)
class Source:
    """One input to read: a file, or stdin."""

    name: str
    path: Path | None
    format: str | None
    """Format from the extension; None means sniff the content."""
    compressed: bool = False
    """The file is gzipped (``.gz``); its content is read through gzip."""


@dataclass
class IngestResult:
    """What ingest produced for one batch."""

    articles: list[Article] = field(default_factory=list)
    duplicates: dict[str, list[SourceRef]] = field(default_factory=dict)
    """Article id → the other inputs that had exactly its text."""
    near_duplicates: dict[str, tuple[NearDuplicate, ...]] = field(default_factory=dict)
    failures: list[Failure] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


class Ingestor:
    """Reads inputs into articles under one Settings object."""

    name = STAGE

    def __init__(
        self,
        settings: Settings,
        options: IngestOptions | None = None,
        *,
        stdin: BinaryIO | None = None,
    ) -> None:
        self.settings = settings
        self.options = options or IngestOptions()
        self._stdin = stdin

    def discover(self, paths: Iterable[str | Path]) -> tuple[list[Source], IngestResult]:
        """Expand paths into sources; missing paths and skips go into the returned result."""
        sources: list[Source] = []
        result = IngestResult()
        for raw in paths:
            name = str(raw)
            if name == STDIN:
                sources.append(Source("<stdin>", None, None))
                continue
            path = Path(raw)
            if path.is_dir():
                for child in sorted(path.rglob("*")):
                    if _hidden(child.relative_to(path)) or not child.is_file():
                        continue
                    kind, compressed = _kind(child)
                    if kind is None:
                        result.skipped.append(str(child))
                    else:
                        sources.append(Source(str(child), child, kind, compressed))
            elif path.is_file():
                kind, compressed = _kind(path)
                sources.append(Source(name, path, kind, compressed))
            else:
                error = InputNotFoundError(name, "no such file or directory")
                result.failures.append(_failure(error))
        return sources, result

    def read(self, source: Source) -> list[Draft | InputError]:
        """Read one source; whole-input problems come back as a single error."""
        try:
            data = self._bytes(source)
            kind = source.format
            if kind == "html":
                return [read_html(data, source.name)]
            # Feeds are parsed from bytes by feedparser, but checked like any text first.
            declared = declared_encoding(data) if kind in {None, "feed"} else None
            text = decode(data, source.name, declared=declared)
            kind = kind or sniff_format(text)
            if kind == "feed":
                return read_feed(data, source.name)
            if kind == "html":
                return [read_html(data, source.name)]
            if kind == "jsonl":
                return read_jsonl(text, source.name)
            if kind == "json":
                return read_json(text, source.name)
            return [read_text(text, source.name)]
        except InputError as exc:
            return [exc]

    def ingest(
        self,
        paths: Iterable[str | Path],
        *,
        on_source: Callable[[Source], None] | None = None,
    ) -> IngestResult:
        """Discover, read and assemble a whole batch. ``on_source`` is called after each read."""
        sources, result = self.discover(paths)
        for source in sources:
            self.collect(self.read(source), result)
            if on_source is not None:
                on_source(source)
        self.link(result)
        return result

    def collect(self, items: Iterable[Draft | InputError], result: IngestResult) -> None:
        """Turn drafts into articles in ``result``, collapsing exact duplicates."""
        seen = {article.id: article for article in result.articles}
        for item in items:
            if isinstance(item, InputError):
                log.debug("failed: %s", item)
                result.failures.append(_failure(item))
                continue
            try:
                article = self._article(item)
            except InputError as exc:
                result.failures.append(_failure(exc))
                continue
            first = seen.get(article.id)
            if first is None:
                seen[article.id] = article
                result.articles.append(article)
            else:
                ref = SourceRef(
                    origin=article.origin,
                    url=article.url,
                    outlet=article.outlet,
                    title=article.title,
                )
                result.duplicates.setdefault(first.id, []).append(ref)

    def link(self, result: IngestResult) -> None:
        """Fill ``result.near_duplicates`` over the batch's articles."""
        result.near_duplicates = near_duplicates(
            result.articles,
            threshold=self.settings.near_duplicate_threshold,
            permutations=self.settings.minhash_permutations,
            shingle_words=self.settings.shingle_words,
        )

    def _bytes(self, source: Source) -> bytes:
        limit = self.settings.max_input_bytes
        too_large = (
            f"larger than the limit of {limit:,} bytes (setting max_input_bytes, "
            "env FRONTWATCH_MAX_INPUT_BYTES)"
        )
        if source.path is None:
            stream = self._stdin or sys.stdin.buffer
            data = stream.read(limit + 1)
            if len(data) > limit:
                raise InputTooLargeError(source.name, f"input is {too_large}")
            return data
        try:
            size = source.path.stat().st_size
            if size > limit:
                raise InputTooLargeError(source.name, f"{size:,} bytes is {too_large}")
            if not source.compressed:
                return source.path.read_bytes()
            with gzip.open(source.path, "rb") as stream:
                data = stream.read(limit + 1)
        except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
            raise InputError(source.name, f"not a valid gzip file ({exc})") from None
        except OSError as exc:
            raise InputError(source.name, f"cannot read ({exc.strerror})") from None
        if len(data) > limit:
            raise InputTooLargeError(source.name, f"decompressed content is {too_large}")
        return data

    def _article(self, draft: Draft) -> Article:
        if len(draft.text) > self.settings.max_article_chars:
            raise InputTooLargeError(
                draft.origin,
                f"text has {len(draft.text):,} characters, more than the limit of "
                f"{self.settings.max_article_chars:,} (setting max_article_chars)",
            )
        basis: DateBasis | None = "metadata" if draft.published else None
        if self.options.published is not None:
            draft = replace(draft, published=self.options.published)
            basis = "option"
        if self.options.outlet is not None:
            draft = replace(draft, outlet=self.options.outlet)
        return Article(
            id=content_id(draft.text),
            text=draft.text,
            title=draft.title,
            url=draft.url,
            outlet=draft.outlet,
            published=draft.published,
            published_basis=basis,
            language=draft.language or _guess_language(draft.text),
            origin=draft.origin,
        )


def _failure(error: InputError) -> Failure:
    return Failure(source=error.source, error=type(error).__name__, reason=error.reason)


def _kind(path: Path) -> tuple[str | None, bool]:
    """The format an extension names and whether the file is gzipped (``x.html.gz``)."""
    suffix = path.suffix.lower()
    if suffix == ".gz":
        return EXTENSIONS.get(Path(path.stem).suffix.lower()), True
    return EXTENSIONS.get(suffix), False


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def _guess_language(text: str) -> str | None:
    """``en`` when English function words are frequent; otherwise unknown (None)."""
    words = [word.lower() for word in _WORD.findall(text[:5000])]
    if len(words) < 8:
        return None
    share = sum(word in _STOPWORDS for word in words) / len(words)
    return "en" if share >= 0.12 else None
