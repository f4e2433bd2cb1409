"""What each calendar source runs with: its `[[calendars.*]]` declaration and what only the app knows.

Each runtime class inherits its table's declaration (`directory.calendars.config`) and adds, without copying
a field, the resolved secrets, the certificate's text and the subject rules the `[calendars]` section and
the table decide together. `calendar_sources` builds them all from the section with the secret references
resolved through the function it is given, and checks what the types cannot (an endpoint or autodiscover
address, a secret or a certificate). Nothing here reads configuration files or the keyring.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Self

from pydantic import Field, InstanceOf, model_validator

from directory.calendars.config import (
    CalDavSource,
    CalendarSettings,
    CalendarSourceCommon,
    ExchangeSource,
    GraphSource,
)
from directory.calendars.subjects import SubjectRules


class CalendarConfigError(ValueError):
    """A calendar table that cannot be used; the message starts with its key (``calendars.graph[0]...``)."""


def _source_rules(data: dict[str, Any]) -> SubjectRules:
    return SubjectRules(share_details=bool(data.get("share_details", False)))


class CalendarSourceRuntime(CalendarSourceCommon):
    """What every source runs with beyond its declaration: how its events become referrals.

    ``rules`` come from `CalendarSettings.subject_rules` (the section's codes, the table's ``share_details``);
    built directly, a source gets the default codes. The table's ``share_details`` is the one that counts.
    """

    rules: InstanceOf[SubjectRules] = Field(default_factory=_source_rules)

    @model_validator(mode="after")
    def _rules_share_what_the_table_says(self) -> Self:
        if self.rules.share_details != self.share_details:
            raise ValueError("rules.share_details must be the table's share_details")
        return self

    @classmethod
    def _from_declaration(cls, source: CalendarSourceCommon, rules: SubjectRules, **resolved: str) -> Self:
        values = {name: getattr(source, name) for name in type(source).model_fields}
        return cls.model_validate({**values, "name": source.name.strip(), "rules": rules, **resolved})


class ExchangeSettings(ExchangeSource, CalendarSourceRuntime):
    """Exchange Server on premises over EWS: one `[[calendars.exchange]]` table with its secrets resolved.
    ``service_endpoint`` (…/EWS/Exchange.asmx) or, when empty, autodiscover from ``autodiscover_email``."""

    password: str = Field("", repr=False)  # the resolved secrets, not their references
    oauth_client_secret: str = Field("", repr=False)

    @classmethod
    def from_config(cls, source: ExchangeSource, rules: SubjectRules, *, password: str = "",
                    oauth_client_secret: str = "") -> ExchangeSettings:
        return cls._from_declaration(source, rules, password=password, oauth_client_secret=oauth_client_secret)


class GraphSettings(GraphSource, CalendarSourceRuntime):
    """Exchange Online through Microsoft Graph getSchedule, app-only (client credentials): one
    `[[calendars.graph]]` table with ``client_secret`` resolved, or ``certificate_pem`` (private key and
    certificate) read from ``certificate``. ``schedule_user``: any licensed mailbox; the app needs
    Calendars.Read or Schedule.Read.All."""

    client_secret: str = Field("", repr=False)  # the resolved secret, not its reference
    certificate_pem: str = Field("", repr=False)
    validate_authority: bool = True  # off only for a test authority Microsoft's instance discovery cannot know

    @classmethod
    def from_config(cls, source: GraphSource, rules: SubjectRules, *, client_secret: str = "",
                    certificate_pem: str = "") -> GraphSettings:
        return cls._from_declaration(source, rules, client_secret=client_secret, certificate_pem=certificate_pem)


class CalDavSettings(CalDavSource, CalendarSourceRuntime):
    """A CalDAV server: one `[[calendars.caldav]]` table with its password resolved. ``calendar_url`` is a
    template: {user} is the mailbox's local part, {mailbox} the full address."""

    password: str = Field("", repr=False)  # the resolved secret, not its reference

    @classmethod
    def from_config(cls, source: CalDavSource, rules: SubjectRules, *, password: str = "") -> CalDavSettings:
        return cls._from_declaration(source, rules, password=password)


CalendarSourceSettings = ExchangeSettings | GraphSettings | CalDavSettings


def _secret(reference: str | None, where: str, resolve: Callable[[str], str]) -> str:
    if not reference:
        return ""
    try:
        return resolve(reference)
    except Exception as exc:  # the app's SecretError; its message names the reference, never a value
        raise CalendarConfigError(f"{where}: {exc}") from exc


def _rules(calendars: CalendarSettings, source: CalendarSourceCommon, where: str) -> SubjectRules:
    if not source.name.strip():
        raise CalendarConfigError(f"{where}.name: every calendar source needs a name")
    try:
        return calendars.subject_rules(source)
    except ValueError as exc:
        raise CalendarConfigError(f"calendars.subject_codes: {exc}") from exc


def _certificate(source: GraphSource, where: str) -> str:
    if not source.certificate:
        return ""
    try:
        pem = Path(source.certificate).expanduser().read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError) as exc:
        raise CalendarConfigError(f"{where}.certificate: cannot read {source.certificate}: {exc}") from exc
    if not source.certificate_thumbprint:
        raise CalendarConfigError(f"{where}.certificate_thumbprint: needed with a certificate")
    return pem


def calendar_sources(calendars: CalendarSettings, resolve: Callable[[str], str]) -> list[CalendarSourceSettings]:
    """Every configured source, in the order exchange, graph, caldav (each in file order).
    Raises CalendarConfigError on the first unusable table."""
    sources: list[CalendarSourceSettings] = []
    for index, exchange in enumerate(calendars.exchange):
        where = f"calendars.exchange[{index}]"
        if not exchange.service_endpoint and not exchange.autodiscover_email:
            raise CalendarConfigError(f"{where}: set service_endpoint (…/EWS/Exchange.asmx) or autodiscover_email")
        sources.append(ExchangeSettings.from_config(
            exchange, _rules(calendars, exchange, where),
            password=_secret(exchange.password, f"{where}.password", resolve),
            oauth_client_secret=_secret(exchange.oauth_client_secret, f"{where}.oauth_client_secret", resolve)))
    for index, graph in enumerate(calendars.graph):
        where = f"calendars.graph[{index}]"
        pem = _certificate(graph, where)
        secret = _secret(graph.client_secret, f"{where}.client_secret", resolve)
        if not secret and not pem:
            raise CalendarConfigError(f"{where}: set client_secret (a secret reference) or certificate")
        sources.append(GraphSettings.from_config(graph, _rules(calendars, graph, where), client_secret=secret,
                                                 certificate_pem=pem))
    for index, caldav in enumerate(calendars.caldav):
        where = f"calendars.caldav[{index}]"
        sources.append(CalDavSettings.from_config(caldav, _rules(calendars, caldav, where),
                                                  password=_secret(caldav.password, f"{where}.password", resolve)))
    names = [s.name for s in sources]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise CalendarConfigError(f"calendars: source names must be unique: {', '.join(duplicates)}")
    return sources
