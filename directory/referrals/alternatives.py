"""A referral's alternative as the operator types it: a number stays as written, a name must find one person."""

from __future__ import annotations

from directory.search import SearchIndex
from directory.search.person import find_person


def resolve_alternative(index: SearchIndex, text: str | None) -> str | None:
    """A number (or text with one) stays as written; a name must find one entry, which becomes
    "Name, number" so the operator can connect the caller; ValueError when it finds no one or several."""
    if text is None or not text.strip() or any(ch.isdigit() for ch in text):
        return text
    try:
        colleague = find_person(index, text)
    except ValueError as error:
        raise ValueError(f"the alternative does not resolve: {error}") from None
    number = colleague.numbers[0].raw if colleague.numbers else ""
    return f"{colleague.display_name}, {number}" if number else colleague.display_name
