"""What the console has loaded and attached, shared read-only with its flows.

`LoadingFlow` writes what it loads and refreshes, `Console` the busy lamps it is given, `SourcesFlow` the
calendars it starts; the search, detail, favourites and status flows only read it, so none holds a copy that a
reload leaves behind.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from directory.model import Entry, Referral
from directory.search import SearchIndex

if TYPE_CHECKING:  # the Qt-side helpers, for annotations only
    from app.lookup.calendar_flow import CalendarRefresher
    from app.lookup.line_watcher import LineWatcher
    from app.services import Services


class LookupState:
    """The open store, the search index, everyone's referral in force, calendars and busy lamps."""

    def __init__(self, *, demo: bool, language: str) -> None:
        self.demo, self.language = demo, language
        self.services: Services | None = None
        self.index: SearchIndex | None = None
        self.referrals: dict[int, Referral] = {}  # in force now, by entry id; re-read every 30 s
        self.calendars: CalendarRefresher | None = None
        self.lines: LineWatcher | None = None

    def entry(self, entry_id: int | None) -> Entry | None:
        return self.index.get(entry_id) if self.index is not None and entry_id is not None else None
