"""The commented machine-wide config.toml shipped by the packages, generated from `config reference`.

Generated from the program being packaged, so the file lists exactly the settings that build knows;
every line is a comment, so installing it changes nothing until IT uncomments a value.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_ROW = re.compile(r"^\| `(?P<key>[^`]+)` \| (?P<kind>.*?) \| `(?P<default>.*)` \| (?P<meaning>.*) \|$")

HEADER = """\
# Switchboard: machine-wide configuration ({path}).
#
# Every setting is listed below, commented out, with its built-in default. Uncomment and change what
# this installation needs; the package manager keeps this file across upgrades.
#
# Layers, lowest first: built-in defaults < this file < the user's own file (`switchboard config check`
# shows where it is) < `switchboard --config PATH` or the SWITCHBOARD_CONFIG environment variable.
# A bad value here is reported (file, key, what is expected) and the default applies; check with
#     switchboard config check
# Secrets are never written here: settings that take one take a reference, env:VARIABLE or
# keyring:service/user. `policy.locked` (only honoured in this file) stops users overriding keys or
# whole sections, e.g. locked = ["store", "general.language"].
"""


@dataclass(frozen=True)
class Setting:
    key: str
    kind: str
    default: str  # JSON, as `config reference` prints it
    meaning: str

    @property
    def section(self) -> str:
        return self.key.rpartition(".")[0]

    @property
    def name(self) -> str:
        return self.key.rpartition(".")[2]


def config_reference(bundle: Path) -> str:
    """`config reference` from the bundled program itself, isolated from this machine's config files."""
    program = bundle / ("switchboard-cli.exe" if sys.platform == "win32" else "switchboard")
    with tempfile.TemporaryDirectory() as empty:
        env = {**os.environ, "SWITCHBOARD_SYSTEM_CONFIG": str(Path(empty) / "none.toml"),
               "XDG_CONFIG_HOME": empty, "XDG_DATA_HOME": empty, "XDG_STATE_HOME": empty}
        env.pop("SWITCHBOARD_CONFIG", None)
        return subprocess.run([str(program), "config", "reference"], capture_output=True, text=True,
                              check=True, env=env, encoding="utf-8").stdout


def parse_reference(markdown: str) -> list[Setting]:
    """The rows of `switchboard config reference`; raises if the table is missing or malformed."""
    settings = [Setting(m["key"], m["kind"], m["default"], m["meaning"])
                for line in markdown.splitlines() if (m := _ROW.match(line.strip()))]
    if not settings:
        raise ValueError("no settings found in the `config reference` output")
    return settings


def _placeholder(kind: str) -> str:
    """A value of the right shape for settings without a default, for IT to fill in."""
    if kind.startswith("secret reference"):
        return '"env:VARIABLE"'
    if kind.startswith("list"):
        return "[]"
    if kind.startswith("dict"):
        return "{}"
    if kind.startswith(("integer", "number")):
        return "0"
    if kind.startswith("true/false"):
        return "false"
    if kind.startswith("one of ") and (first := re.match(r'one of ("[^"]*")', kind)):
        return first[1]
    return '""'


_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def _toml(value: Any) -> str:
    """A JSON value (as `config reference` prints defaults) written as TOML."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        items = [f"{k if _BARE_KEY.match(k) else json.dumps(k, ensure_ascii=False)} = {_toml(v)}"
                 for k, v in value.items()]
        return "{ " + ", ".join(items) + " }" if items else "{}"
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)  # strings and numbers: JSON's form is valid TOML


def _value_line(setting: Setting) -> str | None:
    if setting.kind.startswith(("list of tables", "tables ")):
        return None  # documented by its [[table]] / [table.KEY] block below
    if setting.default == '"(required)"':
        return f"# {setting.name} = {_placeholder(setting.kind)}    # required"
    if setting.default == "null":  # JSON and TOML agree on everything else; null has no TOML form
        return f"# {setting.name} = {_placeholder(setting.kind)}    # not set by default"
    return f"# {setting.name} = {_toml(json.loads(setting.default))}"


def _header(section: str) -> str:
    return f"# [[{section[:-2]}]]" if section.endswith("[]") else f"# [{section}]"


def commented_config(markdown: str, path: str = "/etc/switchboard/config.toml") -> str:
    # One block per section, in order of first appearance: a section's keys listed after one of its
    # sub-tables must still go under its own header, or TOML would give them to the sub-table.
    sections: dict[str, list[Setting]] = {}
    for setting in parse_reference(markdown):
        sections.setdefault(setting.section, []).append(setting)
    lines = [HEADER.format(path=path)]
    for section, settings in sections.items():
        lines += ["", _header(section)]
        for index, setting in enumerate(settings):
            if index:
                lines.append("#")
            lines.append(f"# {setting.meaning}")
            value = _value_line(setting)
            if value is not None:
                lines += [f"#   ({setting.kind})", value]
    return "\n".join(lines) + "\n"
