"""From what the operator typed to outbox rows: recipients checked, text checked against the channel's limits.

This is the pure "prepare" step: nothing is written or sent here. A problem raises `MessageError` naming
the field and value, before any recipient of a group is queued, so a group is queued whole or not at all.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from directory.store.outbox import OutboxMessage
from messaging.model import Channel, MessageError, Recipient, StaffMessage
from messaging.recipients import check_recipient, has_control
from messaging.sms_text import layout

_LINE_BREAKS = re.compile(r"[\s\x00-\x1f\x7f\u2028\u2029\u0085]+")


@dataclass(frozen=True, slots=True)
class Limits:
    max_sms_parts: int = 6
    max_pager_length: int = 160
    max_email_length: int = 10000
    region: str = "SE"
    sms_regions: frozenset[str] = frozenset({"SE", "NO"})


def check_text(channel: Channel, text: str, limits: Limits) -> str:
    """The text as it will be sent (a pager's on one line), or MessageError saying what is wrong."""
    if not text.strip():
        raise MessageError("the text is empty")
    if channel is Channel.PAGER:
        # ESPA frames its fields with control characters: none may come from the text.
        one_line = _LINE_BREAKS.sub(" ", text).strip()
        if len(one_line) > limits.max_pager_length:
            raise MessageError(f"the text is {len(one_line)} characters; a pager takes at most "
                                 f"{limits.max_pager_length}")
        return one_line
    if channel is Channel.SMS:
        shape = layout(text)
        if shape.parts > limits.max_sms_parts:
            raise MessageError(f"the text needs {shape.parts} SMS parts; at most {limits.max_sms_parts} are sent")
        return text
    if len(text) > limits.max_email_length:
        raise MessageError(f"the text is {len(text)} characters; an e-mail here takes at most "
                             f"{limits.max_email_length}")
    return text


def recipients(channel: Channel, typed: Iterable[tuple[str, str]], limits: Limits) -> tuple[Recipient, ...]:
    """(address, name) pairs checked for `channel`, duplicates dropped (a group may list someone twice)."""
    seen: dict[str, Recipient] = {}
    for address, name in typed:
        recipient = check_recipient(channel, address, name=name, region=limits.region,
                                    allowed_regions=limits.sms_regions)
        seen.setdefault(recipient.address, recipient)
    if not seen:
        raise MessageError("there is no recipient")
    return tuple(seen.values())


def outbox_rows(message: StaffMessage, limits: Limits, now: datetime,
                batch: str | None = None) -> list[OutboxMessage]:
    """One queued outbox row per recipient, sharing one batch id; MessageError if anything is wrong."""
    text = check_text(message.channel, message.text, limits)
    if has_control(message.subject):
        raise MessageError("the subject holds a line break or control character")
    if not message.recipients:
        raise MessageError("there is no recipient")
    for recipient in message.recipients:  # also those built without `recipients()`
        check_recipient(message.channel, recipient.address, name=recipient.name, region=limits.region,
                        allowed_regions=limits.sms_regions)
    batch = batch or uuid.uuid4().hex
    return [OutboxMessage(batch=batch, channel=message.channel.value, recipient=r.address, recipient_name=r.name,
                          subject=message.subject.strip(), text=text, template=message.template,
                          sender=message.sender, console=message.console, call_ref=message.call_ref,
                          created_at=now, next_attempt_at=now)
            for r in message.recipients]
