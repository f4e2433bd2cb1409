"""SMPP delivery receipts read as the specification and real SMSCs write them: the TLVs first, the Appendix B
text where they are missing, only final states as outcomes, and no deliver_sm that is not a receipt."""

from __future__ import annotations

import pytest

from messaging.transports.smpp_receipts import SmppReceipt, is_receipt, parse_receipt

TEXT = b"id:0911897980 sub:001 dlvrd:001 submit date:2612040912 done date:2612040913 stat:DELIVRD err:000 Text:Ring"


@pytest.mark.parametrize(("stat", "outcome"), [
    ("DELIVRD", "delivered"), ("UNDELIV", "failed"), ("EXPIRED", "failed"), ("REJECTD", "failed"),
    ("DELETED", "failed"), ("ENROUTE", None), ("ACCEPTD", None), ("UNKNOWN", None)])
def test_the_text_alone_names_the_message_and_its_final_state(stat: str, outcome: str | None) -> None:
    found = parse_receipt(0x04, TEXT.replace(b"DELIVRD", stat.encode()))
    assert found == (SmppReceipt("0911897980", outcome) if outcome else None)


@pytest.mark.parametrize(("state", "outcome"), [(2, "delivered"), (3, "failed"), (4, "failed"), (5, "failed"),
                                                (8, "failed"), (1, None), (6, None), (7, None)])
def test_the_tlvs_win_over_the_text(state: int, outcome: str | None) -> None:
    found = parse_receipt(0x04, TEXT, b"5f3a\x00", state)
    assert found == (SmppReceipt("5f3a", outcome) if outcome else None)


def test_text_fields_in_lower_or_upper_case_and_a_text_that_mentions_stat() -> None:
    text = b"ID:abc-7 SUB:001 DLVRD:000 SUBMIT DATE:2612040912 DONE DATE:2612040913 STAT:undeliv ERR:075 " \
           b"TEXT:stat:DELIVRD id:x"
    assert parse_receipt(0x04, text) == SmppReceipt("abc-7", "failed")


def test_a_missing_tlv_is_taken_from_the_text() -> None:
    assert parse_receipt(0x04, TEXT, None, 5) == SmppReceipt("0911897980", "failed")
    assert parse_receipt(0x04, TEXT, "77", None) == SmppReceipt("77", "delivered")


@pytest.mark.parametrize("esm_class", [0x00, 0x08, 0x10, 0x20, 0x40])
def test_other_deliver_sm_are_not_receipts(esm_class: int) -> None:
    # A mobile-originated SMS, an SME acknowledgement, a user acknowledgement, an intermediate notification,
    # a concatenated SMS: none of them reports a delivery, whatever the text says.
    assert not is_receipt(esm_class)
    assert parse_receipt(esm_class, TEXT) is None


def test_the_receipt_type_is_read_from_its_bits_alone() -> None:
    assert parse_receipt(0x04 | 0x40 | 0x80, TEXT) == SmppReceipt("0911897980", "delivered")


def test_a_receipt_without_an_id_or_a_stat_is_no_outcome() -> None:
    assert parse_receipt(0x04, b"stat:DELIVRD") is None
    assert parse_receipt(0x04, b"id:1 sub:001") is None
    assert parse_receipt(0x04, b"") is None
