"""The documentation matches the code: README's set-up, every setting, the public API."""

from __future__ import annotations

import importlib.metadata
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

import frontwatch
from frontwatch.config import ENV_PREFIX, Settings

ROOT = Path(__file__).resolve().parents[1]


def test_docs_readme_opens_with_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"^make (\w+)", readme, flags=re.MULTILINE)
    assert commands[:2] == ["demo", "test"]
    assert readme.index("make demo") < 600, "the set-up commands come first"


@pytest.mark.parametrize("name", sorted(Settings.model_fields))
def test_docs_every_setting_is_documented(name: str) -> None:
    docs = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    row = next((line for line in docs.splitlines() if line.startswith(f"| `{name}` |")), None)
    assert row is not None, f"docs/settings.md has no row for {name}"
    assert f"`{ENV_PREFIX}{name.upper()}`" in row
    default = Settings.model_fields[name].default
    assert f"`{default}`" in row, f"the documented default of {name} is not {default!r}"


def test_docs_public_api_is_all() -> None:
    public = {
        name
        for name, value in vars(frontwatch).items()
        if not name.startswith("_") and not isinstance(value, ModuleType)
    }
    assert public <= set(frontwatch.__all__)
    assert all(hasattr(frontwatch, name) for name in frontwatch.__all__)
    assert len(set(frontwatch.__all__)) == len(frontwatch.__all__)


def test_docs_version_matches_package_metadata() -> None:
    assert frontwatch.__version__ == importlib.metadata.version("frontwatch")


@pytest.mark.parametrize("module", ["frontwatch", "frontwatch.pipeline", "frontwatch.cli"])
def test_docs_importing_does_not_load_spacy(module: str) -> None:
    code = f"import sys, {module}; sys.exit('spacy' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
