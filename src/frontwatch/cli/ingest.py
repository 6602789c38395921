"""``frontwatch ingest``: files, directories or stdin → analyzed articles in the store.

Reads every input like ``analyze``, runs the pipeline over the articles the store does not
have yet (or has only from an older pipeline), and writes each article in its own transaction:
its row, sources, analysis and events together or not at all, so an interrupted run loses at
most the article it was writing and a re-run completes the rest. The same content is stored
once (content hash); a new origin of a stored article is recorded as a source.

Progress and a summary (new, duplicate, re-analyzed, failed, skipped) go to stderr;
``--format json`` also prints the summary as JSON on stdout. Inputs that fail are recorded in
the store's failures and listed on stderr, the batch goes on, and the exit code is 1. Usage,
configuration, model and database errors exit with 2.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from itertools import islice
from pathlib import Path

import typer

from frontwatch.cli import options
from frontwatch.cli.console import (
    EXIT_INPUT,
    EXIT_OK,
    EXIT_USAGE,
    configure_logging,
    progress_bar,
    stderr,
    write_output,
)
from frontwatch.config import Settings, load_settings
from frontwatch.errors import ConfigError, ModelNotFoundError
from frontwatch.model import Article, ArticleAnalysis, Failure, SourceRef
from frontwatch.pipeline import IngestOptions, Ingestor, IngestResult, Pipeline
from frontwatch.store import Store, StoreError, open_store, pipeline_signature

__all__ = ["IngestSummary", "SummaryFormat", "ingest"]

log = logging.getLogger(__name__)


class SummaryFormat(StrEnum):
    """Where the summary goes: ``text`` on stderr only, ``json`` also on stdout."""

    text = "text"
    json = "json"


@dataclass
class IngestSummary:
    """What one ``ingest`` run did; printed on stderr, and on stdout with ``--format json``."""

    database: str
    inputs: int = 0
    """Files (or stdin) read."""
    new: int = 0
    """Articles stored for the first time."""
    duplicate: int = 0
    """Articles read whose text the store (or this batch) had already."""
    reanalyzed: int = 0
    """Stored articles analyzed again because the pipeline changed."""
    failed: int = 0
    skipped: int = 0
    """Files inside directories not read (unsupported extension)."""
    sources_added: int = 0
    events: int = 0
    """Events stored."""
    pipeline: str | None = None
    """The pipeline signature the analyses were stored under (None when nothing was read)."""
    failures: list[Failure] = field(default_factory=list)
    skipped_files: list[str] = field(default_factory=list)

    def to_json(self) -> str:
        data = asdict(self)
        data["failures"] = [failure.model_dump(mode="json") for failure in self.failures]
        return json.dumps(data, indent=2)


def ingest(
    paths: list[str] = typer.Argument(
        ...,
        help="Files or directories to read (text, HTML, JSONL/JSON, RSS/Atom); '-' reads stdin.",
        show_default=False,
    ),
    db: str | None = typer.Option(
        None,
        "--db",
        metavar="FILE",
        help="The store: a SQLite file or a sqlite:/// URL (default: setting 'database', "
        "./frontwatch.sqlite).",
    ),
    published: dt.datetime | None = options.PUBLISHED,
    outlet: str | None = options.OUTLET,
    summary_format: SummaryFormat = typer.Option(
        SummaryFormat.text,
        "--format",
        "-f",
        help="text: summary on stderr; json: also print the summary as JSON on stdout.",
    ),
    config: Path | None = options.CONFIG,
    model: str | None = typer.Option(None, "--model", help="spaCy model package to load."),
    batch_size: int | None = typer.Option(None, "--batch-size", help="Articles per batch."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log more on stderr."),
    quiet: bool = typer.Option(
        False, "--quiet", "-q", help="Print only errors; no progress bar, no summary on stderr."
    ),
) -> None:
    """Analyze articles and store them, each with its sources, analysis and events.

    Idempotent: content already stored is not stored again. Exit codes: 0 ok; 1 some inputs
    failed (listed on stderr and recorded in the store); 2 usage, model or database error.
    """
    configure_logging(verbose=verbose, quiet=quiet)
    try:
        settings = load_settings(
            config=config, overrides={"database": db, "model": model, "batch_size": batch_size}
        )
        store = open_store(settings)
    except (ConfigError, StoreError) as exc:
        stderr.print(f"error: {exc}", markup=False)
        raise typer.Exit(EXIT_USAGE) from None
    options = IngestOptions(published=published.date() if published else None, outlet=outlet)
    with store:
        try:
            summary = _ingest(store, Ingestor(settings, options), paths, settings, not quiet)
        except (ModelNotFoundError, StoreError) as exc:
            stderr.print(f"error: {exc}", markup=False)
            raise typer.Exit(EXIT_USAGE) from None
    if summary_format is SummaryFormat.json:
        write_output(summary.to_json(), None)
    raise typer.Exit(_report(summary, quiet))


def _ingest(
    store: Store, ingestor: Ingestor, paths: Sequence[str], settings: Settings, show: bool
) -> IngestSummary:
    sources, batch = ingestor.discover(paths)
    summary = IngestSummary(database=store.location, inputs=len(sources))
    with progress_bar(show and len(sources) > settings.progress_threshold) as progress:
        task = progress.add_task("reading", total=len(sources))
        for source in sources:
            ingestor.collect(ingestor.read(source), batch)
            progress.advance(task)
    ingestor.link(batch)
    summary.skipped_files = list(batch.skipped)
    summary.skipped = len(batch.skipped)
    summary.duplicate = sum(len(refs) for refs in batch.duplicates.values())
    _fail(store, summary, batch.failures)
    if batch.articles:
        _analyze_and_store(store, batch, settings, summary, show)
    return summary


def _analyze_and_store(
    store: Store, batch: IngestResult, settings: Settings, summary: IngestSummary, show: bool
) -> None:
    """Analyze what the store lacks (or has from another pipeline) and store it."""
    pipeline = Pipeline.from_settings(settings)
    signature = pipeline_signature(pipeline.stage_names, pipeline.model)
    summary.pipeline = signature
    ids = [article.id for article in batch.articles]
    done = store.analyzed(ids, signature)
    stored = {article.id: article for article in store.articles(i for i in ids if i not in done)}
    duplicates = {key: list(refs) for key, refs in batch.duplicates.items()}
    todo: list[Article] = []
    for article in batch.articles:
        ref = SourceRef(
            origin=article.origin, url=article.url, outlet=article.outlet, title=article.title
        )
        if article.id in done:
            summary.duplicate += 1
            summary.sources_added += store.add_sources(
                article.id, [ref, *duplicates.get(article.id, ())]
            )
        elif article.id in stored:
            # Analyze the stored text, so the analysis matches the stored article; this input
            # is one more source of it.
            todo.append(stored[article.id])
            duplicates.setdefault(article.id, []).insert(0, ref)
        else:
            todo.append(article)

    with progress_bar(show and len(todo) > settings.progress_threshold) as progress:
        task = progress.add_task("analyzing and storing", total=len(todo))
        for outcome in _analyses(pipeline, todo, duplicates, batch):
            if isinstance(outcome, Failure):
                _fail(store, summary, [outcome])
            else:
                _store(store, outcome, signature, summary)
            progress.advance(task)


def _analyses(
    pipeline: Pipeline,
    articles: list[Article],
    duplicates: dict[str, list[SourceRef]],
    batch: IngestResult,
) -> Iterator[ArticleAnalysis | Failure]:
    """The pipeline's analyses; an article that makes a stage crash becomes a Failure."""
    iterator = iter(articles)
    while chunk := list(islice(iterator, pipeline.batch_size)):
        try:
            yield from _run(pipeline, chunk, duplicates, batch)
        except _StageCrash:
            # A bug in a stage must not cost the rest of the batch: find the article that
            # triggers it, record it as failed (traceback in the verbose log), go on.
            for article in chunk:
                try:
                    yield from _run(pipeline, [article], duplicates, batch)
                except _StageCrash as crash:
                    log.debug("pipeline error on %s", article.origin, exc_info=crash.error)
                    yield Failure(
                        source=article.origin or article.id,
                        error=type(crash.error).__name__,
                        reason=f"internal error in the pipeline: {crash.error} "
                        "(a bug; please report it with this input)",
                    )


