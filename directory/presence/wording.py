"""The results column's one line and the detail pane's source lines, in sv, nb and en.

"On the phone", "Meeting until 14:30", "Lunch until 13:00 · on the phone now" (a conflict). Built here,
not in ui/, because the CLI prints it too; the UI shows it as plain text.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta, tzinfo

from directory.calendars.wording import presence_text
from directory.model import Referral
from directory.presence.model import LineState, Part, Presence, Source
from directory.referrals.codes import ReferralCode
from directory.referrals.readout import clock_text

_LINE = {
    "en": {LineState.IDLE: "available", LineState.RINGING: "ringing", LineState.BUSY: "on the phone",
           LineState.DND: "do not disturb", LineState.UNKNOWN: "line state unknown"},
    "sv": {LineState.IDLE: "ledig", LineState.RINGING: "det ringer", LineState.BUSY: "i telefon",
           LineState.DND: "stör ej", LineState.UNKNOWN: "linjestatus okänd"},
    "nb": {LineState.IDLE: "ledig", LineState.RINGING: "det ringer", LineState.BUSY: "i telefonen",
           LineState.DND: "ikke forstyrr", LineState.UNKNOWN: "linjestatus ukjent"},
}
_NOW = {"en": "{s} now", "sv": "{s} nu", "nb": "{s} nå"}
# until {t} today / tomorrow {t} / {d} {t} later
_UNTIL = {"en": ("until {t}", "until tomorrow {t}", "until {d} {t}"),
          "sv": ("till {t}", "till i morgon {t}", "till {d} {t}"),
          "nb": ("til {t}", "til i morgen {t}", "til {d} {t}")}
_SOURCES = {"en": {Source.REFERRAL: "Referral", Source.CALENDAR: "Calendar", Source.LINE: "Phone"},
            "sv": {Source.REFERRAL: "Hänvisning", Source.CALENDAR: "Kalender", Source.LINE: "Telefon"},
            "nb": {Source.REFERRAL: "Henvisning", Source.CALENDAR: "Kalender", Source.LINE: "Telefon"}}
_AGE = {"en": ("just now", "{n} min ago", "{n} h ago"), "sv": ("nyss", "för {n} min sedan", "för {n} tim sedan"),
        "nb": ("nettopp", "for {n} min siden", "for {n} t siden")}


def _language(language: str) -> str:
    return language if language in _LINE else "en"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _until(moment: datetime, now: datetime, zone: tzinfo, language: str) -> str:
    local, today = moment.astimezone(zone), now.astimezone(zone).date()
    days = (local.date() - today).days
    on_today, tomorrow, later = _UNTIL[language]
    form = on_today if days <= 0 else tomorrow if days == 1 else later
    return form.format(t=clock_text(local, language), d=f"{local.day}/{local.month}")


def _referral_text(referral: Referral, now: datetime, zone: tzinfo, language: str,
                   codes: Mapping[str, ReferralCode]) -> str:
    code = codes.get(referral.code)
    label = code.label.get(language) if code is not None else (referral.text or referral.code)
    if referral.until is None:
        return label
    return f"{label} {_until(referral.until, now, zone, language)}"


def part_text(part: Part, now: datetime, zone: tzinfo, language: str = "en",
              codes: Mapping[str, ReferralCode] | None = None) -> str:
    """What one source says, lower-case where the language allows ("lunch until 13:00" keeps the label)."""
    language = _language(language)
    if part.referral is not None:
        return _referral_text(part.referral, now, zone, language, codes or {})
    if part.calendar is not None:
        return presence_text(part.calendar, zone, language, codes)
    assert part.line is not None
    return _LINE[language][part.line.state]


def presence_line(presence: Presence, zone: tzinfo, language: str = "en",
                  codes: Mapping[str, ReferralCode] | None = None) -> str:
    """The results column: the headline, and a contradicting live line state after " · "; "" when unknown."""
    language = _language(language)
    if presence.headline is None:
        return ""
    text = _capital(part_text(presence.headline, presence.at, zone, language, codes))
    if presence.live is not None:
        live = part_text(presence.live, presence.at, zone, language, codes)
        text += " · " + _NOW[language].format(s=live)
    return text


def _age_text(age: timedelta | None, language: str) -> str:
    if age is None:
        return ""
    just, minutes, hours = _AGE[language]
    seconds = int(age.total_seconds())
    if seconds < 60:
        return just
    if seconds < 3600:
        return minutes.format(n=seconds // 60)
    return hours.format(n=seconds // 3600)


def part_line(part: Part, now: datetime, zone: tzinfo, language: str = "en",
              codes: Mapping[str, ReferralCode] | None = None) -> str:
    """The detail pane's line for one source: "Calendar: in a meeting until 14:30 (5 min ago)"."""
    language = _language(language)
    text = f"{_SOURCES[language][part.source]}: {part_text(part, now, zone, language, codes)}"
    age = _age_text(part.age(now), language)
    return f"{text} ({age})" if age else text
