"""From `[calendars]` tables (plain data, e.g. the app's validated settings dumped to dicts) to source settings.

The app validates types and declares the keys; this module only turns the tables into the frozen
dataclasses, resolving secret references through the function it is given and checking what the
types cannot (an endpoint or autodiscover address, a secret or a certificate).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from directory.calendars.settings import (
    CalDavSettings,
    CalendarSourceSettings,
    EwsAuth,
    ExchangeSettings,
    GraphSettings,
    SourceCommon,
)
from directory.calendars.subjects import DEFAULT_PREFIXES, SubjectRules

_COMMON = ("name", "domains", "mailbox_attribute", "refresh_interval", "max_concurrency", "batch_size",
           "days_ahead", "timeout", "share_details")


class CalendarConfigError(ValueError):
    """A calendar table that cannot be used; the message starts with its key (``calendars.graph[0]...``)."""


def _common(table: Mapping[str, Any], where: str, calendars: Mapping[str, Any]) -> SourceCommon:
    name = str(table.get("name", "")).strip()
    if not name:
        raise CalendarConfigError(f"{where}.name: every calendar source needs a name")
    rules = SubjectRules(prefixes=dict(calendars.get("subject_codes") or DEFAULT_PREFIXES),
                         private_refers=bool(calendars.get("private_refers", False)),
                         all_day_refers=bool(calendars.get("all_day_refers", True)),
                         share_details=bool(table.get("share_details", False)))
    values = {key: table[key] for key in _COMMON[2:-1] if key in table}
    return SourceCommon(name=name, domains=tuple(table.get("domains") or ()), rules=rules, **values)


def _secret(table: Mapping[str, Any], key: str, where: str, resolve: Callable[[str], str]) -> str:
    reference = table.get(key)
    if not reference:
        return ""
    try:
        return resolve(str(reference))
    except Exception as exc:  # the app's SecretError; its message names the reference, never a value
        raise CalendarConfigError(f"{where}.{key}: {exc}") from exc


def _pick(table: Mapping[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    return {key: table[key] for key in keys if key in table and table[key] is not None}


def calendar_sources(calendars: Mapping[str, Any], resolve: Callable[[str], str]) -> list[CalendarSourceSettings]:
    """Every configured source, in the order exchange, graph, caldav (each in file order).
    Raises CalendarConfigError on the first unusable table."""
    sources: list[CalendarSourceSettings] = []
    for index, table in enumerate(calendars.get("exchange") or ()):
        where = f"calendars.exchange[{index}]"
        if not table.get("service_endpoint") and not table.get("autodiscover_email"):
            raise CalendarConfigError(f"{where}: set service_endpoint (…/EWS/Exchange.asmx) or autodiscover_email")
        sources.append(ExchangeSettings(
            _common(table, where, calendars), auth=EwsAuth(table.get("auth", "ntlm")),
            password=_secret(table, "password", where, resolve),
            oauth_client_secret=_secret(table, "oauth_client_secret", where, resolve),
            **_pick(table, ("service_endpoint", "autodiscover_email", "username", "oauth_client_id",
                            "oauth_tenant_id", "server_version", "verify_tls", "time_zone"))))
    for index, table in enumerate(calendars.get("graph") or ()):
        where = f"calendars.graph[{index}]"
        certificate = str(table.get("certificate") or "")
        pem = ""
        if certificate:
            try:
                pem = Path(certificate).expanduser().read_text(encoding="ascii")
            except (OSError, UnicodeDecodeError) as exc:
                raise CalendarConfigError(f"{where}.certificate: cannot read {certificate}: {exc}") from exc
            if not table.get("certificate_thumbprint"):
                raise CalendarConfigError(f"{where}.certificate_thumbprint: needed with a certificate")
        secret = _secret(table, "client_secret", where, resolve)
        if not secret and not pem:
            raise CalendarConfigError(f"{where}: set client_secret (a secret reference) or certificate")
        for key in ("tenant_id", "client_id", "schedule_user"):
            if not table.get(key):
                raise CalendarConfigError(f"{where}.{key}: required")
        sources.append(GraphSettings(
            _common(table, where, calendars), client_secret=secret, certificate_pem=pem,
            **_pick(table, ("tenant_id", "client_id", "schedule_user", "certificate_thumbprint", "authority_host",
                            "graph_url", "max_retries"))))
    for index, table in enumerate(calendars.get("caldav") or ()):
        where = f"calendars.caldav[{index}]"
        if not table.get("url"):
            raise CalendarConfigError(f"{where}.url: required")
        sources.append(CalDavSettings(
            _common(table, where, calendars), password=_secret(table, "password", where, resolve),
            **_pick(table, ("url", "calendar_url", "username", "read_events", "verify_tls"))))
    names = [s.common.name for s in sources]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise CalendarConfigError(f"calendars: source names must be unique: {', '.join(duplicates)}")
    return sources
