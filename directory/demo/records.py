"""What the demo generator produces: entries plus the referrals and notes that go with some of them.

Referral times are offsets from a ``now`` the caller supplies when storing them, so the same seed
always gives the same demo and a demo loaded at any time shows current referrals.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from directory.model import Entry, EntryKind, Note, Referral


@dataclass(frozen=True, slots=True)
class DemoReferral:
    """A referral for the entry with ``external_id``; ``until_offset`` ``None`` means open-ended."""

    external_id: str
    code: str  # lunch, meeting, sick, vacation, course, leave, off_duty
    text: str
    starts_offset: timedelta
    until_offset: timedelta | None
    alternative: str = ""  # a number or a colleague's name, as an operator would read it out
    alternative_external_id: str = ""  # the colleague's entry, when the alternative is a person
    comment: str = ""

    def starts_at(self, now: datetime) -> datetime:
        return now + self.starts_offset

    def until(self, now: datetime) -> datetime | None:
        return None if self.until_offset is None else now + self.until_offset

    def to_referral(self, entry_id: int, now: datetime) -> Referral:
        return Referral(entry_id=entry_id, code=self.code, text=self.text, starts_at=self.starts_at(now),
                        until=self.until(now), alternative=self.alternative, comment=self.comment,
                        set_by="demo")


@dataclass(frozen=True, slots=True)
class DemoNote:
    """An operator's note on the entry with ``external_id``."""

    external_id: str
    text: str
    author: str = "demo"

    def to_note(self, entry_id: int, now: datetime) -> Note:
        return Note(entry_id=entry_id, text=self.text, author=self.author, created_at=now)


@dataclass(frozen=True, slots=True)
class DemoDirectory:
    """A generated organisation: units (as function entries) and people, with referrals and notes."""

    entries: list[Entry]
    referrals: list[DemoReferral]
    notes: list[DemoNote]

    @property
    def people(self) -> list[Entry]:
        return [e for e in self.entries if e.kind is EntryKind.PERSON]

    @property
    def functions(self) -> list[Entry]:
        return [e for e in self.entries if e.kind is EntryKind.FUNCTION]
