"""The built-in referral codes. Every part can be changed per site in ``[referrals.codes.<key>]``."""

from __future__ import annotations

from directory.referrals.codes import AlternativeKind, CallerTime, DefaultEnd, ReferralCode, Texts

_A = AlternativeKind
_NEXT_DAY = DefaultEnd.NEXT_WORKING_DAY

_CODES = (
    ReferralCode("lunch", Texts("Lunch", "Lunsj", "Lunch"),
                 Texts("är på lunch", "er på lunsj", "is at lunch"),
                 default_end=DefaultEnd.MINUTES, default_minutes=30, caller_time=CallerTime.BACK,
                 alternative=_A.UNIT),
    ReferralCode("meeting", Texts("Möte", "Møte", "Meeting"),
                 Texts("sitter i möte", "sitter i møte", "is in a meeting"),
                 default_end=_NEXT_DAY, caller_time=CallerTime.UNTIL, alternative=_A.PERSON),
    ReferralCode("business", Texts("Tjänsteärende", "Ute på oppdrag", "Out on business"),
                 Texts("är ute i tjänsten", "er ute på oppdrag", "is out on business"),
                 default_end=_NEXT_DAY, caller_time=CallerTime.BACK, alternative=_A.UNIT),
    # Private: the caller hears only that the person cannot be reached today, never why or for how long.
    ReferralCode("sick", Texts("Sjuk", "Syk", "Sick"),
                 Texts("är inte tillgänglig i dag", "er ikke tilgjengelig i dag", "is not available today"),
                 default_end=DefaultEnd.CLEARED, caller_time=CallerTime.NONE, alternative=_A.SWITCHBOARD),
    ReferralCode("vacation", Texts("Semester", "Ferie", "Vacation"),
                 Texts("har semester", "har ferie", "is on holiday"),
                 return_required=True, caller_time=CallerTime.BACK, alternative=_A.UNIT),
    ReferralCode("course", Texts("Kurs/konferens", "Kurs/konferanse", "Course/conference"),
                 Texts("är på kurs", "er på kurs", "is away on a course"),
                 default_end=_NEXT_DAY, caller_time=CallerTime.BACK, alternative=_A.UNIT),
    ReferralCode("gone_for_day", Texts("Gått för dagen", "Gått for dagen", "Gone for the day"),
                 Texts("har gått för dagen", "har gått for dagen", "has left for the day"),
                 default_end=_NEXT_DAY, caller_time=CallerTime.BACK, alternative=_A.SWITCHBOARD),
    ReferralCode("parental_leave", Texts("Föräldraledig", "Foreldrepermisjon", "Parental leave"),
                 Texts("är ledig", "er i permisjon", "is on leave"),
                 default_end=DefaultEnd.CLEARED, caller_time=CallerTime.BACK, alternative=_A.UNIT),
    ReferralCode("remote", Texts("Arbetar hemifrån", "Jobber hjemmefra", "Working remotely"),
                 Texts("arbetar på distans", "jobber hjemmefra", "is working remotely"),
                 default_end=_NEXT_DAY, caller_time=CallerTime.UNTIL, alternative=_A.NUMBER),
    ReferralCode("dnd", Texts("Stör ej", "Ikke forstyrr", "Do not disturb"),
                 Texts("kan inte ta samtal just nu", "kan ikke ta telefonen akkurat nå", "cannot take calls right now"),
                 default_end=DefaultEnd.MINUTES, default_minutes=60, caller_time=CallerTime.UNTIL,
                 alternative=_A.SWITCHBOARD),
    # The demo directory (directory/demo/activity.py) also uses these two.
    ReferralCode("leave", Texts("Tjänstledig", "Permisjon", "Leave of absence"),
                 Texts("är ledig", "er i permisjon", "is on leave"),
                 default_end=DefaultEnd.CLEARED, caller_time=CallerTime.BACK, alternative=_A.UNIT),
    ReferralCode("off_duty", Texts("Ledig", "Fri", "Off duty"),
                 Texts("är ledig i dag", "har fri i dag", "is off today"),
                 default_end=_NEXT_DAY, caller_time=CallerTime.BACK, alternative=_A.SWITCHBOARD),
)

DEFAULT_CODES: dict[str, ReferralCode] = {code.key: code for code in _CODES}

# For codes found in the store but no longer configured: still readable, never private details.
UNKNOWN_CODE = ReferralCode("", Texts("Hänvisad", "Henvist", "Referred"),
                            Texts("är inte tillgänglig", "er ikke tilgjengelig", "is not available"),
                            caller_time=CallerTime.UNTIL)
