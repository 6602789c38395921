"""``frontwatch gazetteer``: build, inspect and query the place gazetteer."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import typer

from frontwatch.cli import options
from frontwatch.cli.console import EXIT_USAGE, configure_logging, stderr
from frontwatch.config import load_settings
from frontwatch.errors import ConfigError, GazetteerError
from frontwatch.gazetteer.lookup import Gazetteer

__all__ = ["gazetteer_app"]

gazetteer_app = typer.Typer(
    help="Build, inspect and query the gazetteer (GeoNames, KATOTTG, frontwatch's tables).",
    no_args_is_help=True,
)


@gazetteer_app.command("build")
def build(
    geonames: Path | None = typer.Option(
        None, "--geonames", help="Also load a GeoNames dump (UA.txt, allCountries.txt)."
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write here instead of the configured path."
    ),
    config: Path | None = options.CONFIG,
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log more on stderr."),
) -> None:
    """Build the gazetteer SQLite file (idempotent: the same sources give the same file)."""
    from frontwatch.gazetteer.build import GazetteerBuilder
    from frontwatch.gazetteer.lookup import default_path

    configure_logging(verbose=verbose, quiet=False)
    try:
        settings = load_settings(
            config=config, overrides={"geonames_dump": str(geonames) if geonames else None}
        )
        if geonames is not None and not geonames.is_file():
            raise GazetteerError(f"{geonames}: GeoNames dump not found")
        path = output or (Path(settings.gazetteer) if settings.gazetteer else default_path())
        with stderr.status("building the gazetteer"):
            report = GazetteerBuilder.from_settings(settings).build(path)
    except (ConfigError, GazetteerError) as exc:
        stderr.print(f"error: {exc}", markup=False)
        raise typer.Exit(EXIT_USAGE) from None
    summary = {
        "path": str(report.path),
        "places": report.places,
        "names": report.names,
        "seconds": round(report.seconds, 1),
        "sources": report.counts,
    }
    typer.echo(json.dumps(summary, indent=2))


@gazetteer_app.command("info")
def info(config: Path | None = options.CONFIG) -> None:
    """Print where the gazetteer is and what it holds (builds it if missing)."""
    gazetteer = _open(config)
    typer.echo(json.dumps({"path": str(gazetteer.path), **gazetteer.stats()}, indent=2))


@gazetteer_app.command("lookup")
def lookup(
    names: list[str] = typer.Argument(..., help="Place names to look up."),
    config: Path | None = options.CONFIG,
) -> None:
    """Print every gazetteer candidate for each name, one JSON object per line."""
    gazetteer = _open(config)
    for name in names:
        candidates = sorted(gazetteer.candidates(name), key=lambda c: -c.population)
        typer.echo(
            json.dumps(
                {"query": name, "candidates": [asdict(c) for c in candidates]}, ensure_ascii=False
            )
        )


def _open(config: Path | None) -> Gazetteer:
    configure_logging(verbose=False, quiet=False)
    try:
        return Gazetteer.from_settings(load_settings(config=config))
    except (ConfigError, GazetteerError) as exc:
        stderr.print(f"error: {exc}", markup=False)
        raise typer.Exit(EXIT_USAGE) from None
