"""From `[calendars]` to calendar source settings, and what `config check` should say about them."""

from __future__ import annotations

from collections.abc import Callable

from app.config.loader import Config, ConfigProblem
from directory.calendars import CalendarConfigError, CalendarSourceSettings, calendar_sources


def calendar_settings(config: Config, resolve: Callable[[str], str] | None = None) -> list[CalendarSourceSettings]:
    """Every configured calendar source with its secrets resolved; raises CalendarConfigError."""
    if resolve is None:
        from app.config.secrets import resolve_secret  # noqa: PLC0415 - keyring only when needed

        resolve = resolve_secret
    return calendar_sources(config.settings.calendars, resolve)


def calendar_problems(config: Config, resolve: Callable[[str], str] | None = None) -> list[ConfigProblem]:
    """For `config check`: the first unusable calendar table, named by its key."""
    try:
        calendar_settings(config, resolve)
    except CalendarConfigError as error:
        key = str(error).split(":", 1)[0]
        return [ConfigProblem(config.origin("calendars"), key, str(error).split(": ", 1)[-1])]
    return []
