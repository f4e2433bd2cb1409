"""Composing: a group is queued whole or not at all, texts are checked against each channel's limits."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from messaging.compose import Limits, check_text, outbox_rows, recipients
from messaging.model import Channel, MessageError, Recipient, StaffMessage

NOW = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize("channel", list(Channel))
def test_empty_text_is_refused(channel: Channel) -> None:
    with pytest.raises(MessageError, match="the text is empty"):
        check_text(channel, " \n ", Limits())


def test_over_long_texts_name_the_limit() -> None:
    with pytest.raises(MessageError, match="needs 7 SMS parts; at most 6"):
        check_text(Channel.SMS, "a" * 153 * 6 + "b", Limits())
    with pytest.raises(MessageError, match="161 characters; a pager takes at most 160"):
        check_text(Channel.PAGER, "a" * 161, Limits())


def test_pager_text_is_one_line_without_protocol_characters() -> None:
    assert check_text(Channel.PAGER, "Ring\r\nväxeln\x03\x1e nu", Limits()) == "Ring växeln nu"


def test_a_group_with_one_bad_number_queues_nothing() -> None:
    with pytest.raises(MessageError, match="'12' is not a complete phone number"):
        recipients(Channel.SMS, [("070-123 45 67", "Anna"), ("12", "Per")], Limits())


def test_duplicates_in_a_group_are_sent_once() -> None:
    found = recipients(Channel.SMS, [("070-123 45 67", "Anna"), ("+46701234567", "Anna B")], Limits())
    assert found == (Recipient("+46701234567", "Anna"),)


def test_rows_share_a_batch_and_carry_who_and_which_call() -> None:
    message = StaffMessage(Channel.EMAIL, (Recipient("a@example.se", "A"), Recipient("b@example.se")), "Hej",
                      subject="Samtal", template="call_back", sender="olle", console="pc1", call_ref="call:7")
    rows = outbox_rows(message, Limits(), NOW)
    assert {r.batch for r in rows} == {rows[0].batch}
    assert [(r.recipient, r.sender, r.call_ref, r.state) for r in rows] == [
        ("a@example.se", "olle", "call:7", "queued"), ("b@example.se", "olle", "call:7", "queued")]


def test_a_subject_with_a_line_break_is_refused() -> None:
    message = StaffMessage(Channel.EMAIL, (Recipient("a@example.se"),), "Hej", subject="Hi\r\nBcc: all@example.se")
    with pytest.raises(MessageError, match="subject holds a line break"):
        outbox_rows(message, Limits(), NOW)


def test_recipients_built_by_hand_are_checked_too() -> None:
    message = StaffMessage(Channel.EMAIL, (Recipient("a@example.se\r\nBcc: b@example.se"),), "Hej")
    with pytest.raises(MessageError, match="not an e-mail address"):
        outbox_rows(message, Limits(), NOW)