class _StageCrash(Exception):
    def __init__(self, error: Exception) -> None:
        super().__init__(str(error))
        self.error = error


def _run(
    pipeline: Pipeline,
    articles: list[Article],
    duplicates: dict[str, list[SourceRef]],
    batch: IngestResult,
) -> list[ArticleAnalysis]:
    """Run the pipeline over ``articles``; any exception of a stage becomes a _StageCrash."""
    try:
        return list(
            pipeline.run_articles(articles, duplicates=duplicates, near=batch.near_duplicates)
        )
    except Exception as exc:  # any bug of any stage; the caller isolates the article
        raise _StageCrash(exc) from exc


def _store(store: Store, analysis: ArticleAnalysis, signature: str, summary: IngestSummary) -> None:
    try:
        result = store.add_article(analysis, signature=signature)
    except StoreError as exc:
        source = analysis.article.origin or analysis.article.id
        _fail(store, summary, [Failure(source=source, error="StoreError", reason=str(exc))])
        return
    if result.status == "new":
        summary.new += 1
    elif result.status == "reanalyzed":
        summary.reanalyzed += 1
    else:
        summary.duplicate += 1
    summary.sources_added += result.sources
    summary.events += result.events


def _fail(store: Store, summary: IngestSummary, failures: Sequence[Failure]) -> None:
    """Count and list failures and record them in the store (when it can still write)."""
    if not failures:
        return
    summary.failures.extend(failures)
    summary.failed += len(failures)
    try:
        store.add_failures(failures)
    except StoreError as exc:
        log.error("could not record %d failure(s) in the store: %s", len(failures), exc)


def _report(summary: IngestSummary, quiet: bool) -> int:
    """Print failures, skips and the summary on stderr; return the exit code."""
    for failure in summary.failures:
        stderr.print(f"error: {failure.source}: {failure.reason}", markup=False)
    if not quiet:
        for path in summary.skipped_files:
            stderr.print(f"skipped: {path}: unsupported file extension", markup=False)
        stderr.print(
            f"ingested {summary.inputs} input(s) into {summary.database}: "
            f"{summary.new} new, {summary.duplicate} duplicate, "
            f"{summary.reanalyzed} re-analyzed, {summary.failed} failed, "
            f"{summary.skipped} skipped; {summary.sources_added} source(s) and "
            f"{summary.events} event(s) stored",
            markup=False,
        )
    return EXIT_INPUT if summary.failures else EXIT_OK
