"""The operator's line for calendar presence, in sv, nb and en ("i möte till 14.30", "out of office until Monday").

Built here rather than in ui/ because the CLI prints it too; the UI shows it as plain text.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time, timedelta, tzinfo

from directory.calendars.model import BusyStatus
from directory.calendars.presence import CalendarPresence
from directory.calendars.subjects import ClassifiedBlock
from directory.referrals.codes import ReferralCode
from directory.referrals.defaults import DEFAULT_CODES
from directory.referrals.readout import clock_text

_STATES = {
    "en": {BusyStatus.BUSY: "in a meeting", BusyStatus.OUT_OF_OFFICE: "out of office",
           BusyStatus.TENTATIVE: "tentatively busy", BusyStatus.WORKING_ELSEWHERE: "working elsewhere",
           BusyStatus.UNKNOWN: "busy", BusyStatus.FREE: "free"},
    "sv": {BusyStatus.BUSY: "i möte", BusyStatus.OUT_OF_OFFICE: "frånvarande",
           BusyStatus.TENTATIVE: "preliminärt upptagen", BusyStatus.WORKING_ELSEWHERE: "arbetar på annan plats",
           BusyStatus.UNKNOWN: "upptagen", BusyStatus.FREE: "ledig"},
    "nb": {BusyStatus.BUSY: "i møte", BusyStatus.OUT_OF_OFFICE: "fraværende",
           BusyStatus.TENTATIVE: "foreløpig opptatt", BusyStatus.WORKING_ELSEWHERE: "jobber et annet sted",
           BusyStatus.UNKNOWN: "opptatt", BusyStatus.FREE: "ledig"},
}
# until {t} today / tomorrow {t} / {d} {t} / {d} (a whole day) / busy to the end of what we know
_UNTIL = {
    "en": ("until {t}", "until tomorrow {t}", "until {d} {t}", "until {d}", "for the rest of the period"),
    "sv": ("till {t}", "till i morgon {t}", "till {d} {t}", "till {d}", "resten av perioden"),
    "nb": ("til {t}", "til i morgen {t}", "til {d} {t}", "til {d}", "resten av perioden"),
}
_UNTIL_TOMORROW = {"en": "until tomorrow", "sv": "till i morgon", "nb": "til i morgen"}
_NEXT_BUSY = {"en": "free, busy from {t}", "sv": "ledig, upptagen från {t}", "nb": "ledig, opptatt fra {t}"}
_WEEKDAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "sv": ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"),
    "nb": ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"),
}


def _day(moment: datetime, today: datetime, language: str) -> str:
    days = (moment.date() - today.date()).days
    if days < 7:
        return _WEEKDAYS[language][moment.weekday()]
    return f"{moment.day}/{moment.month}"


def code_label(code: str, codes: Mapping[str, ReferralCode] | None, language: str) -> str:
    """The operator's word for a subject's referral code ("Lunch" for "lunch"), "" when none or disabled.
    Without ``codes`` (the CLI without a configuration) the built-in codes name it."""
    known = (DEFAULT_CODES if codes is None else codes).get(code) if code else None
    return known.label.get(language) if known is not None and known.enabled else ""


def presence_text(presence: CalendarPresence, zone: tzinfo, language: str = "en",
                  codes: Mapping[str, ReferralCode] | None = None) -> str:
    """One line: state and until when; for a free person the next busy time today.

    An event whose subject carries a referral code reads as that referral ("Lunch until 12:30", as a
    referral set by hand reads), not as the calendar state it was booked with ("in a meeting until 12:30")."""
    language = language if language in _STATES else "en"
    now = presence.at.astimezone(zone)
    if presence.status is BusyStatus.FREE:
        nxt = presence.next_busy
        if nxt is not None and nxt.start.astimezone(zone).date() == now.date():
            return _NEXT_BUSY[language].format(t=clock_text(nxt.start.astimezone(zone), language))
        return _STATES[language][BusyStatus.FREE]
    private = presence.current is not None and presence.current.block.private
    state = _STATES[language][BusyStatus.UNKNOWN if private else presence.status]  # private: just "busy"
    if presence.referral is not None:
        state = code_label(presence.referral.code, codes, language) or state
    today, tomorrow, weekday, whole_day, open_end = _UNTIL[language]
    if presence.back_on is not None:
        if (presence.back_on - now.date()).days == 1:
            return f"{state} {_UNTIL_TOMORROW[language]}"
        back = datetime.combine(presence.back_on, now.timetz())
        return f"{state} {whole_day.format(d=_day(back, now, language))}"
    if presence.next_free is None:
        return f"{state} {open_end}"
    end = presence.next_free.astimezone(zone)
    days = (end.date() - now.date()).days
    clock = clock_text(end, language)
    form = today if days <= 0 else tomorrow if days == 1 else weekday
    return f"{state} {form.format(t=clock, d=_day(end, now, language))}"


_FREE_BUSY = {"en": "busy", "sv": "upptagen", "nb": "opptatt"}
_ALL_DAY = {"en": "all day", "sv": "hela dagen", "nb": "hele dagen"}


def block_line(block: ClassifiedBlock, day: date, zone: tzinfo, language: str = "en",
               codes: Mapping[str, ReferralCode] | None = None) -> str:
    """One line of the detail pane's day list: "12.00–12.45 Lunch", "hela dagen upptagen".

    A block whose subject carries a referral code reads as that referral's label; otherwise the subject when
    the source shares it (it is None otherwise), else the status word. A shared subject follows the label
    ("12.00–12.45 Lunch · LUN: with the board")."""
    language = language if language in _STATES else "en"
    start, end = block.start.astimezone(zone), block.end.astimezone(zone)
    day_start = datetime.combine(day, time(0, 0), zone)
    if block.block.all_day or (start <= day_start and end >= day_start + timedelta(days=1)):
        when = _ALL_DAY[language]
    else:
        first = clock_text(start, language) if start.date() == day else "00.00" if language != "en" else "00:00"
        last = clock_text(end, language) if end.date() == day else "24.00" if language != "en" else "24:00"
        when = f"{first}–{last}"
    status = block.block.status
    label = code_label(block.code, codes, language)
    if label:
        return f"{when} {label}" + (f" · {block.block.subject}" if block.block.subject else "")
    what = block.block.subject or (_FREE_BUSY[language] if block.block.private or status is BusyStatus.BUSY
                                   else _STATES[language][status])
    return f"{when} {what}"
