"""`switchboard config check` and `config reference`."""

from __future__ import annotations

import json
from datetime import time
from enum import Enum
from types import UnionType
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from app.calls.exchange_setup import exchange_problems
from app.calls.phone_setup import sip_problems
from app.config.base import SecretRef
from app.config.loader import Config, effective_values
from app.config.paths import Paths
from app.config.settings import Settings
from app.lookup.calendar_setup import calendar_problems
from app.lookup.referral_setup import referral_problems
from app.lookup.sync_setup import ldap_problems
from softphone.sound import sound_devices


def _show(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def config_check(config: Config, paths: Paths) -> int:
    """Print every effective value with its origin, then one line per problem; exit 1 on errors."""
    config.problems.extend(sip_problems(config) + ldap_problems(config) + referral_problems(config)
                           + calendar_problems(config) + exchange_problems(config))
    print(f"machine-wide file: {paths.system_config}" + ("" if paths.system_config.exists() else " (absent)"))
    print(f"user file:         {paths.user_config}" + ("" if paths.user_config.exists() else " (absent)"))
    for key, value in effective_values(config.settings):
        print(f"{key} = {_show(value)}    ({config.origin(key)})")
    for problem in config.problems:
        print(problem)
    if config.errors:
        print(f"{len(config.errors)} problem(s): the console starts with the values shown above.")
        return 1
    print("configuration is valid")
    return 0


def config_devices() -> int:
    """The sound devices the headset and ringer settings can name (PortAudio's, as the console uses them)."""
    devices = sound_devices()
    if not devices:
        print("no sound devices (is PortAudio installed? Debian: libportaudio2)")
        return 1
    for device in devices:
        roles = [role for role, ok in (("input", device.inputs), ("output", device.outputs)) if ok]
        print(f"{device.name}\t{device.api}\t{' '.join(roles)}")
    return 0


def _kind(annotation: Any) -> str:
    """A reader's name for a setting's type: "one of a, b", "secret reference", "list of text"."""
    origin, args = get_origin(annotation), get_args(annotation)
    if annotation is SecretRef:
        return "secret reference (env:NAME or keyring:service/user)"
    if origin is Annotated:  # a Choice or Items: described by the type it holds
        return _kind(args[0])
    if origin is Literal:
        return "one of " + ", ".join(_show(a) for a in args)
    if isinstance(annotation, type) and issubclass(annotation, Enum):  # a Choice: written as its values
        return "one of " + ", ".join(_show(member.value) for member in annotation)
    if origin in (Union, UnionType):
        return " or ".join(_kind(a) for a in args if a is not type(None)) + " (optional)"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "table of " + ", ".join(annotation.model_fields)
    if origin is list or origin is tuple:  # an Items tuple is written as a TOML array
        return f"list of {_kind(args[0])}"
    if origin is dict:
        return f"table of {_kind(args[0])} = {_kind(args[1])}"
    names = {str: "text", int: "integer", bool: "true/false", float: "number", time: "time of day"}
    return names.get(annotation, str(annotation))


def _rows(model: type[BaseModel], prefix: str = "") -> list[str]:
    rows: list[str] = []
    for name, info in model.model_fields.items():
        annotation = info.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            rows += _rows(annotation, f"{prefix}{name}.")
            continue
        value = get_args(annotation)[1] if get_origin(annotation) is dict else None
        if isinstance(value, type) and issubclass(value, BaseModel):  # [prefix.name.KEY]
            rows.append(f"| `{prefix}{name}` | tables `[{prefix}{name}.KEY]` | `{{}}` | {info.description} |")
            rows += _rows(value, f"{prefix}{name}.KEY.")
            continue
        item = get_args(annotation)[0] if get_origin(annotation) is list else None
        if isinstance(item, type) and issubclass(item, BaseModel):  # an array of tables: [[prefix.name]]
            rows.append(f"| `{prefix}{name}` | list of tables `[[{prefix}{name}]]` | `[]` | {info.description} |")
            rows += _rows(item, f"{prefix}{name}[].")
            continue
        default = info.get_default(call_default_factory=True) if not info.is_required() else "(required)"
        rows.append(f"| `{prefix}{name}` | {_kind(annotation)} | `{_show(default)}` | {info.description or ''} |")
    return rows


def config_reference() -> int:
    print("| key | type | default | meaning |\n|---|---|---|---|")
    print("\n".join(_rows(Settings)))
    return 0
