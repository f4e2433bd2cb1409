"""The favourites (busy lamp field) list as plain data: chosen people and units in the operator's order,
the latest line state of each, and one aggregated row per favourite for a Qt list model to show.

Not thread-safe by design: one owner (the GUI thread) feeds it the line changes it drained from the BLF
client and asks for rows; the BLF thread never touches it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo

from directory.calendars.presence import CalendarPresence
from directory.model import Referral
from directory.presence.aggregate import aggregate
from directory.presence.model import LineState, LineStatus, Presence
from directory.presence.wording import presence_line
from directory.referrals.codes import ReferralCode


@dataclass(frozen=True, slots=True)
class Favourite:
    """A chosen entry; ``line_target`` is the extension (or SIP URI) whose lamp is watched, "" for none."""

    entry_id: int
    name: str
    line_target: str = ""


@dataclass(frozen=True, slots=True)
class FavouriteRow:
    """What one row shows: the name, the lamp (``line``) and the aggregated status text."""

    favourite: Favourite
    line: LineState
    text: str
    presence: Presence

    @property
    def conflict(self) -> bool:
        return self.presence.conflict


class FavouritesBoard:
    """Favourites in order plus the last line state per watched target."""

    def __init__(self, favourites: Iterable[Favourite] = ()) -> None:
        self._favourites: list[Favourite] = []
        self._lines: dict[str, LineStatus] = {}
        self.set_favourites(favourites)

    @property
    def favourites(self) -> tuple[Favourite, ...]:
        return tuple(self._favourites)

    def set_favourites(self, favourites: Iterable[Favourite]) -> None:
        """Replace the list (duplicates of an entry keep the first place)."""
        self._favourites = []
        for favourite in favourites:
            self.add(favourite)

    def add(self, favourite: Favourite) -> bool:
        if any(f.entry_id == favourite.entry_id for f in self._favourites):
            return False
        self._favourites.append(favourite)
        return True

    def remove(self, entry_id: int) -> bool:
        before = len(self._favourites)
        self._favourites = [f for f in self._favourites if f.entry_id != entry_id]
        return len(self._favourites) != before

    def move(self, entry_id: int, index: int) -> None:
        """Move a favourite to ``index`` (clamped); unknown ids are ignored."""
        item = next((f for f in self._favourites if f.entry_id == entry_id), None)
        if item is None:
            return
        self._favourites.remove(item)
        self._favourites.insert(max(0, min(index, len(self._favourites))), item)

    def targets(self) -> list[str]:
        """The line targets to subscribe to, each once, in list order."""
        return list(dict.fromkeys(f.line_target for f in self._favourites if f.line_target))

    def line_changed(self, target: str, state: LineState, at: datetime) -> list[int]:
        """Record a line change; returns the positions of the rows it affects (for dataChanged)."""
        previous = self._lines.get(target)
        since = previous.since if previous is not None and previous.state is state else at
        self._lines[target] = LineStatus(state, at, since)
        return [i for i, f in enumerate(self._favourites) if f.line_target == target]

    def line_status(self, target: str) -> LineStatus | None:
        return self._lines.get(target)

    def rows(self, now: datetime, zone: tzinfo, language: str = "en", *,
             referrals: Mapping[int, Referral] | None = None,
             calendars: Mapping[int, CalendarPresence] | None = None,
             codes: Mapping[str, ReferralCode] | None = None) -> Sequence[FavouriteRow]:
        """One row per favourite, aggregated at ``now``."""
        referrals, calendars = referrals or {}, calendars or {}
        rows = []
        for favourite in self._favourites:
            line = self._lines.get(favourite.line_target) if favourite.line_target else None
            presence = aggregate(now, referral=referrals.get(favourite.entry_id),
                                 calendar=calendars.get(favourite.entry_id), line=line)
            # The lamp shows only a line state fresh enough for the aggregation to have used it.
            lamp = next((p.line.state for p in presence.parts if p.line is not None), LineState.UNKNOWN)
            rows.append(FavouriteRow(favourite, lamp, presence_line(presence, zone, language, codes), presence))
        return rows
