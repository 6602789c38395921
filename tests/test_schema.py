"""The documentation of the output format is generated from the code and must match it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from frontwatch import schema
from frontwatch.model import SCHEMA_VERSION

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_schema_json_matches_docs() -> None:
    committed = json.loads((DOCS / "schema.json").read_text(encoding="utf-8"))
    assert committed == schema.json_schema(), "docs/schema.json is stale: run `make schema`"


def test_schema_markdown_matches_docs() -> None:
    committed = (DOCS / "schema.md").read_text(encoding="utf-8").rstrip("\n")
    assert committed == schema.markdown().rstrip("\n"), "docs/schema.md is stale: run `make schema`"


@pytest.mark.parametrize("model", schema.MODELS, ids=lambda m: m.__name__)
def test_schema_every_field_is_described(model: type) -> None:
    definition = schema.json_schema()["$defs"][model.__name__]
    assert definition.get("description"), f"{model.__name__} has no docstring"
    for name in definition["properties"]:
        prop = definition["properties"][name]
        described = prop.get("description") or "$ref" in prop or name in _SELF_EXPLANATORY
        assert described, f"{model.__name__}.{name} has no description"


_SELF_EXPLANATORY = {
    "start",
    "end",
    "text",
    "id",
    "name",
    "lat",
    "lon",
    "url",
    "outlet",
    "title",
    "admin1",
    "country",
    "score",
    "article",
    "article_id",
    "version",
    "type",
    "modality",
    "actor",
    "place",
    "time",
    "quantities",
    "confidence",
    "evidence",
    "sentences",
    "entities",
    "generator",
    "articles",
    "controller",
    "valid_from",
    "side",
    "kind",
    "origin",
    "gazetteer_id",
    "error",
    "reason",
    "stages",
    "value",
    "low",
    "high",
    "actor_id",
}


def test_schema_validates_a_document() -> None:
    import jsonschema

    from tests.test_model import ARTICLE, EVENT

    instance = json.loads(EVENT.model_dump_json())
    event_schema = {**schema.json_schema(), "$ref": "#/$defs/Event"}
    jsonschema.validate(instance, event_schema)
    article_schema = {**schema.json_schema(), "$ref": "#/$defs/Article"}
    jsonschema.validate(json.loads(ARTICLE.model_dump_json()), article_schema)
    assert schema.json_schema()["$id"] == SCHEMA_VERSION
