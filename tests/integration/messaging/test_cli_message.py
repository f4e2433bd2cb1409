"""`switchboard message send` and `message list` against the ESPA receiver protocol fixture over TCP: sent and
logged once, templates filled, bad input refused before anything is queued, a NAK kept as failed."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cli.main import main
from tests.helpers.espa_receiver import EspaReceiver, PagerCall

pytestmark = pytest.mark.integration


@pytest.fixture
def receiver() -> Iterator[EspaReceiver]:
    fixture = EspaReceiver()
    yield fixture
    fixture.stop()


@pytest.fixture
def config(tmp_path: Path, receiver: EspaReceiver) -> Path:
    port = receiver.serve_tcp()
    path = tmp_path / "switchboard.toml"
    path.write_text(f'[store]\nurl = "sqlite:///{tmp_path / "store.sqlite3"}"\n\n'
                    f'[messages]\nsms_transport = "kannel"\n\n[messages.kannel]\n'
                    f'url = "http://127.0.0.1:9/cgi-bin/sendsms"\n\n'
                    f'[messages.espa]\ntcp = "127.0.0.1:{port}"\ntimeout = 2.0\n', encoding="utf-8")
    return path


def listing(config: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    capsys.readouterr()
    assert main(["message", "--config", str(config), "list", "--json"]) == 0
    messages = json.loads(capsys.readouterr().out)["messages"]
    assert isinstance(messages, list)
    return messages


def test_a_page_is_sent_and_logged(config: Path, receiver: EspaReceiver, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["message", "--config", str(config), "send", "4711", "--pager", "Ring växeln"]) == 0
    assert capsys.readouterr().out == "4711: sent\n"
    assert receiver.calls == [PagerCall("4711", "Ring växeln")]
    (logged,) = listing(config, capsys)
    assert (logged["channel"], logged["recipient"], logged["state"], logged["text"]) == (
        "pager", "4711", "sent", "Ring växeln")
    assert logged["sender"]


def test_a_template_is_filled(config: Path, receiver: EspaReceiver, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["message", "--config", str(config), "send", "12", "--pager", "--template", "call_back",
                 "--caller", "Per Holm", "--number", "070-123 45 67", "--time", "09:12", "--language", "en"]) == 0
    assert receiver.calls == [PagerCall("12", "Per Holm (070-123 45 67) called at 09:12, please call back.")]


@pytest.mark.parametrize(("argv", "problem"), [
    (["070-123", "--sms", "Hej"], "error: '070-123' is not a complete phone number"),
    (["+4915123456789", "--sms", "Hej"], "error: '+4915123456789' is a number in DE; SMS go only to NO, SE"),
    (["a@example.se", "--email", "Hej"], "error: no mail server is configured: set messages.smtp.host"),
    (["4711", "--pager", "  "], "error: the text is empty"),
    (["4711", "--pager", "x" * 161], "error: the text is 161 characters; a pager takes at most 160"),
    (["47-11", "--pager", "Hej"], "error: '47-11' is not a pager or DECT call number"),
    (["4711", "--pager", "--template", "nope"], "error: there is no template 'nope'; there are call_back"),
])
def test_bad_input_queues_nothing(config: Path, receiver: EspaReceiver, capsys: pytest.CaptureFixture[str],
                                  argv: list[str], problem: str) -> None:
    assert main(["message", "--config", str(config), "send", *argv]) == 2
    assert capsys.readouterr().err.startswith(problem)
    assert listing(config, capsys) == []
    assert receiver.calls == []


def test_a_nak_is_reported_and_kept(config: Path, receiver: EspaReceiver, capsys: pytest.CaptureFixture[str]) -> None:
    receiver.nak_blocks = 100
    assert main(["message", "--config", str(config), "send", "4711", "--pager", "Ring växeln"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("4711: failed (the paging system at 127.0.0.1:")
    assert "refused the message 4 times (NAK)" in out
    (logged,) = listing(config, capsys)
    assert (logged["state"], logged["attempts"]) == ("failed", 1)


def test_an_unreachable_gateway_keeps_the_message_queued(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["message", "--config", str(config), "send", "070-123 45 67", "--sms", "Hej"]) == 1
    assert capsys.readouterr().out.startswith("+46701234567: queued (cannot reach the SMS gateway")
    (logged,) = listing(config, capsys)
    assert (logged["state"], logged["attempts"]) == ("queued", 1)
    assert logged["next_attempt_at"]
