"""Referral wording for the operator: moments, parse errors, one-line summaries and the audit history.

All plain text (directory and operator text is never rich text). Times are shown in the operator's zone
(``zone``), with day and month names from the interface language's QLocale.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QLocale, QObject

from directory.model import Referral
from directory.referrals import ReferralError, ReferralProblem, WhenError, WhenProblem
from directory.store.audit import AuditRecord


class ReferralText(QObject):
    """A QObject only so that tr() and lupdate work; holds the zone and nothing else."""

    def __init__(self, zone: ZoneInfo, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.zone = zone

    def clock(self, moment: datetime) -> str:
        return f"{moment.astimezone(self.zone):%H:%M}"

    def moment(self, moment: datetime, now: datetime) -> str:
        """"today 13:30", "tomorrow 08:00", "Mon 23 Nov 08:00" (next year: with the year)."""
        local, today = moment.astimezone(self.zone), now.astimezone(self.zone).date()
        days = (local.date() - today).days
        if days == 0:
            return self.tr("today %1").replace("%1", self.clock(local))
        if days == 1:
            return self.tr("tomorrow %1").replace("%1", self.clock(local))
        locale = QLocale()
        day = locale.dayName(local.isoweekday(), QLocale.FormatType.ShortFormat)
        month = locale.monthName(local.month, QLocale.FormatType.ShortFormat)
        year = f" {local.year}" if local.year != today.year else ""
        return f"{day} {local.day} {month}{year} {self.clock(local)}"

    def duration(self, delta: timedelta) -> str:
        """"in 25 min", "in 2 h 5 min", "in 3 days"."""
        minutes = max(0, round(delta.total_seconds() / 60))
        if minutes < 60:
            return self.tr("in %n min", "", minutes)
        if minutes < 48 * 60:
            hours, rest = divmod(minutes, 60)
            text = self.tr("in %n h", "", hours)
            return text if not rest else self.tr("%1 %n min", "", rest).replace("%1", text)
        return self.tr("in %n day(s)", "", round(minutes / 1440))

    def when_error(self, error: WhenError) -> str:
        messages = {
            WhenProblem.EMPTY: self.tr("Type a time, e.g. 13, 13:30, tomorrow 8, fri 12, 2/12 or +30."),
            WhenProblem.UNKNOWN_WORD: self.tr("“%1” is not a time, date, weekday or duration."),
            WhenProblem.BAD_TIME: self.tr("“%1” is not a time of day (00:00 to 23:59)."),
            WhenProblem.BAD_DATE: self.tr("“%1” is not a date in the calendar."),
            WhenProblem.TWICE: self.tr("“%1” gives a second day or time."),
            WhenProblem.PAST: self.tr("%1 has already passed."),
            WhenProblem.TOO_FAR: self.tr("%1 is more than two years ahead."),
        }
        return messages[error.problem].replace("%1", error.word)

    def referral_error(self, error: ReferralError) -> str:
        messages = {
            ReferralProblem.UNKNOWN_CODE: self.tr("Choose a referral code from the list."),
            ReferralProblem.RETURN_REQUIRED: self.tr("%1 needs a return time.").replace("%1", error.detail),
            ReferralProblem.RETURN_BEFORE_START: self.tr("The return time is before the start."),
            ReferralProblem.RETURN_PAST: self.tr("The return time has already passed."),
        }
        return messages[error.problem]

    def summary(self, referral: Referral, now: datetime) -> str:
        """"Meeting from Mon 23 Nov 00:00 until today 14:30 · Eva Ek · board meeting"."""
        text = referral.text or referral.code
        if referral.starts_at is not None:
            text = self.tr("%1 from %2").replace("%1", text).replace("%2", self.moment(referral.starts_at, now))
        if referral.until is not None:
            text = self.tr("%1 until %2").replace("%1", text).replace("%2", self.moment(referral.until, now))
        return " · ".join(part for part in (text, referral.alternative, referral.comment) if part)

    def history(self, records: list[AuditRecord], now: datetime) -> str:
        """The audit trail as plain text lines, newest first, for the detail pane."""
        if not records:
            return self.tr("No referral changes recorded.")
        lines = []
        for record in records:
            who = record.actor or self.tr("unknown")
            if record.console:
                who = f"{who} ({record.console})"
            if record.action == "clear":
                what = self.tr("cleared: %1").replace("%1", "; ".join(self.summary(r, now) for r in record.old))
            else:
                new = self.summary(record.new, now) if record.new is not None else ""
                what = (self.tr("scheduled: %1") if record.action == "schedule" else self.tr("set: %1")).replace(
                    "%1", new)
                if record.old:
                    what += " · " + self.tr("replaced: %1").replace(
                        "%1", "; ".join(self.summary(r, now) for r in record.old))
            lines.append(f"{self.moment(record.changed_at, now)} · {who} · {what}")
        return "\n".join(lines)
