"""The ``frontwatch`` command line (Typer). One module per command.

Exit codes: 0 everything worked; 1 some inputs failed (each listed on stderr, the rest of the
batch was processed); 2 usage or configuration error. Results go to stdout or ``--output``;
logs, progress and errors go to stderr.
"""

from __future__ import annotations

import typer

from frontwatch import __version__
from frontwatch.cli import (
    analyze,
    eval_events,
    eval_geoparse,
    evaluate,
    export,
    gazetteer,
    ingest,
    schema,
    situation,
)

__all__ = ["app", "main"]

app = typer.Typer(
    name="frontwatch",
    help=(
        "Turn war reporting into a sourced, geolocated, day-by-day situation picture. "
        "Run 'frontwatch COMMAND --help' for each command."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command("analyze", no_args_is_help=True)(analyze.analyze)
app.command("ingest", no_args_is_help=True)(ingest.ingest)
app.command("situation")(situation.situation)
app.command("export", no_args_is_help=True)(export.export)
app.command("schema")(schema.schema)
app.add_typer(gazetteer.gazetteer_app, name="gazetteer")
evaluate.eval_app.command("geoparse")(eval_geoparse.geoparse)
evaluate.eval_app.command("events")(eval_events.events)
evaluate.eval_app.command("control")(eval_events.control)
app.add_typer(evaluate.eval_app, name="eval")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"frontwatch {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """frontwatch: sourced, geolocated situation pictures from war reporting."""


def main() -> None:
    """Console-script entry point."""
    app()
