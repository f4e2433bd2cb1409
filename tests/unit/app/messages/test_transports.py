"""[messages] to transports: only configured channels get one, secrets come from their references."""

from __future__ import annotations

import pytest

from app.config.secrets import SecretError
from app.messages.transports import build_transports, configured_channels, missing_channel
from messaging.model import Channel
from messaging.settings import EspaSettings, KannelSettings, MessagesSettings, SmppSettings, SmtpSettings
from messaging.transports.espa import EspaTransport
from messaging.transports.kannel import KannelTransport
from messaging.transports.smpp import SmppTransport
from messaging.transports.smtp import SmtpTransport


def test_nothing_configured_means_no_channel() -> None:
    settings = MessagesSettings()
    assert configured_channels(settings) == set()
    assert missing_channel(settings, Channel.PAGER) == ("no paging system is configured: set messages.espa."
                                                        "serial_port or messages.espa.tcp")


def test_each_configured_gateway_gets_its_transport(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SB_SMTP", "mail-secret")
    settings = MessagesSettings(
        sms_transport="kannel", kannel=KannelSettings(url="http://sms/cgi-bin/sendsms", username="sb"),
        smtp=SmtpSettings(host="mail", from_address="vaxeln@example.se", password="env:SB_SMTP"),
        espa=EspaSettings(tcp="paging:4000"))
    transports = build_transports(settings)
    try:
        assert isinstance(transports["sms"], KannelTransport)
        assert isinstance(transports["email"], SmtpTransport)
        assert isinstance(transports["pager"], EspaTransport)
        assert transports["email"]._config.password == "mail-secret"
    finally:
        transports["sms"].close()  # type: ignore[attr-defined]


def test_smpp_when_chosen(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = MessagesSettings(sms_transport="smpp", smpp=SmppSettings(host="smsc", system_id="sb"))
    assert isinstance(build_transports(settings)["sms"], SmppTransport)


def test_an_unresolvable_secret_is_named() -> None:
    settings = MessagesSettings(smtp=SmtpSettings(host="mail", from_address="v@example.se", password="env:NOPE_X"))
    with pytest.raises(SecretError, match="NOPE_X"):
        build_transports(settings)
