"""The exchange queue's rules as Kamailio's Python runs them, without Kamailio; and the rendered cfg."""

from __future__ import annotations

import re

import pytest

from installer.exchange import queue_rules as rules
from installer.exchange.render import digest_ha1, render
from softphone.desk.settings import DeskSettings
from softphone.exchange.settings import ExchangeQueueSettings

RULES = {"emergency_numbers": ["112"], "priority_numbers": ["+46 8 123"], "internal_max_digits": 5,
         "numbers": {"100": "normal", "200": "priority"}}


@pytest.mark.parametrize(("number", "dialled", "expected"), [
    ("0701234567", "112", "emergency"), ("112", "100", "emergency"), ("+468123", "100", "priority"),
    ("0701234567", "200", "priority"), ("1234", "100", "internal"), ("0701234567", "100", "normal"),
])
def test_class_from_caller_and_dialled_number(number: str, dialled: str, expected: str) -> None:
    assert rules.classify(number, dialled, RULES) == expected


def test_queue_order_is_class_then_longest_waiting() -> None:
    callers = [{"id": "1", "class": "normal", "joined_at": 1.0}, {"id": "2", "class": "internal", "joined_at": 5.0},
               {"id": "3", "class": "emergency", "joined_at": 9.0}, {"id": "4", "class": "normal", "joined_at": 0.5}]
    assert [c["id"] for c in rules.queue_order(callers)] == ["3", "2", "4", "1"]


def test_hostile_names_and_numbers_are_cleaned_and_capped() -> None:
    assert rules.clean_name('"<script>\x07alert(1)</script>' + "x" * 80 + '"') == \
        ("<script>alert(1)</script>" + "x" * 80)[:40]
    assert rules.clean_number("070'; DROP TABLE x;--" + "9" * 40) == "070DROPTABLEx--" + "9" * 17


def test_pick_bodies_are_checked_and_named() -> None:
    assert rules.parse_pick('{"id": "next"}') == "next"
    assert rules.parse_pick('{"id": "17"}') == "17"
    for body, message in [("{x", "body is not JSON"), ("[]", "JSON object"), ('{"id": 3}', "must be a string"),
                          ('{"id": "../1"}', "caller id (digits)"), ("x" * 2000, "larger than"),
                          ('{"id": "next", "operator": "1001"}', 'unknown field "operator"')]:
        with pytest.raises(rules.BadRequestError, match=re.escape(message)):
            rules.parse_pick(body)


def test_tokens_are_compared_by_digest_and_sql_literals_are_quoted() -> None:
    digest = rules.token_digest("secret")
    assert rules.token_matches("secret", digest)
    assert not rules.token_matches("secreT", digest)
    assert rules.sql_text("O'Brien") == "'O''Brien'"
    assert rules.sql_text(None) == "NULL"
    assert rules.sql_text(2.5) == "2.5"


def test_rendered_configuration_holds_digests_never_secrets() -> None:
    settings = ExchangeQueueSettings.model_validate(
        {"numbers": {"100": "normal"}, "operators": {"1000": {"token": "env:T", "sip_password": "env:P"}}})
    text = render(settings, DeskSettings(), tokens={"1000": "tok-secret"}, sip_passwords={"1000": "pw-secret"})
    assert "tok-secret" not in text
    assert "pw-secret" not in text
    assert rules.token_digest("tok-secret") in text
    assert digest_ha1("1000", "127.0.0.1", "pw-secret") in text
    assert "@@" not in text
    assert 'loadmodule "sqlops.so"' not in text  # no records without a database
    with_records = render(settings, DeskSettings(), tokens={"1000": "t"}, sip_passwords={"1000": "p"},
                          records_url="sqlite:///tmp/x.sqlite3")
    assert 'loadmodule "db_sqlite.so"' in with_records


@pytest.mark.parametrize(("uri", "port"), [
    ("sip:4711@127.0.0.1", ""), ("sip:4711@example.se;user=phone", ""), ("sip:1000@127.0.0.1:40840", "40840"),
    ("sip:1000@127.0.0.1:40840;transport=udp", "40840"), ("sips:+4619600@[2001:db8::1]:5071", "5071"),
    ("sip:[2001:db8::1]", ""), ("sip:127.0.0.1:5070", "5070")])
def test_explicit_port_is_only_what_the_uri_names(uri: str, port: str) -> None:
    assert rules.explicit_port(uri) == port


def test_queue_ids_start_from_the_time_so_a_restarted_exchange_never_reuses_one() -> None:
    first_run = rules.first_value("seq", 1_780_000_000.0)  # 2026-05-28
    callers_in_a_busy_day = 20_000
    second_run = rules.first_value("seq", 1_780_000_000.0 + 86_400)  # restarted a day later
    assert second_run > first_run + callers_in_a_busy_day
    assert rules.ID_PATTERN.match(str(rules.first_value("seq", 2_300_000_000.0)))  # 2042: still an id
    assert rules.first_value("seq", 2_300_000_000.0) < 2**31  # htable's integers
    assert rules.first_value("evseq", 1_780_000_000.0) == 0
