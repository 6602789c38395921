"""``frontwatch eval``: score frontwatch's stages on annotated corpora; one JSON object out.

``frontwatch eval timex DIR`` reads the TimeML ``.tml`` files under DIR (TimeBank,
TempEval-3), runs the dates stage on each document's text anchored at its creation date, and
prints the scores described in :mod:`frontwatch.evaluation.timex`. By default each text is
parsed with the configured spaCy model first, as the pipeline does (the parse gives the tense
of each clause); ``--no-parse`` skips it. Exit codes: 0 scored; 2 DIR missing or without
``.tml`` files, or the model is not installed.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path

import typer

from frontwatch.cli import options
from frontwatch.cli.console import EXIT_USAGE, stderr, write_output
from frontwatch.config import load_settings
from frontwatch.errors import ConfigError, ModelNotFoundError
from frontwatch.evaluation.timex import TimexCorpusError, evaluate
from frontwatch.model import TimeExpression

__all__ = ["eval_app", "timex"]

eval_app = typer.Typer(
    help="Score frontwatch's stages on annotated corpora; prints one JSON object.",
    no_args_is_help=True,
)


@eval_app.command("timex")
def timex(
    directory: Path = typer.Argument(
        ..., help="Folder with TimeML .tml files (searched recursively).", show_default=False
    ),
    parse: bool = typer.Option(
        True, "--parse/--no-parse", help="Parse each text with spaCy first, as the pipeline does."
    ),
    model: str | None = typer.Option(None, "--model", help="spaCy model package to load."),
    errors: Path | None = typer.Option(
        None, "--errors", help="Also write every missed or wrongly valued DATE here (JSON)."
    ),
    config: Path | None = options.CONFIG,
) -> None:
    """Temporal expressions: extent P/R/F1, value accuracy and TempEval-3 value F1.

    The DATE value F1 (``date.value_f1``) is the quality gate.
    """
    from frontwatch.pipeline.dates import TimeFinder
    from frontwatch.pipeline.dates.lexicon import load_lexicon

    if not directory.is_dir():
        stderr.print(f"error: {directory}: no such directory", markup=False)
        raise typer.Exit(EXIT_USAGE)
    try:
        settings = load_settings(config=config, overrides={"model": model})
    except ConfigError as exc:
        stderr.print(f"error: {exc}", markup=False)
        raise typer.Exit(EXIT_USAGE) from None
    finder = TimeFinder(load_lexicon())
    nlp = None
    if parse:
        from frontwatch.pipeline.analyze import Analyzer

        try:
            nlp = Analyzer.from_settings(settings).nlp
        except ModelNotFoundError as exc:
            stderr.print(f"error: {exc}", markup=False)
            raise typer.Exit(EXIT_USAGE) from None

    def find(text: str, dct: dt.date) -> Sequence[TimeExpression]:
        doc = nlp(text) if nlp is not None else None
        return finder.find(text, dct, doc=doc, split_ranges=True)

    try:
        scores = evaluate(directory, find)
    except TimexCorpusError as exc:
        stderr.print(f"error: {exc}", markup=False)
        raise typer.Exit(EXIT_USAGE) from None
    mistakes = scores.pop("date_errors")
    if errors is not None:
        write_output(json.dumps(mistakes, indent=1, ensure_ascii=False), errors)
    scores["parse"] = parse
    scores["model"] = settings.model if parse else None
    scores["corpus"] = str(directory)
    write_output(json.dumps(scores, ensure_ascii=False), None)
