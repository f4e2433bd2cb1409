"""Finding one person: the rules the CLI, referral alternatives and the phone share for "who is meant".

Each takes the search engine and typed text and decides when the answer is one person, several, or no one.
"""

from __future__ import annotations

from collections.abc import Sequence

from directory.model import Entry
from directory.search.index import SearchIndex
from directory.search.types import MatchKind


def find_person(index: SearchIndex, text: str) -> Entry:
    """By store id, exact e-mail, or a search whose best hit is clearly the one; ValueError says why not."""
    text = text.strip()
    if text.isdigit() and (entry := index.get(int(text))) is not None:
        return entry
    hits = index.search(text, 10)
    by_email = [h.entry for h in hits if h.entry.email and h.entry.email.lower() == text.lower()]
    if len(by_email) == 1:
        return by_email[0]
    if not hits:
        raise ValueError(f"no one matches {text!r}")
    exact = [h for h in hits if h.match is MatchKind.EXACT_NAME]
    if len(hits) == 1 or len(exact) == 1:
        return (exact or hits)[0].entry
    names = "; ".join(f"{h.entry.id}: {h.entry.display_name} ({h.entry.unit})" for h in hits[:5])
    raise ValueError(f"{text!r} matches several entries, give an id or e-mail: {names}")


def find_entries(entries: Sequence[Entry], query: str) -> list[Entry]:
    """By id, by e-mail (exact, any case), else the directory search's best hits (several: ambiguous).

    Looser than `find_person`: the best hit alone when it scores half again the next, as
    `calendar refresh --entry` has always chosen."""
    text = query.strip()
    if text.isdigit():
        return [e for e in entries if e.id == int(text)]
    if "@" in text:
        return [e for e in entries if e.email.lower() == text.lower()]
    hits = SearchIndex(list(entries)).search(text, limit=5)
    if len(hits) > 1 and hits[0].score > hits[1].score * 1.5:
        return [hits[0].entry]
    return [h.entry for h in hits]


def name_for_number(index: SearchIndex, number: str) -> str | None:
    """The directory's name for a caller's number, when the number is someone's: an exact number match,
    never a name that merely looks like digits."""
    if not number:
        return None
    hits = index.search(number, 1)
    if hits and hits[0].match >= MatchKind.NUMBER_EXACT and hits[0].match != MatchKind.EXACT_NAME:
        return hits[0].entry.display_name
    return None
