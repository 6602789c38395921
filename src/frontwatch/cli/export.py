"""``frontwatch export events|timeline|places``: the merged picture as GeoJSON, CSV or JSONL."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path

import typer

from frontwatch.cli import options
from frontwatch.cli.console import EXIT_USAGE, configure_logging, stderr
from frontwatch.config import load_settings
from frontwatch.errors import FrontwatchError

__all__ = ["ExportFormat", "What", "export"]


class What(StrEnum):
    events = "events"
    timeline = "timeline"
    places = "places"


class ExportFormat(StrEnum):
    geojson = "geojson"
    csv = "csv"
    jsonl = "jsonl"


def export(
    what: What = typer.Argument(..., help="events (merged clusters), timeline or places."),
    fmt: ExportFormat = typer.Option(ExportFormat.csv, "--format", help="Output format."),
    start: str | None = typer.Option(None, "--from", help="First day (YYYY-MM-DD)."),
    end: str | None = typer.Option(None, "--to", help="Last day (YYYY-MM-DD)."),
    db: str | None = typer.Option(None, "--db", help="The store (default: setting 'database')."),
    output: Path | None = typer.Option(None, "--output", "-o", help="File (default: stdout)."),
    config: Path | None = options.CONFIG,
) -> None:
    """Events use ACLED-like CSV columns followed by frontwatch's own (modality, claimants,
    corroboration, evidence); the timeline lists every control change."""
    from frontwatch.merge import cluster_events, control_timeline
    from frontwatch.situation import export as exports
    from frontwatch.situation.picture import reported_events
    from frontwatch.store import open_store

    configure_logging(verbose=False, quiet=False)
    try:
        since = dt.date.fromisoformat(start) if start else None
        until = dt.date.fromisoformat(end) if end else None
    except ValueError as exc:
        stderr.print(f"error: --from/--to: {exc}", markup=False)
        raise typer.Exit(EXIT_USAGE) from None
    if since and until and since > until:
        stderr.print(f"error: --from {since} is after --to {until}", markup=False)
        raise typer.Exit(EXIT_USAGE)
    try:
        settings = load_settings(config=config, overrides={"database": db})
        with open_store(settings, create=False) as store:
            clusters = cluster_events(reported_events(store, until=until))
        timeline = control_timeline(clusters)
        if what is What.events:
            rows = exports.event_rows(clusters, since, until)
            columns = exports.EVENT_COLUMNS
        elif what is What.timeline:
            rows = exports.timeline_rows(timeline, since, until)
            columns = exports.TIMELINE_COLUMNS
        else:
            rows = exports.place_rows(clusters, timeline, until)
            columns = exports.PLACE_COLUMNS
        text = exports.write(rows, columns, fmt.value)
    except FrontwatchError as exc:
        stderr.print(f"error: {exc}", markup=False)
        raise typer.Exit(EXIT_USAGE) from None
    if output is None:
        typer.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
    stderr.print(f"exported {len(rows)} {what.value} row(s) as {fmt.value}", markup=False)
