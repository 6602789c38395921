"""Shared fixtures: settings, the shared evaluation data folder, a loaded pipeline."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from frontwatch.cli import app
from frontwatch.config import Settings

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
CORPUS = ROOT / "examples" / "corpus"


@pytest.fixture
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"shared evaluation data not available at {SHARED}")
    return SHARED


@pytest.fixture(scope="session")
def gazetteer() -> Any:
    """The real gazetteer, from the user cache (built once, about 15 s, when missing)."""
    from frontwatch.gazetteer.lookup import Gazetteer

    return Gazetteer.from_settings(Settings())


@pytest.fixture(scope="session")
def pipeline() -> Any:
    from frontwatch.pipeline import Pipeline

    return Pipeline.from_settings(Settings())


@pytest.fixture
def run_cli(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Callable[..., Result]:
    """Invoke the CLI in-process from an empty working directory and environment."""
    monkeypatch.chdir(tmp_path)
    for name in list(os.environ):
        if name.startswith("FRONTWATCH_"):
            monkeypatch.delenv(name)

    def invoke(*args: str, input: str | bytes | None = None) -> Result:
        return CliRunner().invoke(app, list(args), input=input, catch_exceptions=False)

    return invoke


def parse_document(text: str) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(text)
    assert document["schema"] == "frontwatch/1"
    return document
