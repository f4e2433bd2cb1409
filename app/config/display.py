"""The organisation's conventions for showing numbers, from `[directory] default_region` and `[desk] services`."""

from __future__ import annotations

from collections.abc import Mapping

from app.config.settings import Settings
from directory.number_display import NumberDisplay


def number_display(settings: Settings, extra_services: Mapping[str, str] | None = None) -> NumberDisplay:
    """Numbers of the directory's own country nationally, others internationally; switchboard numbers by
    name (``extra_services``, e.g. the demo's, under the configured ones)."""
    return NumberDisplay(settings.directory.default_region, {**(extra_services or {}), **settings.desk.services})
