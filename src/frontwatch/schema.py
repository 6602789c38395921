"""The ``frontwatch/1`` JSON Schema and its Markdown reference, generated from the model.

Takes nothing; returns the JSON Schema (draft 2020-12) of every public model class, or a
Markdown page describing each class field by field. ``docs/schema.json`` and
``docs/schema.md`` are these outputs (``make schema``); a test regenerates them and fails on
any difference, so the documentation cannot drift from the code.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from frontwatch.model import (
    SCHEMA_VERSION,
    Actor,
    Article,
    ArticleAnalysis,
    Claimant,
    ControlState,
    Document,
    Event,
    Evidence,
    Failure,
    Generator,
    Mention,
    NearDuplicate,
    Place,
    PlaceCandidate,
    PlaceMention,
    Quantity,
    Sentence,
    SourceRef,
    TimeExpression,
    TimeSpan,
)

__all__ = ["MODELS", "json_schema", "markdown"]

MODELS: tuple[type[BaseModel], ...] = (
    Document,
    Generator,
    Failure,
    ArticleAnalysis,
    Article,
    SourceRef,
    NearDuplicate,
    Sentence,
    Mention,
    Event,
    Evidence,
    Actor,
    Claimant,
    PlaceMention,
    Place,
    PlaceCandidate,
    TimeExpression,
    TimeSpan,
    Quantity,
    ControlState,
)

_INTRO = """\
# The frontwatch/1 output format

Generated from `src/frontwatch/model.py` by `make schema`; do not edit by hand.
The machine-readable JSON Schema is [`schema.json`](schema.json).

- `frontwatch analyze --format json` prints one **Document**.
- `--format jsonl` prints one **ArticleAnalysis** per line.
- Every record carries `"schema": "{version}"`. A change that breaks readers of this
  format gets a new version.
- Character offsets (`start`, `end`) index into `Article.text`; `end` is exclusive.
- `null` means unknown: nothing is guessed. A field of a stage that has not run is absent.
"""


def json_schema() -> dict[str, Any]:
    """The JSON Schema of every model, with Document as the root."""
    _, schema = models_json_schema(
        [(model, "serialization") for model in MODELS],
        title=f"{SCHEMA_VERSION} output",
        ref_template="#/$defs/{model}",
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_VERSION,
        "$ref": "#/$defs/Document",
        **schema,
    }


def markdown() -> str:
    """A Markdown reference: one section per model, one table row per field."""
    definitions = json_schema()["$defs"]
    parts = [_INTRO.format(version=SCHEMA_VERSION)]
    for model in MODELS:
        definition = definitions[model.__name__]
        required = set(definition.get("required", ()))
        description = " ".join((definition.get("description") or "").split())
        parts.append(f"## {model.__name__}\n\n{description}\n")
        parts.append("| field | type | required | description |\n|---|---|---|---|")
        for name, prop in definition["properties"].items():
            text = " ".join((prop.get("description") or "").split()).replace("|", "\\|")
            mark = "yes" if name in required else "no"
            parts.append(f"| `{name}` | {_type(prop)} | {mark} | {text} |")
        parts.append("")
    return "\n".join(parts)


def _type(prop: dict[str, Any]) -> str:
    if "$ref" in prop:
        name = prop["$ref"].rsplit("/", 1)[-1]
        return f"[{name}](#{name.lower()})"
    if "anyOf" in prop:
        return " or ".join(_type(option) for option in prop["anyOf"])
    if "const" in prop:
        return f'`"{prop["const"]}"`'
    if "enum" in prop:
        return " \\| ".join(f'`"{value}"`' for value in prop["enum"])
    kind = prop.get("type", "any")
    if kind == "array":
        return f"list of {_type(prop.get('items', {}))}"
    if kind == "string" and "format" in prop:
        return f"string ({prop['format']})"
    if kind == "string" and "pattern" in prop:
        return f"string (`{prop['pattern']}`)"
    bounds = [
        f"{op} {prop[key]}" for key, op in (("minimum", "≥"), ("maximum", "≤")) if key in prop
    ]
    return f"{kind} ({', '.join(bounds)})" if bounds else str(kind)
