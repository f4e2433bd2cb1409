"""Calendars into presence: free/busy from Exchange Server (EWS), Exchange Online (Graph) and CalDAV.

Providers (`ews`, `graph`, `caldav_provider`) are imported lazily through `make_provider`; everything
else here is plain logic: subject codes, presence facts and wording, routing, scheduling, the refresh run.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from directory.lazy import lazy_exports

if TYPE_CHECKING:
    from directory.calendars.book import CalendarBook, DaySummary
    from directory.calendars.config import (
        CalDavSource,
        CalendarSettings,
        CalendarSourceCommon,
        EwsAuth,
        ExchangeSource,
        GraphSource,
    )
    from directory.calendars.mailboxes import Mailbox, Mailboxes
    from directory.calendars.model import (
        BusyBlock,
        BusyStatus,
        CalendarAuthError,
        CalendarError,
        CalendarProvider,
        CalendarThrottledError,
        MailboxProblem,
        MailboxResult,
    )
    from directory.calendars.presence import CalendarPresence, CalendarReferral, presence_at, referrals_in
    from directory.calendars.providers import make_provider, server_key
    from directory.calendars.routing import mailbox_of, reads_keywords, route
    from directory.calendars.runner import MailboxCalendar, ServerLimits, SourceRefresh, refresh_source, window
    from directory.calendars.schedule import CalendarSourceStatus, FailureKind, RefreshBackoff, RefreshSchedule
    from directory.calendars.settings import (
        CalDavSettings,
        CalendarConfigError,
        CalendarSourceRuntime,
        CalendarSourceSettings,
        ExchangeSettings,
        GraphSettings,
        calendar_sources,
    )
    from directory.calendars.sources import CalendarSources, RefreshJob
    from directory.calendars.subjects import DEFAULT_PREFIXES, ClassifiedBlock, SubjectRules, apply_rules
    from directory.calendars.wording import block_line, presence_text

__all__ = [
    "DEFAULT_PREFIXES",
    "BusyBlock",
    "BusyStatus",
    "CalDavSettings",
    "CalDavSource",
    "CalendarAuthError",
    "CalendarBook",
    "CalendarConfigError",
    "CalendarError",
    "CalendarPresence",
    "CalendarProvider",
    "CalendarReferral",
    "CalendarSettings",
    "CalendarSourceCommon",
    "CalendarSourceRuntime",
    "CalendarSourceSettings",
    "CalendarSourceStatus",
    "CalendarSources",
    "CalendarThrottledError",
    "ClassifiedBlock",
    "DaySummary",
    "EwsAuth",
    "ExchangeSettings",
    "ExchangeSource",
    "FailureKind",
    "GraphSettings",
    "GraphSource",
    "Mailbox",
    "MailboxCalendar",
    "MailboxProblem",
    "MailboxResult",
    "Mailboxes",
    "RefreshBackoff",
    "RefreshJob",
    "RefreshSchedule",
    "ServerLimits",
    "SourceRefresh",
    "SubjectRules",
    "apply_rules",
    "block_line",
    "calendar_sources",
    "mailbox_of",
    "make_provider",
    "presence_at",
    "presence_text",
    "reads_keywords",
    "referrals_in",
    "refresh_source",
    "route",
    "server_key",
    "window",
]

# Each name is imported from its module when first used: the package's settings (read with the
# configuration by every command) then come without the modules that need the store or a server.
__getattr__ = lazy_exports(__name__, {
    "directory.calendars.book": ("CalendarBook", "DaySummary"),
    "directory.calendars.config": (
        "CalDavSource", "CalendarSettings", "CalendarSourceCommon", "EwsAuth", "ExchangeSource", "GraphSource",
    ),
    "directory.calendars.model": (
        "BusyBlock", "BusyStatus", "CalendarAuthError", "CalendarError", "CalendarProvider",
        "CalendarThrottledError", "MailboxProblem", "MailboxResult",
    ),
    "directory.calendars.presence": ("CalendarPresence", "CalendarReferral", "presence_at", "referrals_in"),
    "directory.calendars.providers": ("make_provider", "server_key"),
    "directory.calendars.mailboxes": ("Mailbox", "Mailboxes"),
    "directory.calendars.routing": ("mailbox_of", "reads_keywords", "route"),
    "directory.calendars.runner": ("MailboxCalendar", "ServerLimits", "SourceRefresh", "refresh_source", "window"),
    "directory.calendars.schedule": ("CalendarSourceStatus", "FailureKind", "RefreshBackoff", "RefreshSchedule"),
    "directory.calendars.settings": (
        "CalDavSettings", "CalendarConfigError", "CalendarSourceRuntime", "CalendarSourceSettings",
        "ExchangeSettings", "GraphSettings", "calendar_sources",
    ),
    "directory.calendars.sources": ("CalendarSources", "RefreshJob"),
    "directory.calendars.subjects": ("DEFAULT_PREFIXES", "ClassifiedBlock", "SubjectRules", "apply_rules"),
    "directory.calendars.wording": ("block_line", "presence_text"),
})
