"""Configuration layers, locking and every kind of bad input, each named by file and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.config.loader import load_config
from app.config.paths import Paths


@pytest.fixture
def paths(tmp_path: Path) -> Paths:
    return Paths(system_config=tmp_path / "etc" / "config.toml", user_config=tmp_path / "user" / "config.toml",
                 data_dir=tmp_path / "data", log_dir=tmp_path / "log")


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_any_file(paths: Paths) -> None:
    config = load_config(paths)
    assert config.problems == []
    assert config.settings.directory.default_region == "SE"
    assert config.origin("directory.default_region") == "default"


def test_layers_merge_lowest_first(paths: Paths, tmp_path: Path) -> None:
    write(paths.system_config, '[general]\nlanguage = "sv"\n[directory]\nresult_limit = 40\n')
    write(paths.user_config, '[general]\nlanguage = "nb"\n')
    explicit = write(tmp_path / "x.toml", "[directory]\nresult_limit = 30\n")
    config = load_config(paths, explicit)
    assert config.problems == []
    assert config.settings.general.language == "nb"
    assert config.settings.directory.result_limit == 30
    assert config.origin("general.language") == str(paths.user_config)
    assert config.origin("directory.result_limit") == str(explicit)


def test_environment_names_the_explicit_file(paths: Paths, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    explicit = write(tmp_path / "env.toml", '[general]\nlanguage = "sv"\n')
    monkeypatch.setenv("SWITCHBOARD_CONFIG", str(explicit))
    assert load_config(paths).settings.general.language == "sv"


def test_machine_wide_locks_win(paths: Paths) -> None:
    write(paths.system_config, '[store]\nurl = "sqlite:////srv/x.db"\n[policy]\nlocked = ["store"]\n')
    write(paths.user_config, '[store]\nurl = "sqlite:////tmp/mine.db"\n[policy]\nlocked = []\n')
    config = load_config(paths)
    assert config.settings.store.url == "sqlite:////srv/x.db"
    messages = [str(p) for p in config.problems]
    assert f"warning: {paths.user_config}: store.url: locked by the machine-wide configuration; ignored" in messages
    assert f"error: {paths.user_config}: policy: only the machine-wide file may lock keys; ignored" in messages


def test_broken_toml_names_file_and_line_and_falls_back(paths: Paths) -> None:
    write(paths.system_config, '[general]\nlanguage = "sv"\n')
    write(paths.user_config, '[general]\nlanguage = "nb\n')
    config = load_config(paths)
    (problem,) = config.problems
    assert problem.file == str(paths.user_config)
    assert "not valid TOML" in problem.message
    assert "line 2" in problem.message
    assert config.settings.general.language == "sv"


def test_wrong_type_and_unknown_key_fall_back_to_lower_layer(paths: Paths) -> None:
    write(paths.system_config, "[directory]\nresult_limit = 40\n")
    write(paths.user_config, '[directory]\nresult_limit = "many"\ncolour = "red"\n[general]\nlanguage = "de"\n')
    config = load_config(paths)
    found = {p.key: p.message for p in config.errors}
    assert found["directory.colour"] == "unknown key"
    assert "valid integer" in found["directory.result_limit"]
    assert found["general.language"] == "expected '', 'en', 'sv' or 'nb' (got 'de')"
    assert config.settings.directory.result_limit == 40
    assert config.settings.general.language == ""


def test_out_of_range_value(paths: Paths) -> None:
    write(paths.user_config, "[directory]\nresult_limit = 100000\n")
    (problem,) = load_config(paths).errors
    assert problem.key == "directory.result_limit"
    assert "less than or equal to 500" in problem.message


def test_a_display_name_too_long_to_register_with_is_named(paths: Paths) -> None:
    write(paths.user_config, f'[sip]\ndisplay_name = "{"Växeln " * 40}"\n')
    (problem,) = load_config(paths).errors
    assert problem.key == "sip.display_name"
    assert "at most 100 characters" in problem.message


def test_secret_values_are_refused(paths: Paths) -> None:
    write(paths.user_config, '[store]\npassword = "hunter2"\n')
    (problem,) = load_config(paths).errors
    assert problem.key == "store.password"
    assert "never the secret itself" in problem.message
    write(paths.user_config, '[store]\npassword = "env:DB_PASSWORD"\n')
    assert load_config(paths).errors == []


def test_unreadable_and_non_utf8_files(paths: Paths, tmp_path: Path) -> None:
    write(paths.user_config, b'[general]\nlanguage = "sv"\n# \xe5\xe4\xf6\n')
    (problem,) = load_config(paths).errors
    assert "not UTF-8" in problem.message
    paths.user_config.unlink()
    missing = tmp_path / "nope.toml"
    (problem,) = load_config(paths, missing).errors
    assert (problem.file, problem.message) == (str(missing), "file not found")
    directory = tmp_path / "adir.toml"
    directory.mkdir()
    (problem,) = load_config(paths, directory).errors
    assert "cannot read the file" in problem.message
