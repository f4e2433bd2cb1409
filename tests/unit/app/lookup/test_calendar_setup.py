"""`[calendars]` through the app's Config: no sources by default, problems named by key, secrets resolved."""

from __future__ import annotations

from typing import Any

from app.config.loader import Config
from app.config.settings import Settings
from app.lookup.calendar_setup import calendar_problems, calendar_settings


def _config(calendars: dict[str, Any]) -> Config:
    return Config(settings=Settings.model_validate({"calendars": calendars}),
                  origins={"calendars": "/etc/switchboard/config.toml"})


def test_no_section_means_no_sources() -> None:
    config = Config(Settings())
    assert calendar_settings(config, resolve=str) == []
    assert calendar_problems(config, resolve=str) == []


def test_problem_names_the_table_and_the_file() -> None:
    config = _config({"exchange": [{"name": "Region"}]})
    [problem] = calendar_problems(config, resolve=str)
    assert (problem.file, problem.key) == ("/etc/switchboard/config.toml", "calendars.exchange[0]")
    assert "service_endpoint" in problem.message


def test_secrets_resolved_through_the_given_function() -> None:
    config = _config({"caldav": [{"name": "Skola", "url": "https://dav", "password": "env:DAV"}]})
    [source] = calendar_settings(config, resolve=lambda ref: f"resolved {ref}")
    assert source.password == "resolved env:DAV"  # type: ignore[union-attr]
