"""``frontwatch situation --date D [--since D0]``: the digest and map for a day.

Reads the store, builds the situation picture (clusters, control timeline, what changed in
``(since, date]``) and writes ``situation-DATE.md``, ``situation-DATE.html`` and
``situation-DATE.png`` (the map, readable offline) into ``--out``. The Markdown also goes to
stdout unless ``--quiet``. An optional ``--baseline`` control-map GeoJSON (DeepState style)
gives the states before the first text-derived change and is drawn under the points.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import typer

from frontwatch.cli import options
from frontwatch.cli.console import EXIT_USAGE, configure_logging, stderr
from frontwatch.config import load_settings
from frontwatch.errors import FrontwatchError

__all__ = ["situation"]


def situation(
    date: str = typer.Option(..., "--date", help="The day (YYYY-MM-DD)."),
    since: str | None = typer.Option(
        None, "--since", help="Changes after this day (default: the day before --date)."
    ),
    db: str | None = typer.Option(None, "--db", help="The store (default: setting 'database')."),
    out: Path = typer.Option(Path("."), "--out", help="Folder for the .md, .html and .png."),
    baseline: Path | None = typer.Option(
        None, "--baseline", help="Control-map GeoJSON (DeepState style) as the starting state."
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Do not print the Markdown."),
    config: Path | None = options.CONFIG,
) -> None:
    """Write the day's digest (Markdown, HTML) and map (PNG) and print the Markdown."""
    from frontwatch.situation.digest import to_html, to_markdown
    from frontwatch.situation.mapping import draw
    from frontwatch.situation.picture import build_picture
    from frontwatch.store import open_store

    configure_logging(verbose=False, quiet=quiet)
    try:
        day = dt.date.fromisoformat(date)
        start = dt.date.fromisoformat(since) if since else None
    except ValueError as exc:
        stderr.print(f"error: --date/--since: {exc}", markup=False)
        raise typer.Exit(EXIT_USAGE) from None
    if start is not None and start >= day:
        stderr.print(f"error: --since {start} is not before --date {day}", markup=False)
        raise typer.Exit(EXIT_USAGE)
    try:
        settings = load_settings(config=config, overrides={"database": db})
        layer = None
        if baseline is not None:
            from frontwatch.controlmap import ControlLayer

            layer = ControlLayer.from_file(baseline)
        with open_store(settings, create=False) as store:
            picture = build_picture(store, day, start, layer=layer)
        out.mkdir(parents=True, exist_ok=True)
        stem = f"situation-{day}"
        image = draw(picture, out / f"{stem}.png", layer=layer)
        markdown = to_markdown(picture, image.name)
        (out / f"{stem}.md").write_text(markdown, encoding="utf-8")
        (out / f"{stem}.html").write_text(to_html(picture, image.name), encoding="utf-8")
    except FrontwatchError as exc:
        stderr.print(f"error: {exc}", markup=False)
        raise typer.Exit(EXIT_USAGE) from None
    stderr.print(
        f"situation on {day}: {len(picture.changes)} control change(s), "
        f"{len(picture.strikes)} strike(s); wrote {out / stem}.md, .html and .png",
        markup=False,
    )
    if not quiet:
        typer.echo(markdown)
