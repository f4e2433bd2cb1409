"""The store's tables (SQLAlchemy 2 typed ORM). Portable across SQLite and PostgreSQL.

Directory entries are never hard-deleted: an entry gone from its source gets ``removed_at`` so that
notes, referral history and the call log that point at it keep their meaning, and a later re-import
with the same (source, external_id) brings it back in place.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    false,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes on every backend (SQLite keeps no zone, PostgreSQL converts to the session's)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store; use an aware UTC datetime")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class DirectorySource(Base):
    """A place entries come from (demo, a CSV import, an LDAP source) and how fresh it is."""

    __tablename__ = "directory_sources"
    name: Mapped[str] = mapped_column(String(100), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    entry_count: Mapped[int] = mapped_column(Integer, default=0)
    sync_cursor: Mapped[str | None] = mapped_column(String(200))


class OrgUnit(Base):
    """An organisational unit; ``path`` is the full path from the top, joined with PATH_SEPARATOR."""

    __tablename__ = "org_units"
    __table_args__ = (UniqueConstraint("source", "path"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(100))
    path: Mapped[str] = mapped_column(String(1000))
    name: Mapped[str] = mapped_column(String(300))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("org_units.id"))


class DirectoryEntry(Base):
    __tablename__ = "directory_entries"
    # updated_at: the search snapshot's catch-up and the window's refresh read the entries changed since (0018)
    __table_args__ = (UniqueConstraint("source", "external_id"), Index("ix_entries_removed", "removed_at"),
                      Index("ix_entries_updated", "updated_at"))
    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(100))
    external_id: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(20))
    display_name: Mapped[str] = mapped_column(String(300))
    given_name: Mapped[str] = mapped_column(String(200), default="")
    surname: Mapped[str] = mapped_column(String(200), default="")
    title: Mapped[str] = mapped_column(String(300), default="")
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("org_units.id"))
    location: Mapped[str] = mapped_column(String(300), default="")
    email: Mapped[str] = mapped_column(String(300), default="")
    keywords: Mapped[str] = mapped_column(Text, default="")  # one per line
    description: Mapped[str] = mapped_column(Text, default="")
    fingerprint: Mapped[str] = mapped_column(String(64))  # content hash: unchanged rows are skipped
    # 0004: a sync's digest of the raw record it was planned from (None: not from a sync, or before 0004)
    source_digest: Mapped[str | None] = mapped_column(String(40))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    removed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class PhoneNumberRow(Base):
    __tablename__ = "phone_numbers"
    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("directory_entries.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))
    raw: Mapped[str] = mapped_column(String(100))
    e164: Mapped[str | None] = mapped_column(String(20), index=True)


class ReferralRow(Base):
    """A referral; rows are never updated in place but cleared, so the table is also the history."""

    __tablename__ = "referrals"
    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("directory_entries.id"), index=True)
    code: Mapped[str] = mapped_column(String(50))
    text: Mapped[str] = mapped_column(String(500), default="")
    starts_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    alternative: Mapped[str] = mapped_column(String(300), default="")
    comment: Mapped[str] = mapped_column(Text, default="")
    set_by: Mapped[str] = mapped_column(String(200), default="")
    set_at: Mapped[datetime] = mapped_column(UTCDateTime())
    cleared_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    organisation: Mapped[str] = mapped_column(String(100), default="", server_default="", index=True)


class NoteRow(Base):
    __tablename__ = "notes"
    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("directory_entries.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    organisation: Mapped[str] = mapped_column(String(100), default="", server_default="", index=True)
    # 0016: an edit names the version it started from; who edited it last, and when
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    edited_by: Mapped[str] = mapped_column(String(200), default="", server_default="")
    edited_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class NoteAuditRow(Base):
    """One note added or edited: who, from which console, when, the text before and after, and the note's
    version after it (0019). Rows are only ever added."""

    __tablename__ = "note_audit"
    id: Mapped[int] = mapped_column(primary_key=True)
    note_id: Mapped[int] = mapped_column(ForeignKey("notes.id"), index=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("directory_entries.id"))
    action: Mapped[str] = mapped_column(String(20))  # added | edited
    actor: Mapped[str] = mapped_column(String(200))
    console: Mapped[str] = mapped_column(String(200))
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    old_text: Mapped[str] = mapped_column(Text)
    new_text: Mapped[str] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer)
    organisation: Mapped[str] = mapped_column(String(100), default="", server_default="", index=True)


class OperatorFavouriteRow(Base):
    """One entry on an operator's favourites (the busy-lamp field), in the operator's order (0014)."""

    __tablename__ = "favourites"
    __table_args__ = (UniqueConstraint("organisation", "operator", "entry_id", name="uq_favourites_operator_entry"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    operator: Mapped[str] = mapped_column(String(200))
    entry_id: Mapped[int] = mapped_column(ForeignKey("directory_entries.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    organisation: Mapped[str] = mapped_column(String(100), default="", server_default="", index=True)


class NoticeRow(Base):
    """One message on the operators' notice board: shown on every console of the organisation from
    `posted_at` until `expires_at` or until someone clears it (0015). Rows are kept: who said what, when."""

    __tablename__ = "notices"
    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str] = mapped_column(String(300))
    posted_by: Mapped[str] = mapped_column(String(200))
    posted_at: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    cleared_by: Mapped[str] = mapped_column(String(200), default="", server_default="")
    cleared_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    organisation: Mapped[str] = mapped_column(String(100), default="", server_default="", index=True)


class EntryUsage(Base):
    """How often the operator picked an entry, for a modest ranking boost."""

    __tablename__ = "entry_usage"
    entry_id: Mapped[int] = mapped_column(ForeignKey("directory_entries.id"), primary_key=True)
    use_count: Mapped[int] = mapped_column(Integer, default=0)
    last_used_at: Mapped[datetime] = mapped_column(UTCDateTime())


class CallLogRow(Base):
    """One finished call as the operator desk saw it (see `directory.store.calllog`).

    ``consulted`` holds the names consulted, joined by newlines; ``search_text`` is the case-folded
    name, numbers and targets, so a search matches "åsa" to "Åsa" on SQLite as on PostgreSQL.
    """

    __tablename__ = "call_log"
    # 0011: statistics read one organisation's calls from a time on (the rollup), in one index range.
    __table_args__ = (Index("ix_call_log_organisation_offered_at", "organisation", "offered_at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    direction: Mapped[str] = mapped_column(String(10))  # in | out
    remote_number: Mapped[str] = mapped_column(String(100), default="")
    remote_name: Mapped[str] = mapped_column(String(200), default="")
    dialled_number: Mapped[str] = mapped_column(String(100), default="")
    entry_id: Mapped[int | None] = mapped_column(ForeignKey("directory_entries.id"))
    offered_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    outcome: Mapped[str] = mapped_column(String(30), default="")
    transferred_to: Mapped[str] = mapped_column(String(200), default="")
    # 0003: the desk's details
    priority: Mapped[str] = mapped_column(String(20), default="normal", server_default="normal")
    waiting_s: Mapped[float] = mapped_column(Float(), default=0.0, server_default="0")
    held_s: Mapped[float] = mapped_column(Float(), default=0.0, server_default="0")
    hold_count: Mapped[int] = mapped_column(Integer(), default=0, server_default="0")
    consulted: Mapped[str] = mapped_column(Text(), default="", server_default="")
    time_to_connect_s: Mapped[float | None] = mapped_column(Float())
    recalled: Mapped[bool] = mapped_column(Boolean(), default=False, server_default=false())
    end_reason: Mapped[str] = mapped_column(String(200), default="", server_default="")
    console: Mapped[str] = mapped_column(String(200), default="", server_default="")
    search_text: Mapped[str] = mapped_column(Text(), default="", server_default="")
    organisation: Mapped[str] = mapped_column(String(100), default="", server_default="", index=True)


PATH_SEPARATOR = " / "


class ReferralAuditRow(Base):
    """One change to an entry's referrals: who, when, from which console, the value before and after.

    ``old_value`` is a JSON list of the referrals the change replaced or cleared, ``new_value`` a JSON
    object of the referral set ("" for a clear). Rows are only ever added. ``version`` (0016) is the
    person's referral version after the change: unique per organisation and person, so of two changes made
    from the same version only one is stored.
    """

    __tablename__ = "referral_audit"
    __table_args__ = (Index("ux_referral_audit_version", "organisation", "entry_id", "version", unique=True),)
    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("directory_entries.id"), index=True)
    referral_id: Mapped[int | None] = mapped_column(ForeignKey("referrals.id"))
    action: Mapped[str] = mapped_column(String(20))  # set | schedule | clear
    actor: Mapped[str] = mapped_column(String(200), default="")
    console: Mapped[str] = mapped_column(String(200), default="")
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    old_value: Mapped[str] = mapped_column(Text, default="")
    new_value: Mapped[str] = mapped_column(Text, default="")
    organisation: Mapped[str] = mapped_column(String(100), default="", server_default="", index=True)
    version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class ExchangeQueueEventRow(Base):
    """One step of a caller's life in the exchange's queue: joined, offered, returned, answered, abandoned,
    overflowed. Written by the exchange's Kamailio (sqlops), never by the console, so callers who gave up
    before any console saw them are counted too. ``at`` is epoch seconds; ``waited_s`` the time since the
    caller joined; ``operator`` the console offered to or answering. Rows are only ever added."""

    __tablename__ = "exchange_queue_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    queue_id: Mapped[str] = mapped_column(String(20), index=True)
    event: Mapped[str] = mapped_column(String(20))
    at: Mapped[float] = mapped_column(Float, index=True)
    caller_number: Mapped[str] = mapped_column(String(40))
    caller_name: Mapped[str] = mapped_column(String(100))
    dialled: Mapped[str] = mapped_column(String(40))
    klass: Mapped[str] = mapped_column("class", String(20))
    operator: Mapped[str | None] = mapped_column(String(40))
    waited_s: Mapped[float] = mapped_column(Float)
    detail: Mapped[str | None] = mapped_column(String(200))
    organisation: Mapped[str] = mapped_column(String(100), default="", server_default="", index=True)  # 0013


class CallbackRow(Base):
    """A caller who gave up, to be called back: waiting, then claimed by one operator, then done.

    ``version`` grows with every step; a step is a conditional UPDATE on the state it expects, so of two
    operators claiming at once exactly one wins (see `directory.store.callbacks`).
    """

    __tablename__ = "callbacks"
    __table_args__ = (Index("ix_callbacks_state", "state", "hung_up_at"),
                      # Partial (WHERE queue_id <> ''), as migration 0012 creates it on SQLite and PostgreSQL
                      # (the store is made by the migrations alone); its predicate is not repeated here, where
                      # a dialect's keyword imports that dialect (PostgreSQL's: 35-90 ms of each CLI start).
                      Index("ux_callbacks_queue_id", "organisation", "queue_id", unique=True))
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(100))
    name: Mapped[str] = mapped_column(String(200), default="")
    dialled: Mapped[str] = mapped_column(String(100), default="")
    hung_up_at: Mapped[datetime] = mapped_column(UTCDateTime())
    stage: Mapped[str] = mapped_column(String(20), default="")  # where the caller was: waiting, held, ...
    console: Mapped[str] = mapped_column(String(200), default="")  # the console the caller gave up on
    state: Mapped[str] = mapped_column(String(10), default="waiting")  # waiting | claimed | done
    claimed_by: Mapped[str] = mapped_column(String(200), default="")
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    done_by: Mapped[str] = mapped_column(String(200), default="")
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    version: Mapped[int] = mapped_column(Integer, default=1)
    organisation: Mapped[str] = mapped_column(String(100), default="", server_default="", index=True)
    # The exchange's queue id of a caller who gave up there: every console hears of it, one entry is kept.
    queue_id: Mapped[str] = mapped_column(String(40), default="", server_default="")


class CallbackAuditRow(Base):
    """One step of a call-back (added, claimed, released, done): who, from which console, when. Only added."""

    __tablename__ = "callback_audit"
    id: Mapped[int] = mapped_column(primary_key=True)
    callback_id: Mapped[int] = mapped_column(ForeignKey("callbacks.id"), index=True)
    action: Mapped[str] = mapped_column(String(20))
    actor: Mapped[str] = mapped_column(String(200), default="")
    console: Mapped[str] = mapped_column(String(200), default="")
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    version: Mapped[int] = mapped_column(Integer)  # the call-back's version after this step
    organisation: Mapped[str] = mapped_column(String(100), default="", server_default="", index=True)


class CallStatsHourRow(Base):
    """Call measurement: one UTC hour's counts for one dialled service at one console (figures only).

    Kept apart from the call log and longer, so statistics outlive the raw rows' retention; filled by
    `directory.stats.rollup`. Wait histograms and exact totals (for the means) are in `CallStatsWaitRow`.
    """

    __tablename__ = "call_stats_hourly"
    # The tenant (migration 0009): a Store rolls up and reads only its own organisation's figures.
    organisation: Mapped[str] = mapped_column(String(100), primary_key=True)
    hour_start: Mapped[datetime] = mapped_column(UTCDateTime(), primary_key=True)
    service: Mapped[str] = mapped_column(String(100), primary_key=True)  # the dialled switchboard number
    console: Mapped[str] = mapped_column(String(200), primary_key=True)
    offered: Mapped[int] = mapped_column(Integer, default=0)
    answered: Mapped[int] = mapped_column(Integer, default=0)
    abandoned: Mapped[int] = mapped_column(Integer, default=0)
    rejected: Mapped[int] = mapped_column(Integer, default=0)
    # 0010: callers the exchange's queue sent to its overflow number (from exchange_queue_events)
    overflowed: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    transferred: Mapped[int] = mapped_column(Integer, default=0)
    recalled: Mapped[int] = mapped_column(Integer, default=0)
    callbacks_done: Mapped[int] = mapped_column(Integer, default=0)


class CallStatsWaitRow(Base):
    """How many calls of an hour, service and console had a wait (answer, abandon, connect) of so many
    whole seconds, and their exact total: percentiles and thresholds are read from these afterwards."""

    __tablename__ = "call_stats_waits"
    organisation: Mapped[str] = mapped_column(String(100), primary_key=True)
    hour_start: Mapped[datetime] = mapped_column(UTCDateTime(), primary_key=True)
    service: Mapped[str] = mapped_column(String(100), primary_key=True)
    console: Mapped[str] = mapped_column(String(200), primary_key=True)
    kind: Mapped[str] = mapped_column(String(10), primary_key=True)  # answer | abandon | connect
    seconds: Mapped[int] = mapped_column(Integer, primary_key=True)
    calls: Mapped[int] = mapped_column(Integer, default=0)
    total_s: Mapped[float] = mapped_column(Float(), default=0.0)
