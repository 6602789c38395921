"""``frontwatch schema``: print the frontwatch/1 JSON Schema or its Markdown reference."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from frontwatch import schema as output_schema
from frontwatch.cli.console import write_output

__all__ = ["schema"]


def schema(
    markdown: bool = typer.Option(
        False, "--markdown", help="Print the Markdown reference instead of the JSON Schema."
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write to this file instead of stdout."
    ),
) -> None:
    """Print the JSON Schema of the frontwatch/1 output format (docs/schema.json)."""
    if markdown:
        text = output_schema.markdown()
    else:
        text = json.dumps(output_schema.json_schema(), indent=2, ensure_ascii=False)
    write_output(text, output)
