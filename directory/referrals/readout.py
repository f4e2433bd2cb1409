"""The sentence the operator reads to the caller, in the caller's language, from the caller-facing wording.

"Anna Berg is in a meeting until 14:30. You can reach the ward on 019-602 10 00 instead."
"Anna Svensson är på lunch och är tillbaka 13.00. Jag kan koppla dig till Per Holm i stället."
Times follow each language's habit: 13.00 in Swedish and Norwegian, 13:00 in English.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from directory.model import Referral
from directory.referrals.codes import AlternativeKind, CallerTime, ReferralCode

_WEEKDAYS = {
    "sv": ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"),
    "nb": ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
_MONTHS = {
    "sv": ("januari", "februari", "mars", "april", "maj", "juni",
           "juli", "augusti", "september", "oktober", "november", "december"),
    "nb": ("januar", "februar", "mars", "april", "mai", "juni",
           "juli", "august", "september", "oktober", "november", "desember"),
    "en": ("January", "February", "March", "April", "May", "June",
           "July", "August", "September", "October", "November", "December"),
}
# (clause, today, tomorrow, this week, later): {t} time, {d} weekday, {date} day and month.
_CLAUSES: dict[tuple[str, CallerTime], tuple[str, str, str, str, str]] = {
    ("en", CallerTime.BACK): ("and will be back {w}", "at {t}", "tomorrow at {t}", "on {d} at {t}",
                              "on {d} {date} at {t}"),
    ("en", CallerTime.UNTIL): ("until {w}", "{t}", "tomorrow at {t}", "{d} at {t}", "{d} {date} at {t}"),
    ("sv", CallerTime.BACK): ("och är tillbaka {w}", "{t}", "i morgon kl. {t}", "på {d} kl. {t}",
                              "{d} den {date} kl. {t}"),
    ("sv", CallerTime.UNTIL): ("till {w}", "{t}", "i morgon kl. {t}", "{d} kl. {t}", "{d} den {date} kl. {t}"),
    ("nb", CallerTime.BACK): ("og er tilbake {w}", "kl. {t}", "i morgen kl. {t}", "på {d} kl. {t}",
                              "{d} {date} kl. {t}"),
    ("nb", CallerTime.UNTIL): ("til {w}", "kl. {t}", "i morgen kl. {t}", "{d} kl. {t}", "{d} {date} kl. {t}"),
}
_ALTERNATIVES = {
    "en": ("You can reach {label} on {number} instead.", "You can call {number} instead.",
           "I can put you through to {label} instead.", "I can take a message or help you in another way."),
    "sv": ("Du kan nå {label} på {number} i stället.", "Du kan ringa {number} i stället.",
           "Jag kan koppla dig till {label} i stället.", "Jag kan ta ett meddelande eller hjälpa dig på annat sätt."),
    "nb": ("Du kan nå {label} på {number} i stedet.", "Du kan ringe {number} i stedet.",
           "Jeg kan sette deg over til {label} i stedet.",
           "Jeg kan ta imot en beskjed eller hjelpe deg på en annen måte."),
}
_NUMBER_AT_END = re.compile(r"(\+?\d[\d \-()]*\d)\s*$")
_SEPARATORS = " ,:;–-"


@dataclass(frozen=True, slots=True)
class Alternative:
    """Where to send the caller, read from the referral's free text: "Per Holm", "019-602 10 00",
    "the ward, 019-602 10 00" (a label and a number). Empty text means the code's default kind."""

    label: str = ""
    number: str = ""

    @classmethod
    def from_text(cls, text: str) -> Alternative:
        text = " ".join(text.split())
        match = _NUMBER_AT_END.search(text)
        if match is None or sum(c.isdigit() for c in match[1]) < 4:  # "Ward 12" is a name; 4512 an extension
            return cls(label=text)
        label = text[:match.start()].rstrip(_SEPARATORS)
        for word in (" on", " på"):  # "the ward on 019-..." reads well either way
            label = label.removesuffix(word)
        return cls(label=label.strip(), number=match[1].strip())


def clock_text(moment: datetime, language: str) -> str:
    """13.00 / 8.30 in Swedish and Norwegian, 13:00 / 08:30 in English."""
    if language == "en":
        return f"{moment:%H:%M}"
    return f"{moment.hour}.{moment.minute:02d}"


def when_text(moment: datetime, now: datetime, zone: ZoneInfo, *, language: str, how: CallerTime) -> str:
    """The time clause alone ("and will be back at 13:00", "till i morgon kl. 8.00")."""
    language = language if language in _WEEKDAYS else "en"
    local, today = moment.astimezone(zone), now.astimezone(zone).date()
    clause, on_today, tomorrow, this_week, later = _CLAUSES[(language, how)]
    days = (local.date() - today).days
    form = on_today if days <= 0 else tomorrow if days == 1 else this_week if days < 7 else later
    month = _MONTHS[language][local.month - 1]
    day_month = f"{local.day}. {month}" if language == "nb" else f"{local.day} {month}"
    when = form.format(t=clock_text(local, language), d=_WEEKDAYS[language][local.weekday()], date=day_month)
    return clause.format(w=when)


def alternative_text(alternative: str, code: ReferralCode, language: str) -> str:
    """The sentence offering the alternative; empty when there is none to offer."""
    both, number, person, switchboard = _ALTERNATIVES.get(language, _ALTERNATIVES["en"])
    parsed = Alternative.from_text(alternative)
    if parsed.label and parsed.number:
        return both.format(label=parsed.label, number=parsed.number)
    if parsed.number:
        return number.format(number=parsed.number)
    if parsed.label:
        return person.format(label=parsed.label)
    return switchboard if code.alternative is AlternativeKind.SWITCHBOARD else ""


def caller_sentence(name: str, referral: Referral, code: ReferralCode, *, language: str, now: datetime,
                    zone: ZoneInfo) -> str:
    """What to say: who, the caller-facing reason, when back (unless private), and where to go instead."""
    parts = [name, code.caller.get(language)]
    if referral.until is not None and code.caller_time is not CallerTime.NONE:
        parts.append(when_text(referral.until, now, zone, language=language, how=code.caller_time))
    sentence = " ".join(part for part in parts if part) + "."
    offer = alternative_text(referral.alternative, code, language)
    return f"{sentence} {offer}" if offer else sentence
