"""The `[calendars]` settings, declared once here, and the step from them to each source's runtime settings.

`CalendarSettings` and its source tables are the declaration (type, default, description) the app puts
into its TOML tree. `calendar_sources` turns the tables (as plain data: the validated settings dumped) into
the frozen dataclasses of `directory.calendars.settings`, resolving secret references through the function
it is given, reading certificates, and checking what the types cannot (an endpoint or autodiscover
address, a secret or a certificate).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import Field

from directory.calendars.settings import (
    CalDavSettings,
    CalendarSourceSettings,
    EwsAuth,
    ExchangeSettings,
    GraphSettings,
    SourceCommon,
)
from directory.calendars.subjects import DEFAULT_PREFIXES, SubjectRules
from settings_base import SecretRef, Section


class CalendarSourceCommon(Section):
    """What every `[[calendars.*]]` table shares."""

    name: str = Field(min_length=1, max_length=60, description="Source name; unique.")
    domains: list[str] = Field(default_factory=list, description="E-mail domains it answers for; empty: any.")
    mailbox_attribute: str = Field("email", description="Where an entry's mailbox comes from.")
    share_details: bool = Field(False, description="Subject and location may be shown to operators.")
    refresh_interval: int = Field(300, ge=30, le=86400, description="Seconds between refreshes.")
    max_concurrency: int = Field(2, ge=1, le=8, description="Requests at once to this server.")
    batch_size: int | None = Field(None, ge=1, le=100, description="Mailboxes per request; unset: the protocol's.")
    days_ahead: int = Field(2, ge=1, le=30, description="Days of calendar fetched.")
    timeout: int = Field(30, ge=1, le=300, description="Network timeout in seconds.")
    verify_tls: bool = Field(True, description="Verify the server's certificate.")


class ExchangeSource(CalendarSourceCommon):
    """One `[[calendars.exchange]]` table: Exchange Server over EWS."""

    service_endpoint: str = Field("", description="https://mail.example/EWS/Exchange.asmx; or autodiscover_email.")
    autodiscover_email: str = Field("", description="A mailbox to autodiscover the endpoint from.")
    auth: Literal["ntlm", "basic", "oauth"] = Field("ntlm", description="How to log in.")
    username: str = Field("", description="Service account, e.g. REGION\\\\svc-switchboard.")
    password: SecretRef | None = Field(None, description="Secret reference for the password.")
    oauth_client_id: str = Field("", description="OAuth client id (auth = oauth).")
    oauth_tenant_id: str = Field("", description="OAuth tenant id (auth = oauth).")
    oauth_client_secret: SecretRef | None = Field(None, description="Secret reference for the OAuth secret.")
    server_version: str = Field("", description="E.g. 15.1: skips version probing.")
    time_zone: str = Field("", description="IANA zone; empty: the referral zone.")


class GraphSource(CalendarSourceCommon):
    """One `[[calendars.graph]]` table: Exchange Online through Microsoft Graph."""

    tenant_id: str = Field(min_length=1, description="Azure AD tenant id.")
    client_id: str = Field(min_length=1, description="App registration's client id.")
    schedule_user: str = Field(min_length=1, description="Whose /calendar/getSchedule is called.")
    client_secret: SecretRef | None = Field(None, description="Secret reference for the client secret.")
    certificate: str = Field("", description="PEM with key and certificate, instead of a secret.")
    certificate_thumbprint: str = Field("", description="SHA-1 hex of the certificate; with certificate.")
    authority_host: str = Field("https://login.microsoftonline.com", description="Login authority.")
    graph_url: str = Field("https://graph.microsoft.com/v1.0", description="Graph endpoint.")
    max_retries: int = Field(2, ge=0, le=10, description="Retries after 429 before backing off.")


class CalDavSource(CalendarSourceCommon):
    """One `[[calendars.caldav]]` table: a CalDAV server."""

    url: str = Field(min_length=1, description="CalDAV server URL.")
    calendar_url: str = Field("{url}/{user}/calendar/", description="{user}: local part, {mailbox}: address.")
    username: str = Field("", description="Login name.")
    password: SecretRef | None = Field(None, description="Secret reference for the password.")
    read_events: bool = Field(True, description="Read events (subject codes); false: free-busy only.")


class CalendarSettings(Section):
    """The `[calendars]` section: how events become referrals, and the sources."""

    subject_codes: dict[str, str] = Field(
        default_factory=lambda: dict(DEFAULT_PREFIXES),
        description="Subject prefix (before ':') to referral code.")
    private_refers: bool = Field(False, description="Private events set referrals too.")
    all_day_refers: bool = Field(True, description="All-day events set referrals.")
    ca_file: str = Field("", description="CA bundle (PEM) for Graph/CalDAV TLS; empty: the system's.")
    exchange: list[ExchangeSource] = Field(default_factory=list, description="Exchange Server (EWS) sources.")
    graph: list[GraphSource] = Field(default_factory=list, description="Exchange Online (Graph) sources.")
    caldav: list[CalDavSource] = Field(default_factory=list, description="CalDAV sources.")


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
