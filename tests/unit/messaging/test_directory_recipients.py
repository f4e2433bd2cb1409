"""Directory entries as recipients: a person's mobile, e-mail or pager/DECT number; a unit's people."""

from __future__ import annotations

from directory.model import Entry, EntryKind, NumberKind, PhoneNumber
from messaging.directory_recipients import channels_for, group_addresses, unit_members
from messaging.model import Channel

ASA = Entry("t", "1", EntryKind.PERSON, "Åsa Öberg", unit_path=("Region", "Kardiologi"), email="asa@example.se",
            numbers=(PhoneNumber("019-602 10 00"), PhoneNumber("070-111 22 33", NumberKind.MOBILE, "+46701112233"),
                     PhoneNumber("4711", NumberKind.DECT)))
PER = Entry("t", "2", EntryKind.PERSON, "Per Holm", unit_path=("Region", "Kardiologi", "Mottagning"))
EVA = Entry("t", "3", EntryKind.PERSON, "Eva Ek", unit_path=("Region", "Ortopedi"), email="eva@example.se")
UNIT = Entry("t", "4", EntryKind.FUNCTION, "Kardiologi", unit_path=("Region",))


def test_a_person_offers_the_channels_they_have() -> None:
    assert channels_for(ASA) == [Channel.SMS, Channel.EMAIL, Channel.PAGER]
    assert channels_for(EVA) == [Channel.EMAIL]
    assert channels_for(PER) == []


def test_a_units_people_and_who_lacks_an_address() -> None:
    members = unit_members(UNIT, [ASA, PER, EVA, UNIT])
    assert members == [ASA, PER]
    assert group_addresses(members, Channel.SMS) == ([("+46701112233", "Åsa Öberg")], ["Per Holm"])
    assert group_addresses(members, Channel.PAGER) == ([("4711", "Åsa Öberg")], ["Per Holm"])
