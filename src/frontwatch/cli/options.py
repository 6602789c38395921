"""Options that several commands share, defined once."""

from __future__ import annotations

import typer

CONFIG = typer.Option(
    None, "--config", help="Settings file (default ./frontwatch.toml or $FRONTWATCH_CONFIG)."
)
PUBLISHED = typer.Option(
    None,
    "--published",
    formats=["%Y-%m-%d"],
    help="Publication date YYYY-MM-DD for every input; overrides the inputs' own.",
)
OUTLET = typer.Option(
    None, "--outlet", help="Outlet name for every input; overrides the inputs' own."
)
