"""The trust domain: configured servers by address, `[sip] trusted` entries by address, port or network."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from softphone.settings import PhoneSettings, SipSettings
from softphone.trust import TrustedSources, parse_trust_entry


def test_configured_servers_are_trusted_by_address_on_any_port() -> None:
    trusted = TrustedSources(["192.0.2.10:5060", "sip:192.0.2.11:5070;transport=tcp", "2001:db8::5"], ())
    assert trusted.trusts("192.0.2.10:5060")
    assert trusted.trusts("192.0.2.10:41234")  # a PBX's TCP connection comes from an ephemeral port
    assert trusted.trusts("192.0.2.11:5060")
    assert trusted.trusts("[2001:db8::5]:5060")
    assert not trusted.trusts("192.0.2.12:5060")
    assert not trusted.trusts("[2001:db8::6]:5060")


@pytest.mark.parametrize(("entry", "source", "trusted"), [
    ("198.51.100.7", "198.51.100.7:5099", True),
    ("198.51.100.7:5060", "198.51.100.7:5060", True),
    ("198.51.100.7:5060", "198.51.100.7:5061", False),
    ("198.51.100.0/24", "198.51.100.200:1", True),
    ("198.51.100.0/24", "198.51.101.1:5060", False),
    ("[2001:db8::9]:5060", "[2001:db8::9]:5060", True),
    ("2001:db8::/32", "[2001:db8:1::1]:5060", True),
    ("198.51.100.7", "[::ffff:198.51.100.7]:5060", True),  # an IPv4 peer on a dual-stack socket
])
def test_trusted_entries_match_by_address_port_or_network(entry: str, source: str, trusted: bool) -> None:
    assert TrustedSources((), [entry]).trusts(source) is trusted


def test_names_are_trusted_once_they_resolve_and_follow_a_renumbered_host() -> None:
    answers = {"pbx.example.org": ["192.0.2.20"], "gone.example.org": []}
    trusted = TrustedSources(["pbx.example.org:5060"], ["gone.example.org"], resolve=lambda h: answers[h])
    assert not trusted.trusts("192.0.2.20:5060")  # nothing resolved yet
    assert trusted.refresh() == ("gone.example.org",)
    assert trusted.trusts("192.0.2.20:5060")
    answers["pbx.example.org"] = ["192.0.2.21"]
    trusted.refresh()
    assert trusted.trusts("192.0.2.21:5060")
    assert not trusted.trusts("192.0.2.20:5060")


@pytest.mark.parametrize("source", ["", "garbage", "pbx.example.org:5060", "[zz::1]:5"])
def test_a_source_that_is_no_address_is_not_trusted(source: str) -> None:
    assert not TrustedSources(["0.0.0.0/0"], ["0.0.0.0/0"]).trusts(source)


@pytest.mark.parametrize(("entry", "words"), [
    ("", "not a host"), ("sip:pbx", "not a host"), ("pbx example", "not a host"),
    ("10.0.0.0/33", "not a network"), ("pbx:99999", "port must be a number"), ("pbx:http", "port must be"),
    ("bad!name", "not a host name"),
])
def test_a_bad_entry_is_refused_naming_it(entry: str, words: str) -> None:
    with pytest.raises(ValueError, match=words):
        parse_trust_entry(entry)


def test_the_sip_table_checks_trusted_entries_and_the_phone_trusts_its_servers() -> None:
    with pytest.raises(ValidationError, match="pbx:99999"):
        SipSettings.model_validate({"trusted": ["10.0.0.0/8", "pbx:99999"]})
    sip = SipSettings.model_validate({"user": "1000", "registrar": "pbx:5060", "secondary_registrar": "pbx2",
                                      "outbound_proxy": "proxy:5070", "trusted": ["10.0.0.0/8"]})
    settings = PhoneSettings.from_sip(sip, also_trusted=("queue.example.org",))
    assert settings.trusted_servers == ("pbx:5060", "pbx2", "proxy:5070", "queue.example.org")
    assert sip.trusted == ("10.0.0.0/8",)
