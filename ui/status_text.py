"""Wording of statuses the operator reads: referrals and how fresh the directory is."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale

from directory.model import Referral, SourceStatus


def _tr(text: str) -> str:
    return QCoreApplication.translate("StatusText", text)


def _trn(text: str, n: int) -> str:
    return QCoreApplication.translate("StatusText", text, "", n)


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


def referral_text(referral: Referral, now: datetime) -> str:
    text = referral.text or referral.code
    if referral.until is None:
        return text
    return _tr("%1 until %2").replace("%1", text).replace("%2", format_until(referral.until, now))


def source_status_text(statuses: list[SourceStatus], now: datetime, *, demo: bool) -> str:
    if not statuses:
        return _tr("No directory")
    count = sum(s.entry_count for s in statuses)
    stamps = [s.updated_at for s in statuses if s.updated_at]
    name = _tr("Demo directory") if demo else ", ".join(s.source for s in statuses)
    text = _trn("%1 · %n entries", count).replace("%1", name)
    if stamps:
        minutes = int((now - min(stamps)).total_seconds() // 60)
        if minutes < 1:
            age = _tr("updated just now")
        elif minutes < 120:
            age = _trn("updated %n minute(s) ago", minutes)
        else:
            age = _trn("updated %n hour(s) ago", minutes // 60)
        text += " · " + age
    return text
