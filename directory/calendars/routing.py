"""Which calendar source answers for which directory entry, and under which mailbox address.

Several sources run at once (one per domain or tenant). An entry's mailbox is its e-mail, or a configured
attribute carried as a keyword ``<attribute>:<address>`` (e.g. "upn:anna.s@region.onmicrosoft.com");
the first source whose domains match the address takes it, so list specific sources before catch-alls.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from directory.calendars.config import CalendarSourceCommon
from directory.calendars.mailboxes import Mailboxes, MailboxesBuilder
from directory.model import EntryKind


class Addressed(Protocol):
    """What routing reads of an entry: a whole `Entry`, or the store's `MailboxRow` (only these fields, read
    without building entries: `DirectoryRepository.mailbox_rows`)."""

    @property
    def id(self) -> int | None: ...
    @property
    def kind(self) -> EntryKind: ...
    @property
    def email(self) -> str: ...
    @property
    def keywords(self) -> tuple[str, ...]: ...


def _by_email(attribute: str) -> bool:
    return attribute in ("", "email", "mail")


def reads_keywords(sources: Iterable[CalendarSourceCommon]) -> bool:
    """Whether any source takes its mailboxes from a keyword: only then must the entries' keywords be read."""
    return any(not _by_email(source.mailbox_attribute) for source in sources)


def mailbox_of(entry: Addressed, attribute: str) -> str:
    """The entry's mailbox address under ``attribute`` ("email" or a keyword prefix), lower-cased; "" if none."""
    if _by_email(attribute):
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


def route(entries: Iterable[Addressed], sources: Sequence[CalendarSourceCommon], *,
          people_only: bool = True) -> dict[str, Mailboxes]:
    """Mailboxes per source name, in entry order; each entry goes to the first source that matches it, so an
    entry's route depends on it alone (`CalendarSources.reroute` routes only the entries that changed). Two
    entries with one mailbox both get it: the refresh asks once and answers both (runner.refresh_source).
    Each is appended to its source's flat buffers as it is routed: ``entries`` streamed from the store leave
    no object per person behind (see `Mailboxes`)."""
    routed = {source.name: MailboxesBuilder() for source in sources}
    for entry in entries:
        if entry.id is None or (people_only and entry.kind is not EntryKind.PERSON):
            continue
        for source in sources:
            address = mailbox_of(entry, source.mailbox_attribute)
            if address and _matches(address, source.domains):
                routed[source.name].append(entry.id, address)
                break
    return {name: builder.build() for name, builder in routed.items()}
