"""Plain, immutable records of the staff directory, shared by the store, imports, sync and search.

These are the domain's vocabulary: they carry no database session and no Qt, so search, import and the
UI models can pass them between threads freely.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class EntryKind(StrEnum):
    """Whether an entry is a person or a function/unit ("Akutmottagningen", "Vårdcentral Tullen")."""

    PERSON = "person"
    FUNCTION = "function"


class NumberKind(StrEnum):
    """What a phone number reaches; the order here is the order an operator prefers to try them."""

    WORK = "work"
    SWITCH = "switch"
    MOBILE = "mobile"
    DECT = "dect"
    PAGER = "pager"
    FAX = "fax"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class PhoneNumber:
    """A number as written at the source, plus its E.164 form when it could be parsed."""

    raw: str
    kind: NumberKind = NumberKind.WORK
    e164: str | None = None


@dataclass(frozen=True, slots=True)
class Entry:
    """One directory entry as imported or synced.

    ``source`` and ``external_id`` together are the stable identity: a re-import or sync with the same
    pair updates the entry in place, so local data (notes, referral history) stays attached.
    ``id`` is the store's key and is ``None`` until the entry has been stored.
    ``unit_path`` lists the organisational units from the top down; its last element is the entry's
    own unit.
    """

    source: str
    external_id: str
    kind: EntryKind
    display_name: str
    given_name: str = ""
    surname: str = ""
    title: str = ""
    unit_path: tuple[str, ...] = ()
    location: str = ""
    email: str = ""
    keywords: tuple[str, ...] = ()
    description: str = ""
    numbers: tuple[PhoneNumber, ...] = ()
    id: int | None = None

    @property
    def unit(self) -> str:
        return self.unit_path[-1] if self.unit_path else ""


@dataclass(frozen=True, slots=True)
class MailboxRow:
    """What the calendars route an entry by, read from the store without the rest of it (names, units,
    numbers): its id, kind and e-mail, and its keywords when a source's mailbox is carried in one ("upn:...").
    The fields are named as `Entry`'s, so routing reads either."""

    id: int
    kind: EntryKind
    email: str
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Referral:
    """A referral ("hänvisning"): why someone cannot answer, until when, and where to send callers."""

    entry_id: int
    code: str
    text: str = ""
    starts_at: datetime | None = None
    until: datetime | None = None
    alternative: str = ""
    comment: str = ""
    set_by: str = ""


@dataclass(frozen=True, slots=True)
class Note:
    """An operator's note on an entry ("prefers e-mail", "ask for the lab, not the ward")."""

    entry_id: int
    text: str
    author: str = ""
    created_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class SourceStatus:
    """How fresh a directory source is, for the status bar and for `config check`."""

    source: str
    entry_count: int
    updated_at: datetime | None


@dataclass(frozen=True, slots=True)
class ChangePosition:
    """Where the directory's changes stand: its latest change (an entry updated or removed), how many
    entries are active and the highest id given. An index current to a position needs only the changes
    after ``changed_at``; a store whose position went back, or whose count differs after them, changed
    behind the index (restored, replaced, rows deleted)."""

    changed_at: datetime | None
    active: int
    last_id: int


@dataclass(frozen=True, slots=True)
class ChangeSet:
    """What a store operation changed, so views and the search index refresh only that."""

    upserted: tuple[int, ...] = ()
    removed: tuple[int, ...] = ()
    referrals: tuple[int, ...] = field(default=())

    def __bool__(self) -> bool:
        return bool(self.upserted or self.removed or self.referrals)
