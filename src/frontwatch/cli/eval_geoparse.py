"""``frontwatch eval geoparse``: score the geoparser on LGL / GeoWebNews / TR-News XML."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path

import typer

from frontwatch.cli import options
from frontwatch.cli.console import EXIT_USAGE, configure_logging, progress_bar, stderr
from frontwatch.config import load_settings
from frontwatch.errors import FrontwatchError

__all__ = ["CorpusFormat", "geoparse"]


class CorpusFormat(StrEnum):
    """Corpus layouts ``eval geoparse`` reads."""

    gritta_xml = "gritta-xml"


def geoparse(
    corpus: Path = typer.Argument(..., help="Corpus file (LGL, GeoWebNews or TR-News XML)."),
    corpus_format: CorpusFormat = typer.Option(
        CorpusFormat.gritta_xml, "--format", help="Corpus layout."
    ),
    gold_spans: bool = typer.Option(
        False, "--gold-spans", help="Resolve the gold toponym spans (toponym resolution only)."
    ),
    all_coordinates: bool = typer.Option(
        False,
        "--all-coordinates",
        help="GeoWebNews: also score the toponyms with hand-placed points and no GeoNames id.",
    ),
    config: Path | None = options.CONFIG,
) -> None:
    """Print one JSON object: n, acc161, auc, mean_km, median_km, and with --gold-spans
    candidate_acc161 (the acc161 of a perfect choice among the gazetteer's candidates), or
    without it recognition precision/recall/F1."""
    from frontwatch.evaluation.geoparse import evaluate, read_corpus

    configure_logging(verbose=False, quiet=False)
    if not corpus.is_file():
        stderr.print(f"error: {corpus}: corpus file not found", markup=False)
        raise typer.Exit(EXIT_USAGE)
    try:
        settings = load_settings(config=config)
        total = len(read_corpus(corpus))
        with progress_bar(True) as progress:
            task = progress.add_task("documents", total=total)
            result = evaluate(
                corpus,
                gold_spans=gold_spans,
                settings=settings,
                all_coordinates=all_coordinates,
                progress=lambda done: progress.update(task, completed=done),
            )
    except FrontwatchError as exc:
        stderr.print(f"error: {exc}", markup=False)
        raise typer.Exit(EXIT_USAGE) from None
    typer.echo(json.dumps(result, indent=2))
