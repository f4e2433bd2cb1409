"""`[calendars]` through the app's Config: nothing before the section is declared, problems named by key."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any, cast

from app.calendar_setup import calendar_problems, calendar_settings, calendar_tables
from app.config import Config
from app.settings import Settings


class _Section:
    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data

    def model_dump(self, exclude_none: bool = False) -> dict[str, Any]:
        return self.data


def _config(calendars: dict[str, Any] | None) -> Config:
    settings = SimpleNamespace(calendars=_Section(calendars)) if calendars is not None else Settings()
    return Config(settings=cast(Settings, settings), origins={"calendars": "/etc/switchboard/config.toml"})


def test_no_section_means_no_sources() -> None:
    config = _config(None)
    assert calendar_tables(config) == {}
    assert calendar_settings(config, resolve=str) == []
    assert calendar_problems(config, resolve=str) == []


def test_problem_names_the_table_and_the_file() -> None:
    config = _config({"caldav": [{"name": "Skola"}]})
    [problem] = calendar_problems(config, resolve=str)
    assert (problem.file, problem.key, problem.message) == ("/etc/switchboard/config.toml", "calendars.caldav[0].url",
                                                            "required")


def test_secrets_resolved_through_the_given_function() -> None:
    config = _config({"caldav": [{"name": "Skola", "url": "https://dav", "password": "env:DAV"}]})
    [source] = calendar_settings(config, resolve=lambda ref: f"resolved {ref}")
    assert source.password == "resolved env:DAV"  # type: ignore[union-attr]
