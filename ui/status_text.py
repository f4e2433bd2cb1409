"""Wording of statuses the operator reads: referrals and how fresh the directory is."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, QLocale, QObject

from directory.calendars.schedule import CalendarSourceStatus
from directory.model import Referral, SourceStatus


def _local(moment: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))


def format_until(until: datetime, now: datetime) -> str:
    """"13:00" today, "Mon 08:00" within a week, "24 Nov 08:00" after that."""
    locale, local = QLocale(), _local(until)
    days = _local(now).date().daysTo(local.date())
    time = locale.toString(local.time(), QLocale.FormatType.ShortFormat)
    if days == 0:
        return time
    if 0 < days < 7:
        return f"{locale.dayName(local.date().dayOfWeek(), QLocale.FormatType.ShortFormat)} {time}"
    return f"{locale.toString(local.date(), 'd MMM')} {time}"


class StatusText(QObject):
    """A QObject only so that tr() (with plural forms) and lupdate work; holds no state."""

    def referral(self, referral: Referral, now: datetime) -> str:
        text = referral.text or referral.code
        if referral.until is None:
            return text
        return self.tr("%1 until %2").replace("%1", text).replace("%2", format_until(referral.until, now))

    def sources(self, statuses: list[SourceStatus], now: datetime, *, demo: bool) -> str:
        if not statuses:
            return self.tr("No directory")
        count = sum(s.entry_count for s in statuses)
        stamps = [s.updated_at for s in statuses if s.updated_at]
        name = self.tr("Demo directory") if demo else ", ".join(s.source for s in statuses)
        text = self.tr("%1 · %n entries", "", count).replace("%1", name)
        if stamps:
            text += " · " + self.age(int((now - min(stamps)).total_seconds()) // 60)
        return text

    def calendars(self, statuses: list[CalendarSourceStatus]) -> str:
        """"Calendars: 3 sources" or "Calendars: 1 of 3 failing: Region (ErrorServerBusy)"."""
        failing = [s for s in statuses if s.failures]
        if not failing:
            return self.tr("Calendars: %n source(s)", "", len(statuses))
        first = failing[0]
        return (self.tr("Calendars: %1 of %2 failing: %3").replace("%1", str(len(failing)))
                .replace("%2", str(len(statuses))).replace("%3", f"{first.name} ({first.last_error})"))

    def age(self, minutes: int) -> str:
        if minutes < 1:
            return self.tr("updated just now")
        if minutes < 120:
            return self.tr("updated %n minute(s) ago", "", minutes)
        hours = minutes // 60
        return self.tr("updated %n hour(s) ago", "", hours)
