"""Building the provider for a source's settings, and the server key its concurrency limit is shared by."""

from __future__ import annotations

from urllib.parse import urlsplit

from directory.calendars.model import CalendarProvider
from directory.calendars.settings import CalDavSettings, CalendarSourceSettings, ExchangeSettings, GraphSettings


def make_provider(settings: CalendarSourceSettings, zone_name: str, *, ca_file: str = "") -> CalendarProvider:
    """The provider for ``settings``; ``zone_name`` is the operator's IANA zone (times come back in it).
    Imports the client library only for the kinds configured."""
    if isinstance(settings, ExchangeSettings):
        from directory.calendars.ews import ExchangeProvider  # noqa: PLC0415 - exchangelib is slow to import

        return ExchangeProvider(settings, zone_name)
    if isinstance(settings, GraphSettings):
        from directory.calendars.graph import GraphProvider  # noqa: PLC0415

        return GraphProvider(settings, zone_name, ca_file=ca_file)
    from directory.calendars.caldav_provider import CalDavProvider  # noqa: PLC0415

    return CalDavProvider(settings, zone_name, ca_file=ca_file)


def server_key(settings: CalendarSourceSettings) -> str:
    """Sources on the same server share its concurrency limit: keyed by host[:port] (or tenant for Graph,
    whose throttling is per tenant and application)."""
    if isinstance(settings, GraphSettings):
        return f"graph:{settings.tenant_id}:{settings.client_id}"
    url = settings.url if isinstance(settings, CalDavSettings) else (
        settings.service_endpoint or f"autodiscover:{settings.autodiscover_email.rpartition('@')[2]}")
    parts = urlsplit(url)
    return parts.netloc.lower() or url
