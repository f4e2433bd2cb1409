"""The commented machine-wide config.toml is generated from `config reference` and stays valid TOML."""

from __future__ import annotations

import contextlib
import io
import re
import tomllib

import pytest

from app.cli.config import config_reference
from installer.config_template import commented_config, parse_reference

SETTING_LINE = re.compile(r"^# (\[.*\]|[a-z_]+ = .*)$")


def _reference() -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        config_reference()
    return out.getvalue()


def test_every_setting_is_listed_commented_out() -> None:
    text = commented_config(_reference())
    assert tomllib.loads(text) == {}  # installing it changes nothing
    for setting in parse_reference(_reference()):
        if not setting.kind.startswith(("list of tables", "tables ")):
            assert f"# {setting.name} = " in text, setting.key


def test_uncommenting_every_setting_gives_valid_toml_with_every_section() -> None:
    text = commented_config(_reference())
    uncommented = "\n".join(line[2:] if SETTING_LINE.match(line) else line for line in text.splitlines())
    data = tomllib.loads(uncommented)
    assert {"general", "store", "directory", "logging", "policy"} <= data.keys()
    assert data["general"]["language"] == ""


def test_a_reference_without_a_table_is_refused() -> None:
    with pytest.raises(ValueError, match="no settings"):
        parse_reference("nothing here")
