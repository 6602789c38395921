"""``frontwatch eval events``: score control-event extraction on annotated report paragraphs."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from frontwatch.cli import options
from frontwatch.cli.console import EXIT_USAGE, configure_logging, progress_bar, stderr
from frontwatch.config import load_settings
from frontwatch.errors import FrontwatchError

__all__ = ["control", "events"]


def events(
    gold: Path = typer.Argument(..., help="Gold JSONL (file, paragraph hash, control events)."),
    reports: Path = typer.Argument(..., help="Folder with the reports the gold file names."),
    errors: Path | None = typer.Option(
        None, "--errors", help="Also write every miss, spurious event and wrong modality here."
    ),
    config: Path | None = options.CONFIG,
) -> None:
    """Print one JSON object: P/R/F1 on (settlement, side, kind), modality, date and
    claimant accuracy, per-kind scores and the modality confusions."""
    from frontwatch.evaluation.events import evaluate_events, read_gold

    configure_logging(verbose=False, quiet=False)
    if not gold.is_file():
        stderr.print(f"error: {gold}: gold file not found", markup=False)
        raise typer.Exit(EXIT_USAGE)
    if not reports.is_dir():
        stderr.print(f"error: {reports}: reports folder not found", markup=False)
        raise typer.Exit(EXIT_USAGE)
    try:
        settings = load_settings(config=config)
        total = len({paragraph.file for paragraph in read_gold(gold)})
        with progress_bar(True) as progress:
            task = progress.add_task("reports", total=total)
            result = evaluate_events(
                gold,
                reports,
                settings,
                progress=lambda done: progress.update(task, completed=done),
            )
    except FrontwatchError as exc:
        stderr.print(f"error: {exc}", markup=False)
        raise typer.Exit(EXIT_USAGE) from None
    listed = result.pop("errors")
    if errors is not None:
        errors.write_text(json.dumps(listed, indent=1) + "\n", encoding="utf-8")
    typer.echo(json.dumps(result, indent=2))


def control(
    reports: Path | None = typer.Option(None, "--reports", help="Folder of reports to ingest."),
    truth: Path = typer.Option(
        ..., "--truth", help="Folder of DeepState-style YYYY-MM-DD.geojson(.gz) snapshots."
    ),
    db: Path | None = typer.Option(
        None, "--db", help="Score this existing store instead of ingesting --reports."
    ),
    config: Path | None = options.CONFIG,
) -> None:
    """Print one JSON object: precision of the inferred control changes against the control
    map 3 and 7 days later, and recall over the map's flips of the settlements mentioned.
    Give either --reports (ingested into a temporary store) or --db (a store already built)."""
    from frontwatch.evaluation.control import evaluate_control, evaluate_control_store

    configure_logging(verbose=False, quiet=False)
    source = db if db is not None else reports
    if source is None or (db is not None and reports is not None):
        stderr.print("error: give either --reports or --db (one of them)", markup=False)
        raise typer.Exit(EXIT_USAGE)
    folders = [(truth, "truth")] + ([(reports, "reports")] if reports is not None else [])
    for path, what in folders:
        if not path.is_dir():
            stderr.print(f"error: {path}: {what} folder not found", markup=False)
            raise typer.Exit(EXIT_USAGE)
    if db is not None and not db.is_file():
        stderr.print(f"error: {db}: store not found", markup=False)
        raise typer.Exit(EXIT_USAGE)
    try:
        settings = load_settings(config=config)
        if db is not None:
            from frontwatch.store import open_store

            store_settings = settings.model_copy(update={"database": str(db)})
            with open_store(store_settings, create=False) as store:
                result = evaluate_control_store(store, truth)
        else:
            with progress_bar(True) as progress:
                task = progress.add_task("reports read", total=None)
                result = evaluate_control(
                    source,
                    truth,
                    settings,
                    progress=lambda done, total: progress.update(task, completed=done, total=total),
                )
    except FrontwatchError as exc:
        stderr.print(f"error: {exc}", markup=False)
        raise typer.Exit(EXIT_USAGE) from None
    typer.echo(json.dumps(result, indent=2))
