"""``frontwatch analyze``: files, directories or stdin → frontwatch/1 on stdout.

Reads every input, runs the pipeline, prints the result as one JSON document, JSON lines (one
article per line, streamed) or Markdown. Failed inputs are listed on stderr and in the JSON
document's ``failures``; the exit code is then 1. Usage and configuration errors exit with 2.
"""

from __future__ import annotations

import datetime as dt
import logging
import sys
from enum import StrEnum
from pathlib import Path
from typing import TextIO

import typer

from frontwatch import __version__
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
from frontwatch.model import ArticleAnalysis, Document, Generator
from frontwatch.pipeline import IngestOptions, Ingestor, IngestResult, Pipeline
from frontwatch.report.markdown import render_markdown

__all__ = ["OutputFormat", "analyze"]

log = logging.getLogger(__name__)


class OutputFormat(StrEnum):
    """Output formats of ``analyze``."""

    json = "json"
    jsonl = "jsonl"
    md = "md"


def analyze(
    paths: list[str] = typer.Argument(
        ...,
        help="Files or directories to read (text, HTML, JSONL/JSON, RSS/Atom); '-' reads stdin.",
        show_default=False,
    ),
    published: dt.datetime | None = options.PUBLISHED,
    outlet: str | None = options.OUTLET,
    output_format: OutputFormat = typer.Option(
        OutputFormat.json,
        "--format",
        "-f",
        help="json: one document; jsonl: one article a line; md: a readable report.",
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write the result to this file instead of stdout."
    ),
    config: Path | None = options.CONFIG,
    model: str | None = typer.Option(None, "--model", help="spaCy model package to load."),
    batch_size: int | None = typer.Option(None, "--batch-size", help="Articles per batch."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log more on stderr."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Log only errors; no progress bar."),
) -> None:
    """Analyze articles: sentences and named entities (places, times and events as they land).

    Exit codes: 0 ok; 1 some inputs failed (listed on stderr); 2 usage error.
    """
    configure_logging(verbose=verbose, quiet=quiet)
    try:
        settings = load_settings(
            config=config, overrides={"model": model, "batch_size": batch_size}
        )
    except ConfigError as exc:
        stderr.print(f"error: {exc}", markup=False)
        raise typer.Exit(EXIT_USAGE) from None
    options = IngestOptions(published=published.date() if published else None, outlet=outlet)
    ingestor = Ingestor(settings, options)
    show = not quiet

    sources, batch = ingestor.discover(paths)
    with progress_bar(show and len(sources) > settings.progress_threshold) as progress:
        task = progress.add_task("reading", total=len(sources))
        for source in sources:
            ingestor.collect(ingestor.read(source), batch)
            progress.advance(task)
    ingestor.link(batch)

    try:
        pipeline = Pipeline.from_settings(settings) if batch.articles else None
    except ModelNotFoundError as exc:
        stderr.print(f"error: {exc}", markup=False)
        raise typer.Exit(EXIT_USAGE) from None
    stages = pipeline.stage_names if pipeline else ()
    generator = Generator(
        version=__version__, model=pipeline.model if pipeline else settings.model, stages=stages
    )
    results = _run(pipeline, batch, settings, output_format, output, show)
    if output_format is not OutputFormat.jsonl:
        document = Document(
            generator=generator,
            articles=tuple(results),
            failures=tuple(batch.failures),
            skipped=tuple(batch.skipped),
        )
        text = (
            document.model_dump_json(indent=2)
            if output_format is OutputFormat.json
            else render_markdown(document)
        )
        write_output(text, output)
    raise typer.Exit(_report(batch, len(sources)))


def _run(
    pipeline: Pipeline | None,
    batch: IngestResult,
    settings: Settings,
    output_format: OutputFormat,
    output: Path | None,
    show: bool,
) -> list[ArticleAnalysis]:
    """Run the pipeline; JSON lines are streamed as they come, other formats collected."""
    if pipeline is None:
        return []
    collected: list[ArticleAnalysis] = []
    stream: TextIO | None = None
    if output_format is OutputFormat.jsonl:
        if output is not None:
            output.parent.mkdir(parents=True, exist_ok=True)
        stream = output.open("w", encoding="utf-8") if output is not None else sys.stdout
    try:
        with progress_bar(show and len(batch.articles) > settings.progress_threshold) as progress:
            task = progress.add_task("analyzing", total=len(batch.articles))
            for analysis in pipeline.run(batch):
                if stream is not None:
                    stream.write(analysis.model_dump_json() + "\n")
                else:
                    collected.append(analysis)
                progress.advance(task)
    finally:
        if stream is not None and stream is not sys.stdout:
            stream.close()
    return collected


def _report(batch: IngestResult, sources: int) -> int:
    """Print failures, skips and a summary on stderr; return the exit code."""
    for failure in batch.failures:
        stderr.print(f"error: {failure.source}: {failure.reason}", markup=False)
    for path in batch.skipped:
        stderr.print(f"skipped: {path}: unsupported file extension", markup=False)
    collapsed = sum(len(refs) for refs in batch.duplicates.values())
    linked = sum(len(links) for links in batch.near_duplicates.values()) // 2
    log.info(
        "read %d inputs: %d articles, %d exact duplicates collapsed, %d near-duplicate pairs, "
        "%d failed, %d skipped",
        sources,
        len(batch.articles),
        collapsed,
        linked,
        len(batch.failures),
        len(batch.skipped),
    )
    if batch.failures:
        stderr.print(
            f"{len(batch.failures)} input(s) failed; {len(batch.articles)} article(s) analyzed.",
            markup=False,
        )
        return EXIT_INPUT
    return EXIT_OK
