"""The index's data: per-slot match strings and the posting lists, and how entries enter and leave them.

A *slot* is the index's own small integer for an entry. Slots are numbered in name order when the index
is built, so posting arrays (ascending slots) list entries by name. Entries added later get new slots at
the end; they are kept in ``late`` and checked one by one so they are never lost from a truncated list,
and once there are many of them the index is rebuilt in name order (``SearchIndex._compact``).
Not thread-safe on its own: :class:`directory.search.index.SearchIndex` serialises access.
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, MutableMapping, MutableSequence

from directory.model import Entry
from directory.search.documents import Analysis, Shared, analyse, name_order_key
from directory.search.fuzzy import FuzzyKeys, KeptSets
from directory.search.numbers import NumberIndex
from directory.search.postings import TokenIndex
from directory.search.rows import EntryRows

# Slots of typo near keys kept across queries: two words' worth or so (a word's are 5,000-60,000 at a million).
NEAR_SETS_SLOTS = 60000
# The per-slot columns: strings, and ints (arrays when opened from a snapshot, which keeps both kinds).
TEXT_COLUMNS = ("own_text", "raw_own_text", "variant_text")
INT_COLUMNS = ("own_bar", "group", "raw_own_bar", "name_initials", "all_initials")
_COLUMNS = TEXT_COLUMNS + INT_COLUMNS


class IndexState:
    def __init__(self) -> None:
        # The entries by slot: a list when built, rows read when shown when opened from a snapshot.
        self.entries: list[Entry | None] | EntryRows = []
        self.ids = array("q")  # each slot's entry id, 0 for a free slot: ranking reads no entry
        # Match strings per slot (see directory.search.documents); parallel lists cost less than objects.
        # The integer columns are lists when built, arrays when opened from a snapshot.
        self.own_text: list[str] = []
        self.own_bar: MutableSequence[int] = []
        self.group: MutableSequence[int] = []  # index into groups
        self.raw_own_text: list[str] = []
        self.raw_own_bar: MutableSequence[int] = []
        self.variant_text: list[str] = []
        # The first letters of the slot's name keys, and of all its keys (own and its group's), as bits
        # (directory.search.documents.initial_bits).
        self.name_initials: MutableSequence[int] = []
        self.all_initials: MutableSequence[int] = []
        # (shared, raw shared) strings: title and units, which colleagues share; and their keys, to
        # find the groups a query word matches without scanning every group's text.
        self.groups: list[tuple[str, str]] = [("", "")]
        self._group_ids: dict[tuple[str, str], int] = {("", ""): 0}
        self.group_keys = TokenIndex()  # shared key -> group ids
        self.raw_group_keys = TokenIndex()
        self.slot_of: MutableMapping[int, int] = {}  # a dict when built; from a snapshot, directory.search.slots
        self.late: set[int] = set()
        self.usage: dict[int, int] = {}  # by entry id, so counts survive an entry's re-import
        self.used_slots: set[int] = set()
        self.names = TokenIndex(prefix_depth=3)  # folded name words
        self.all = TokenIndex()  # folded words of every field
        self.raw_names = TokenIndex(prefix_depth=2)  # name words with diacritics, as written
        self.raw_all = TokenIndex()
        self.variants = TokenIndex()  # sound-alike keys of name words
        self.solo_names = TokenIndex()  # one-word display names ("Växeln"), for the full-name rank
        self.numbers = NumberIndex()
        self.extensions = NumberIndex()
        self.fuzzy = FuzzyKeys(lambda: self.all.keys)
        # Per-query-word data that outlives one query (see directory.search.matcher); any change clears it.
        self.memo: dict[tuple[str, object, bool], object] = {}
        # A typo's near keys' slot sets (see Matcher.fuzzy_sets); cleared with memo.
        self.near_sets = KeptSets(NEAR_SETS_SLOTS)

    def set_group_ids(self) -> None:
        """Index ``groups`` by their strings (after they were read from a snapshot)."""
        self._group_ids = {group: gid for gid, group in enumerate(self.groups)}

    def _group_id(self, shared: Shared) -> int:
        key = (shared.text, shared.raw_text)
        found = self._group_ids.get(key)
        if found is None:
            found = self._group_ids[key] = len(self.groups)
            self.groups.append(key)
            self.group_keys.add(found, shared.keys)
            self.raw_group_keys.add(found, shared.raw_keys)
        return found

    # -- whole build -------------------------------------------------------------------------------
    def build(self, entries: Iterable[Entry], usage: dict[int, int]) -> None:
        self.memo = {}
        self.near_sets.clear()
        unique: dict[int, Entry] = {}
        for entry in entries:
            if entry.id is not None:
                unique[entry.id] = entry  # the last one given for an id wins, as with upsert
        ordered = sorted(unique.values(), key=name_order_key)
        self.groups = [("", "")]
        self._group_ids = {("", ""): 0}
        self.group_keys, self.raw_group_keys = TokenIndex(), TokenIndex()
        self.entries = list[Entry | None](ordered)
        self.slot_of = {e.id: slot for slot, e in enumerate(ordered) if e.id is not None}
        self.ids = array("q", (e.id or 0 for e in ordered))
        for column in _COLUMNS:
            setattr(self, column, [])
        self.late = set()
        indexes = (self.names, self.all, self.raw_names, self.raw_all, self.variants, self.solo_names)
        for index in indexes:
            index.begin_bulk()
        self.numbers.begin_bulk()
        self.extensions.begin_bulk()
        # Title and unit keys go in by group (colleagues share them), the rest slot by slot; one entry
        # at a time, so no analysis outlives its entry's turn (a 200,000-entry build would otherwise
        # hold them all, and leave the memory fragmented after).
        members: list[array[int]] = [array("i")]
        shared_of: list[Shared] = [Shared((), (), "", "")]
        own_text, own_bar, group, variant_text = self.own_text, self.own_bar, self.group, self.variant_text
        raw_own_text, raw_own_bar = self.raw_own_text, self.raw_own_bar
        name_initials, all_initials = self.name_initials, self.all_initials
        for slot, entry in enumerate(ordered):
            a = analyse(entry)
            own_text.append(a.own_text)
            own_bar.append(a.own_bar)
            gid = self._group_id(a.shared)
            if gid == len(members):
                members.append(array("i"))
                shared_of.append(a.shared)
            members[gid].append(slot)
            group.append(gid)
            raw_own_text.append(a.raw_own_text)
            raw_own_bar.append(a.raw_own_bar)
            variant_text.append(a.variant_text)
            name_initials.append(a.name_initials)
            all_initials.append(a.all_initials)
            self.names.bulk_add(slot, a.name_keys)
            self.all.bulk_add(slot, a.name_keys)
            self.all.bulk_add(slot, a.own_keys)
            if a.raw_name_keys:
                self.raw_names.bulk_add(slot, a.raw_name_keys)
                self.raw_all.bulk_add(slot, a.raw_name_keys)
            if a.raw_own_keys:
                self.raw_all.bulk_add(slot, a.raw_own_keys)
            self.variants.bulk_add(slot, a.variant_keys)
            if a.solo_name:
                self.solo_names.bulk_add(slot, (a.solo_name,))
            self.numbers.bulk_add(slot, a.number_keys)
            self.extensions.bulk_add(slot, a.extension_keys)
        by_key: dict[str, list[array[int]]] = defaultdict(list)
        by_raw_key: dict[str, list[array[int]]] = defaultdict(list)
        for slots, shared in zip(members, shared_of, strict=True):
            for key in shared.keys:
                by_key[key].append(slots)
            for key in shared.raw_keys:
                by_raw_key[key].append(slots)
        self.all.end_bulk(by_key)
        self.raw_all.end_bulk(by_raw_key)
        for index in (self.names, self.raw_names, self.variants, self.solo_names):
            index.end_bulk()
        self.numbers.end_bulk()
        self.extensions.end_bulk()
        self.fuzzy.prepare(self.all.generation)
        self.adopt_usage({k: v for k, v in usage.items() if v > 0})

    def _text_keys(self) -> list[tuple[TokenIndex, Callable[[Analysis], tuple[str, ...]]]]:
        return [
            (self.names, lambda a: a.name_keys),
            (self.all, lambda a: a.all_keys),
            (self.raw_names, lambda a: a.raw_name_keys),
            (self.raw_all, lambda a: a.raw_all_keys),
            (self.variants, lambda a: a.variant_keys),
            (self.solo_names, lambda a: (a.solo_name,) if a.solo_name else ()),
        ]

    def _number_keys(self) -> list[tuple[NumberIndex, Callable[[Analysis], tuple[int, ...]]]]:
        return [(self.numbers, lambda a: a.number_keys), (self.extensions, lambda a: a.extension_keys)]

    # -- incremental changes -----------------------------------------------------------------------
    def upsert(self, entry: Entry) -> None:
        assert entry.id is not None
        self.memo.clear()
        self.near_sets.clear()
        old_slot = self.slot_of.get(entry.id)
        old = self.entries[old_slot] if old_slot is not None else None
        if old == entry:
            return
        was_late = old_slot in self.late
        if old_slot is not None:
            self._discard(old_slot)
        if old_slot is not None and old is not None and name_order_key(old) == name_order_key(entry):
            slot = old_slot  # same name: its place in name order still holds
            if was_late:
                self.late.add(slot)
        else:
            slot = len(self.entries)
            self.entries.append(None)
            self.ids.append(0)
            for column in _COLUMNS:
                getattr(self, column).append(0 if column in INT_COLUMNS else "")
            self.late.add(slot)
        self._place(slot, entry, analyse(entry))

    def remove(self, entry_id: int) -> None:
        self.memo.clear()
        self.near_sets.clear()
        slot = self.slot_of.get(entry_id)
        if slot is not None:
            self._discard(slot)

    def record_use(self, entry_id: int) -> None:
        self.usage[entry_id] = self.usage.get(entry_id, 0) + 1
        slot = self.slot_of.get(entry_id)
        if slot is not None:
            self.used_slots.add(slot)

    def adopt_usage(self, usage: dict[int, int]) -> None:
        self.usage = dict(usage)
        self.used_slots = {self.slot_of[i] for i in self.usage if i in self.slot_of}

    def needs_compaction(self) -> bool:
        """Too many entries out of name order (each costs a check per query) or too many holes."""
        return len(self.late) > 512 or len(self.entries) > 2 * len(self.slot_of) + 1024

    def _place(self, slot: int, entry: Entry, a: Analysis) -> None:
        assert entry.id is not None
        self.entries[slot] = entry
        self.ids[slot] = entry.id
        self.slot_of[entry.id] = slot
        self.own_text[slot], self.own_bar[slot] = a.own_text, a.own_bar
        self.group[slot] = self._group_id(a.shared)
        self.raw_own_text[slot], self.raw_own_bar[slot] = a.raw_own_text, a.raw_own_bar
        self.variant_text[slot] = a.variant_text
        self.name_initials[slot], self.all_initials[slot] = a.name_initials, a.all_initials
        for index, keys_of in self._text_keys():
            index.add(slot, keys_of(a))
        for numbers, keys_of_number in self._number_keys():
            numbers.add(slot, keys_of_number(a))
        if self.usage.get(entry.id):
            self.used_slots.add(slot)

    def _discard(self, slot: int) -> None:
        entry = self.entries[slot]
        if entry is None:
            return
        a = analyse(entry)
        for index, keys_of in self._text_keys():
            index.discard(slot, keys_of(a))
        for numbers, keys_of_number in self._number_keys():
            numbers.discard(slot, keys_of_number(a))
        self.entries[slot] = None
        self.ids[slot] = 0
        for column in _COLUMNS:
            getattr(self, column)[slot] = 0 if column in INT_COLUMNS else ""
        if entry.id is not None and self.slot_of.get(entry.id) == slot:
            del self.slot_of[entry.id]
        self.late.discard(slot)
        self.used_slots.discard(slot)
