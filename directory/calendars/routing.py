"""Which calendar source answers for which directory entry, and under which mailbox address.

Several sources run at once (one per domain or tenant). An entry's mailbox is its e-mail, or a configured
attribute carried as a keyword ``<attribute>:<address>`` (e.g. "upn:anna.s@region.onmicrosoft.com");
the first source whose domains match the address takes it, so list specific sources before catch-alls.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from directory.calendars.config import CalendarSourceCommon
from directory.model import Entry, EntryKind


@dataclass(frozen=True, slots=True)
class Mailbox:
    entry_id: int
    address: str


def mailbox_of(entry: Entry, attribute: str) -> str:
    """The entry's mailbox address under ``attribute`` ("email" or a keyword prefix), lower-cased; "" if none."""
    if attribute in ("", "email", "mail"):
        value = entry.email
    else:
        prefix = f"{attribute.casefold()}:"
        value = next((k[len(prefix):] for k in entry.keywords if k.casefold().startswith(prefix)), "")
    value = value.strip().lower()
    return value if value.count("@") == 1 and not value.startswith("@") and not value.endswith("@") else ""


def _matches(address: str, domains: Sequence[str]) -> bool:
    domain = address.rpartition("@")[2]
    return not domains or any(domain == d.lower().lstrip("@") or domain.endswith("." + d.lower().lstrip("@"))
                              for d in domains)


def route(entries: Iterable[Entry], sources: Sequence[CalendarSourceCommon], *,
          people_only: bool = True) -> dict[str, list[Mailbox]]:
    """Mailboxes per source name, in entry order; each entry goes to the first source that matches it."""
    routed: dict[str, list[Mailbox]] = {source.name: [] for source in sources}
    seen: set[tuple[str, str]] = set()
    for entry in entries:
        if entry.id is None or (people_only and entry.kind is not EntryKind.PERSON):
            continue
        for source in sources:
            address = mailbox_of(entry, source.mailbox_attribute)
            if address and _matches(address, source.domains):
                if (source.name, address) not in seen:  # two entries, one mailbox: ask once, answer both
                    seen.add((source.name, address))
                routed[source.name].append(Mailbox(entry.id, address))
                break
    return routed
