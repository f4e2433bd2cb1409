"""One status per person from the referral, the live SIP line state and the calendar, with conflicts shown."""

from directory.presence.aggregate import aggregate
from directory.presence.favourites import Favourite, FavouriteRow, FavouritesBoard
from directory.presence.model import LineState, LineStatus, Part, Presence, Source
from directory.presence.targets import line_target
from directory.presence.wording import part_line, presence_line

__all__ = ["Favourite", "FavouriteRow", "FavouritesBoard", "LineState",
           "LineStatus", "Part", "Presence", "Source", "aggregate", "line_target", "part_line", "presence_line"]
