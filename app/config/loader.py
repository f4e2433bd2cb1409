"""Loading the configuration: TOML layers merged lowest first, machine-wide locks, precise problems.

Layers: built-in defaults < machine-wide file < the user's file < --config PATH / SWITCHBOARD_CONFIG.
A layer that cannot be read or parsed is skipped whole; a bad value is dropped from its layer so the
layers below it (or the default) apply. Either way the problem is recorded with file, key and what is expected,
so the console still starts and `config check` can say exactly what to fix.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from app.config.paths import Paths
from app.config.settings import Settings

DEFAULTS = "default"


@dataclass(frozen=True)
class ConfigProblem:
    """One thing wrong with one file: ``severity`` is "error" (value ignored) or "warning"."""

    file: str
    key: str
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        where = f"{self.file}: {self.key}: " if self.key else f"{self.file}: "
        return f"{self.severity}: {where}{self.message}"


@dataclass(frozen=True)
class Layer:
    name: str  # "machine", "user" or "explicit"
    path: Path
    data: dict[str, Any]


@dataclass
class Config:
    """The effective settings, where each value came from, and what was wrong on the way."""

    settings: Settings
    origins: dict[str, str] = field(default_factory=dict)
    problems: list[ConfigProblem] = field(default_factory=list)
    layers: list[Layer] = field(default_factory=list)

    @property
    def errors(self) -> list[ConfigProblem]:
        return [p for p in self.problems if p.severity == "error"]

    def origin(self, key: str) -> str:
        return self.origins.get(key, DEFAULTS)


def _read_layer(name: str, path: Path, problems: list[ConfigProblem]) -> Layer | None:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        if name == "explicit":
            problems.append(ConfigProblem(str(path), "", "file not found"))
        return None
    except OSError as exc:
        problems.append(ConfigProblem(str(path), "", f"cannot read the file: {exc.strerror or exc}"))
        return None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        problems.append(ConfigProblem(str(path), "", f"not UTF-8 text (byte {exc.start}); save it as UTF-8"))
        return None
    except tomllib.TOMLDecodeError as exc:
        problems.append(ConfigProblem(str(path), "", f"not valid TOML: {exc}"))
        return None
    return Layer(name, path, data)


def _leaves(data: Mapping[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    """Dotted keys of the values in a TOML table; arrays of tables count as one value."""
    for key, value in data.items():
        dotted = f"{prefix}{key}"
        if isinstance(value, dict):
            yield from _leaves(value, dotted + ".")
        else:
            yield dotted, value


def _set(data: dict[str, Any], dotted: str, value: Any) -> None:
    *parents, last = dotted.split(".")
    for part in parents:
        data = data.setdefault(part, {})
    data[last] = value


def _delete(data: dict[str, Any], loc: tuple[str | int, ...]) -> bool:
    node: Any = data
    for part in loc[:-1]:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return False
    if isinstance(node, dict) and loc[-1] in node:
        del node[loc[-1]]
        return True
    if isinstance(node, list) and isinstance(loc[-1], int) and loc[-1] < len(node):
        del node[loc[-1]]
        return True
    return False


def _is_locked(key: str, locked: set[str]) -> bool:
    parts = key.split(".")
    return any(".".join(parts[:i]) in locked for i in range(1, len(parts) + 1))


def _describe(error: Mapping[str, Any]) -> str:
    if error["type"] == "extra_forbidden":
        return "unknown key"
    if error["type"] in ("literal_error", "enum"):
        return f"{error['msg'].replace('Input should be', 'expected')} (got {error['input']!r})"
    message = str(error["msg"]).removeprefix("Value error, ")
    return f"{message} (got {error['input']!r})" if not isinstance(error["input"], dict) else message


def load_config(paths: Paths, explicit: Path | None = None) -> Config:
    """Merge the layers, apply locks, validate; never raises for bad files (see Config.problems)."""
    problems: list[ConfigProblem] = []
    if explicit is None and os.environ.get("SWITCHBOARD_CONFIG"):
        explicit = Path(os.environ["SWITCHBOARD_CONFIG"])
    candidates = [("machine", paths.system_config), ("user", paths.user_config)]
    if explicit is not None:
        candidates.append(("explicit", explicit))
    layers = [layer for name, path in candidates if (layer := _read_layer(name, path, problems))]

    locked: set[str] = set()
    merged: dict[str, Any] = {}
    origins: dict[str, str] = {}
    for layer in layers:
        _drop_invalid(layer, problems)
        for key, value in _leaves(layer.data):
            if _is_locked(key, locked):
                problems.append(ConfigProblem(str(layer.path), key,
                                        "locked by the machine-wide configuration; ignored", "warning"))
                continue
            _set(merged, key, value)
            origins[key] = str(layer.path)
        if layer.name == "machine":
            locked = set(Settings.model_validate(layer.data).policy.locked)

    try:
        settings = Settings.model_validate(merged)
    except ValidationError as exc:  # only if layers that are valid alone conflict when merged
        problems += [ConfigProblem("merged configuration", ".".join(map(str, e["loc"])), _describe(e))
                     for e in exc.errors()]
        settings = Settings()
    return Config(settings, origins, problems, layers)


def _drop_invalid(layer: Layer, problems: list[ConfigProblem]) -> None:
    """Remove each bad value from the layer (recording why), so the layers below it apply instead."""
    if layer.name != "machine" and "policy" in layer.data:
        problems.append(ConfigProblem(str(layer.path), "policy", "only the machine-wide file may lock keys; ignored"))
        del layer.data["policy"]
    for _attempt in range(100):
        try:
            Settings.model_validate(layer.data)
            return
        except ValidationError as exc:
            for error in exc.errors():
                loc = tuple(error["loc"])
                problems.append(ConfigProblem(str(layer.path), ".".join(map(str, loc)), _describe(error)))
                if not _delete(layer.data, loc) and not _delete(layer.data, loc[:1]):
                    layer.data.clear()
    layer.data.clear()


def effective_values(model: BaseModel, prefix: str = "") -> Iterator[tuple[str, Any]]:
    """Every effective (dotted key, value), sections flattened, for `config check`."""
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            yield from effective_values(value, f"{prefix}{name}.")
        elif isinstance(value, list) and value and all(isinstance(v, BaseModel) for v in value):
            for i, item in enumerate(value):
                yield from effective_values(item, f"{prefix}{name}.{i}.")
        else:
            yield f"{prefix}{name}", value
