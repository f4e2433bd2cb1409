"""Words the return-time parser knows, in Swedish, Norwegian (Bokmål) and English; all lower case."""

from __future__ import annotations

import re

# Multi-word phrases become one token before splitting ("i morgon" -> "imorgon").
PHRASES: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(rf"\b{pattern}\b"), token) for pattern, token in (
    (r"day after tomorrow|i övermorgon|i overmorgen|övermorgon|overmorgen", "overmorgen"),
    (r"i morgon|i morgen|imorgen|i morn|imorn|i morra|imorra|tomorrow|tmrw", "imorgon"),
    (r"i dag|today", "idag"),
    (r"next week|nästa vecka|neste uke|neste veke", "nextweek"),
))

DAY_OFFSETS = {"idag": 0, "imorgon": 1, "overmorgen": 2}
NEXT_WEEK = "nextweek"

WEEKDAYS: dict[str, int] = {}
for _number, _names in enumerate((
    "måndag mandag monday mån man mon",
    "tisdag tirsdag tuesday tis tir tue tues",
    "onsdag wednesday ons wed",
    "torsdag thursday tor tors thu thur thurs",
    "fredag friday fre fri",
    "lördag lørdag saturday lör lør sat",
    "söndag søndag sunday sön søn sun",
)):
    WEEKDAYS.update(dict.fromkeys(_names.split(), _number))
del _number, _names

MONTHS: dict[str, int] = {}
for _number, _names in enumerate((
    "januari januar january jan", "februari februar february feb", "mars march mar",
    "april apr", "maj mai may", "juni june jun", "juli july jul", "augusti august aug",
    "september sep sept", "oktober october okt oct", "november nov", "december desember dec des",
), start=1):
    MONTHS.update(dict.fromkeys(_names.split(), _number))
del _number, _names

# Said around a time but meaning nothing to the parser: "tillbaka kl. 13", "back at 1 pm" is not supported.
FILLERS = frozenset({
    "kl", "kl.", "klockan", "klokka", "klokken", "at", "till", "til", "until", "tillbaka", "tilbake", "back",
    "på", "on", "om", "in", "efter", "etter", "after", "den", "the", "nästa", "neste", "next", "från", "fra",
    "from", "ca", "ca.", "cirka", "omkring", "around", "by",
})

MINUTE_UNITS = frozenset({"m", "min", "mins", "minut", "minute", "minutes", "minuter", "minutter", "minutt"})
HOUR_UNITS = frozenset({"h", "t", "tim", "timme", "timmar", "time", "timer", "hour", "hours", "hr", "hrs"})
DAY_UNITS = frozenset({"d", "dag", "dagar", "dager", "day", "days", "døgn", "dygn"})
