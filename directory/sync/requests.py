"""The searches a sync sends (pure): full, incremental since a cursor, and id-only for deletions."""

from __future__ import annotations

import json
from dataclasses import dataclass

import directory.sync._ldap3  # noqa: F401 - first: it imports ldap3 quietly (see the module)

# isort: split
from ldap3.utils.conv import escape_filter_chars

from directory.model import EntryKind
from directory.sync.settings import LdapSourceSettings

# uSNChanged is a counter local to each domain controller; a cursor from one DC means nothing on another.
PER_SERVER_CHANGE_ATTRIBUTES = frozenset({"usnchanged"})


@dataclass(frozen=True, slots=True)
class SearchRequest:
    """One subtree search: its base, filter, the attributes wanted and the kind of entry it finds."""

    base: str
    filter: str
    attributes: tuple[str, ...]
    kind: EntryKind


def _filters(settings: LdapSourceSettings) -> list[tuple[str, EntryKind]]:
    found = [(settings.people_filter, EntryKind.PERSON)]
    if settings.function_filter:
        found.append((settings.function_filter, EntryKind.FUNCTION))
    return found


def full_requests(settings: LdapSourceSettings) -> list[SearchRequest]:
    attributes = settings.mapping().requested()
    return [
        SearchRequest(base, text, attributes, kind)
        for base in settings.base_dns
        for text, kind in _filters(settings)
    ]


def changed_since_filter(base_filter: str, attribute: str, value: str) -> str:
    """``base_filter`` narrowed to entries whose change attribute is at or after ``value``.

    ``>=`` re-reads the entries of the cursor's own second/USN; the store skips unchanged ones.
    """
    return f"(&{base_filter}({attribute}>={escape_filter_chars(value)}))"


def incremental_requests(settings: LdapSourceSettings, since: str) -> list[SearchRequest]:
    mapping = settings.mapping()
    return [
        SearchRequest(base, changed_since_filter(text, mapping.change, since), mapping.requested(), kind)
        for base in settings.base_dns
        for text, kind in _filters(settings)
    ]


def id_requests(settings: LdapSourceSettings) -> list[SearchRequest]:
    """Searches that return only the ids: cheap enough to find deletions between full syncs."""
    mapping = settings.mapping()
    return [
        SearchRequest(base, text, (mapping.id,), kind)
        for base in settings.base_dns
        for text, kind in _filters(settings)
    ]


@dataclass(frozen=True, slots=True)
class SyncCursor:
    """Where the last sync got to, stored with the source in the store.

    ``config`` is the settings' fingerprint and ``server`` the URL synced from: if either changed,
    the cursor no longer describes what the store holds and the next sync must be a full one.
    """

    attribute: str
    value: str
    server: str
    config: str
    # When (Unix time) the store last had its deletions checked: a full sync or an id-only search.
    checked: float | None = None

    def encode(self) -> str:
        return json.dumps(
            {"v": 1, "attribute": self.attribute, "value": self.value, "server": self.server,
             "config": self.config, "checked": self.checked},
            separators=(",", ":"),
        )

    @classmethod
    def decode(cls, text: str | None) -> SyncCursor | None:
        """The stored cursor, or None when there is none or it is not one of ours."""
        if not text:
            return None
        try:
            data = json.loads(text)
            if data.get("v") != 1:
                return None
            checked = data.get("checked")
            return cls(
                str(data["attribute"]), str(data["value"]), str(data["server"]), str(data["config"]),
                float(checked) if checked is not None else None,
            )
        except (ValueError, KeyError, TypeError, AttributeError):
            return None

    def usable_for(self, settings: LdapSourceSettings, server: str) -> bool:
        """Whether an incremental sync from ``server`` may continue from this cursor."""
        if self.config != settings.fingerprint():
            return False
        if self.attribute.lower() != settings.mapping().change.lower():
            return False
        return self.attribute.lower() not in PER_SERVER_CHANGE_ATTRIBUTES or self.server == server

    def deletion_check_due(self, settings: LdapSourceSettings, now: float) -> bool:
        """Whether this incremental sync should also look for deleted entries (an id-only search)."""
        interval = settings.deletion_check_interval
        if interval is None:
            return False
        return self.checked is None or now - self.checked >= interval
