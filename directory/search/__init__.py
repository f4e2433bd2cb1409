"""Directory search: one engine for the GUI and the CLI.

>>> index = SearchIndex(entries, usage={entry_id: count})
>>> index.search("anna kard")  # list[Hit], best first
"""

from directory.search.index import SearchIndex
from directory.search.types import Hit, MatchKind

__all__ = ["Hit", "MatchKind", "SearchIndex"]
