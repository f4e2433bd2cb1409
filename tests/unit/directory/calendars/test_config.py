"""`[calendars]` tables to source settings: declared once, secrets resolved, clear errors naming the key."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from directory.calendars import (
    CalDavSettings,
    CalDavSource,
    CalendarConfigError,
    CalendarSettings,
    EwsAuth,
    ExchangeSettings,
    ExchangeSource,
    GraphSettings,
    GraphSource,
    calendar_sources,
)

GRAPH = {"name": "G", "tenant_id": "t", "client_id": "c", "schedule_user": "s"}
SECRETS = {"keyring:switchboard/ews": "ews-pw", "env:GRAPH_SECRET": "graph-secret"}


def resolve(reference: str) -> str:
    if reference not in SECRETS:
        raise LookupError(f"no keyring entry for {reference!r}")
    return SECRETS[reference]


def test_all_three_kinds(tmp_path: Path) -> None:
    pem = tmp_path / "app.pem"
    pem.write_text("-----BEGIN PRIVATE KEY-----\n...\n", encoding="ascii")
    tables = {
        "subject_codes": {"LUN": "lunch", "UTE": "business"}, "private_refers": True,
        "exchange": [{"name": "Region", "domains": ["region.se"], "service_endpoint": "https://mail/EWS/Exchange.asmx",
                      "auth": "basic", "username": "svc", "password": "keyring:switchboard/ews",
                      "server_version": "15.1", "share_details": True, "batch_size": 50}],
        "graph": [{"name": "Kommune", "tenant_id": "t", "client_id": "c", "schedule_user": "svc@k.no",
                   "client_secret": "env:GRAPH_SECRET"},
                  {"name": "Cert", "tenant_id": "t", "client_id": "c", "schedule_user": "svc@k.no",
                   "certificate": str(pem), "certificate_thumbprint": "AB12"}],
        "caldav": [{"name": "Skola", "url": "https://dav.skola.se", "read_events": False,
                    "mailbox_attribute": "upn"}],
    }
    exchange, graph, cert, caldav = calendar_sources(CalendarSettings.model_validate(tables), resolve)
    assert isinstance(exchange, ExchangeSettings)
    assert (exchange.auth, exchange.password, exchange.server_version) == (EwsAuth.BASIC, "ews-pw", "15.1")
    assert (exchange.batch_size, exchange.domains, exchange.rules.share_details) == \
        (50, ["region.se"], True)
    assert exchange.rules.private_refers
    assert exchange.rules.code_in("UTE: x") == "business"
    assert isinstance(graph, GraphSettings)
    assert graph.client_secret == "graph-secret"
    assert graph.rules.share_details is False
    assert isinstance(cert, GraphSettings)
    assert cert.certificate_pem.startswith("-----BEGIN")
    assert isinstance(caldav, CalDavSettings)
    assert (caldav.read_events, caldav.mailbox_attribute) == (False, "upn")


@pytest.mark.parametrize(("tables", "message"), [
    ({"exchange": [{"name": "X"}]}, r"calendars.exchange\[0\]: set service_endpoint"),
    ({"exchange": [{"name": "X", "service_endpoint": "u", "password": "keyring:nope/x"}]},
     r"calendars.exchange\[0\].password: no keyring entry"),
    ({"graph": [GRAPH]}, r"calendars.graph\[0\]: set client_secret"),
    ({"graph": [{**GRAPH, "certificate": "/nonexistent.pem"}]}, r"calendars.graph\[0\].certificate: cannot"),
    ({"graph": [{**GRAPH, "certificate": "/dev/null"}]}, r"calendars.graph\[0\].certificate_thumbprint: needed"),
    ({"caldav": [{"name": "  ", "url": "u"}]}, r"calendars.caldav\[0\].name: every calendar source needs a name"),
    ({"subject_codes": {":": "x"}, "caldav": [{"name": "D", "url": "u"}]}, "calendars.subject_codes: an empty"),
    ({"caldav": [{"name": "D", "url": "u"}, {"name": "D", "url": "v"}]}, "unique: D"),
])
def test_errors_name_the_key(tables: dict[str, Any], message: str) -> None:
    with pytest.raises(CalendarConfigError, match=message):
        calendar_sources(CalendarSettings.model_validate(tables), resolve)


@pytest.mark.parametrize(("tables", "where"), [
    ({"graph": [{"name": "G", "client_secret": "env:GRAPH_SECRET"}]}, ("graph", 0, "tenant_id")),
    ({"caldav": [{"name": "D"}]}, ("caldav", 0, "url")),
    ({"caldav": [{"url": "u"}]}, ("caldav", 0, "name")),
    ({"exchange": [{"name": "X", "auth": "NTLM"}]}, ("exchange", 0, "auth")),
])
def test_the_declaration_rejects_what_its_types_say(tables: dict[str, Any], where: tuple[object, ...]) -> None:
    with pytest.raises(ValidationError) as caught:
        CalendarSettings.model_validate(tables)
    assert caught.value.errors()[0]["loc"] == where


def test_nothing_configured() -> None:
    assert calendar_sources(CalendarSettings(), resolve) == []


@pytest.mark.parametrize(("runtime", "declaration", "added"), [
    (ExchangeSettings, ExchangeSource, set()),
    (GraphSettings, GraphSource, {"certificate_pem", "validate_authority"}),
    (CalDavSettings, CalDavSource, set()),
])
def test_runtime_settings_are_the_declaration_plus_what_the_app_knows(
        runtime: type[Any], declaration: type[Any], added: set[str]) -> None:
    assert issubclass(runtime, declaration)
    assert set(runtime.model_fields) == {*declaration.model_fields, "rules", *added}


def test_resolved_secrets_stay_out_of_repr() -> None:
    tables = {"exchange": [{"name": "X", "service_endpoint": "u", "password": "keyring:switchboard/ews"}],
              "graph": [{**GRAPH, "client_secret": "env:GRAPH_SECRET"}]}
    exchange, graph = calendar_sources(CalendarSettings.model_validate(tables), resolve)
    assert isinstance(exchange, ExchangeSettings)
    assert (exchange.password, "ews-pw" in repr(exchange), "graph-secret" in repr(graph)) == ("ews-pw", False, False)


def test_rules_follow_the_tables_share_details() -> None:
    assert CalDavSettings(name="D", url="u", share_details=True).rules.share_details
    with pytest.raises(ValidationError, match="share_details"):
        CalDavSettings(name="D", url="u", rules=CalendarSettings().subject_rules(CalDavSource(name="D", url="u",
                                                                                             share_details=True)))
