"""The outbox's table (see directory.store.outbox), apart from its repository: the schema check and the
migrations read every table (directory.store.tables) without importing what a repository needs."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from directory.store.schema import Base, UTCDateTime


class OutboxRow(Base):
    """One message to one recipient, with its sending state (see directory.store.outbox)."""

    __tablename__ = "outbox_messages"
    __table_args__ = (Index("ix_outbox_messages_due", "state", "next_attempt_at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    batch: Mapped[str] = mapped_column(String(40), index=True)  # one Send: a group shares it
    channel: Mapped[str] = mapped_column(String(10))  # sms | email | pager
    recipient: Mapped[str] = mapped_column(String(320))  # E.164, an address, or a pager call number
    recipient_name: Mapped[str] = mapped_column(String(200), default="")
    subject: Mapped[str] = mapped_column(String(200), default="")
    text: Mapped[str] = mapped_column(Text)
    template: Mapped[str] = mapped_column(String(50), default="")
    sender: Mapped[str] = mapped_column(String(200), default="")  # the operator who sent it
    console: Mapped[str] = mapped_column(String(200), default="")
    call_ref: Mapped[str] = mapped_column(String(100), default="")  # the call it was taken from, if any
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    state: Mapped[str] = mapped_column(String(10), default="queued")
    reason: Mapped[str] = mapped_column(Text, default="")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime())
    provider_id: Mapped[str] = mapped_column(String(100), default="", index=True)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    delivered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    search_text: Mapped[str] = mapped_column(Text, default="")
