"""SMS through a provider's HTTP API described by a template in `[messages.http]`, against protocol fixtures of
two documented APIs (46elks: form and HTTP Basic; Sinch: JSON and a bearer token): the text arrives as
written (Nordic letters, braces included), the provider's id is kept, a refused login fails once naming the
provider's words, a provider down then up sends once, one that times out is never resent; and the CLI sends
through it as configured."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from app.cli.main import main
from directory.store import Store, sqlite_url
from directory.store.outbox import OutboxRepository
from messaging.compose import Limits, outbox_rows
from messaging.dispatch import Dispatcher
from messaging.model import Channel, Recipient, StaffMessage
from messaging.transports.http_sms import HttpSmsConfig, HttpSmsTransport
from tests.helpers.sms_providers import SmsProvider

pytestmark = pytest.mark.integration
ELKS_BODY: dict[str, str | list[str]] = {"from": "{sender}", "to": "{to}", "message": "{text}"}
SINCH_BODY: dict[str, str | list[str]] = {"from": "{sender}", "to": ["{to}"], "body": "{text}"}


@pytest.fixture
def outbox(tmp_path: Path) -> Iterator[OutboxRepository]:
    store = Store.open(sqlite_url(tmp_path / "store.sqlite3"))
    yield OutboxRepository(store)
    store.dispose()


@pytest.fixture
def elks() -> Iterator[SmsProvider]:
    provider = SmsProvider("46elks")
    yield provider
    provider.stop()


@pytest.fixture
def sinch() -> Iterator[SmsProvider]:
    provider = SmsProvider("sinch")
    yield provider
    provider.stop()


def elks_transport(provider: SmsProvider, password: str = SmsProvider.PASSWORD, **settings: Any) -> HttpSmsTransport:
    return HttpSmsTransport(HttpSmsConfig(url=provider.url, username=SmsProvider.USER, password=password,
                                          body=ELKS_BODY, sender="Vaxeln", **settings))


def queue(outbox: OutboxRepository, text: str, *numbers: str) -> list[int]:
    message = StaffMessage(Channel.SMS, tuple(Recipient(n) for n in numbers), text, sender="olle")
    return outbox.enqueue(outbox_rows(message, Limits(), datetime.now(UTC)))


def test_a_form_api_gets_the_text_as_written_and_its_id_is_kept(elks: SmsProvider, outbox: OutboxRepository) -> None:
    text = "Åsa Öberg ringde kl. 09:12 om {to}, ring tillbaka"
    queue(outbox, text, "+46701000001")
    (result,) = Dispatcher(outbox, {"sms": elks_transport(elks)}).send_due()
    (got,) = elks.received
    assert (got.sender, got.to, got.text) == ("Vaxeln", "+46701000001", text)  # braces sent as written
    assert (result.state, result.provider_id) == ("sent", f"http:{got.id}")


def test_a_json_api_with_a_bearer_token_and_a_list_of_recipients(sinch: SmsProvider,
                                                                  outbox: OutboxRepository) -> None:
    queue(outbox, "Möte flyttat till 14:00", "+4790012345")
    transport = HttpSmsTransport(HttpSmsConfig(url=sinch.url, format="json", token=SmsProvider.TOKEN,
                                               body=SINCH_BODY, sender="Vaxeln"))
    (result,) = Dispatcher(outbox, {"sms": transport}).send_due()
    (got,) = sinch.received
    assert (got.sender, got.to, got.text) == ("Vaxeln", "+4790012345", "Möte flyttat till 14:00")
    assert (result.state, result.provider_id) == ("sent", f"http:{got.id}")


def test_a_refused_login_fails_once_naming_the_providers_words(elks: SmsProvider, outbox: OutboxRepository) -> None:
    queue(outbox, "Hej", "+46701000002")
    (result,) = Dispatcher(outbox, {"sms": elks_transport(elks, password="wrong")}).send_due()
    assert (result.state, result.reason) == ("failed", "the SMS provider refused the message: 401 API access "
                                                       "requires Basic HTTP authentication")
    assert elks.requests == 1


def test_a_provider_down_then_up_sends_once(elks: SmsProvider, outbox: OutboxRepository) -> None:
    (mid,) = queue(outbox, "Ring växeln", "+46701000003")
    elks.fail_next(503)
    now = [datetime.now(UTC)]
    dispatcher = Dispatcher(outbox, {"sms": elks_transport(elks)}, clock=lambda: now[0])
    (first,) = dispatcher.send_due()
    assert (first.state, first.reason) == ("queued", "the SMS provider could not take the message now: 503 "
                                                     "Service temporarily unavailable")
    now[0] += timedelta(minutes=5)
    (second,) = dispatcher.send_due()
    assert dispatcher.send_due() == []
    assert (second.id, second.state, second.attempts) == (mid, "sent", 2)
    assert [m.to for m in elks.received] == ["+46701000003"]


def test_a_provider_that_times_out_is_never_resent(elks: SmsProvider, outbox: OutboxRepository) -> None:
    queue(outbox, "Hej", "+46701000004")
    elks.stall_s = 1.0
    now = [datetime.now(UTC)]
    dispatcher = Dispatcher(outbox, {"sms": elks_transport(elks, timeout=0.3)}, clock=lambda: now[0])
    (result,) = dispatcher.send_due()
    now[0] += timedelta(days=1)
    assert dispatcher.send_due() == []
    assert result.state == "failed"
    assert result.reason.endswith("did not answer in 0.3 s; not resent, it may have been sent")
    assert elks.requests == 1


def test_the_cli_sends_through_the_configured_provider(elks: SmsProvider, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("SB_TEST_ELKS_PASSWORD", SmsProvider.PASSWORD)
    config = tmp_path / "switchboard.toml"
    config.write_text(f'[store]\nurl = "sqlite:///{tmp_path / "store.sqlite3"}"\n\n'
                      '[messages]\nsms_transport = "http"\n\n[messages.http]\n'
                      f'url = "{elks.url}"\nusername = "{SmsProvider.USER}"\npassword = "env:SB_TEST_ELKS_PASSWORD"\n'
                      'sender = "Vaxeln"\nbody = {from = "{sender}", to = "{to}", message = "{text}"}\n',
                      encoding="utf-8")
    assert main(["message", "--config", str(config), "send", "070-100 00 05", "--sms", "Ring växeln"]) == 0
    assert [(m.to, m.text) for m in elks.received] == [("+46701000005", "Ring växeln")]
    capsys.readouterr()
    assert main(["message", "--config", str(config), "list", "--json"]) == 0
    (listed,) = json.loads(capsys.readouterr().out)["messages"]
    assert (listed["state"], listed["provider_id"]) == ("sent", f"http:{elks.received[0].id}")
