"""One calendar source's mailboxes, held compactly for the whole session.

Every person of a large directory has a mailbox routed to some source: at 200,000 entries one `Mailbox`
object with its own id and address objects per person was 29-38 MB held from the start to the end (issue 19:
under 300 MB at 200,000 entries, and the window with one source peaked at 312 MB). `Mailboxes` holds the same
pairs in flat buffers: the entry ids (`array('q')`), each address's domain once per source (a source's people
share a few: "@region.se") and per mailbox its index, and the local parts, UTF-8, one after another in one
buffer with their byte lengths: about 32 bytes a mailbox, 6.4 MB at 200,000 (the window's peak 279-282 MB,
276 MB with no source). A `Mailbox` is made only as one is read: a refresh walks its job's mailboxes once
(about 0.2 s at 200,000, on the network worker), the rest of the time they sit flat.

Why this form, measured at 200,000 entries against the others weighed:
- UTF-8 bytes, not one joined `str`: a `str` is as wide as its widest character, so one address with a
  non-Latin-1 letter would double or quadruple the whole buffer; UTF-8 keeps every ASCII address one byte a letter.
- Domains apart: whole addresses were 10.3 MB (39 bytes each in the demo directory, 24 of them the domain).
- Lengths, not offsets: the mailboxes are only ever read in order (a job's batches, a person's on-demand
  refresh scans the ids), and a removal (`replaced`) then copies the kept runs as they are, with no offsets
  after it to shift.
- Held at all, not read back from the store when a refresh runs: the addresses are what routing decided
  (first matching source, keyword or e-mail), the CLI routes whole entries with no store query, and a person's
  on-demand refresh is planned on the GUI thread, which must not wait on the store; 6 MB does not justify a
  second routing path.

Immutable: a job in flight keeps the mailboxes it was planned with while a sync's `replaced` makes new ones.
"""

from __future__ import annotations

from array import array
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass

# Addresses come from the store as str; surrogatepass round-trips even a lone surrogate an LDAP value smuggled
# in, so what is fetched is exactly what routing chose.
_ENCODING, _ERRORS = "utf-8", "surrogatepass"
FEW_IDS = 8  # up to this many entry ids are looked for one by one (`Mailboxes._positions`): cheaper up to ~12


@dataclass(frozen=True, slots=True)
class Mailbox:
    entry_id: int
    address: str


def _split(address: str) -> tuple[str, str]:
    """Local part and domain, the domain with its "@" ("" when there is none: the address reads back as given)."""
    at = address.rfind("@")
    return (address[:at], address[at:]) if at >= 0 else (address, "")


class Mailboxes:
    """A source's (entry id, address) pairs in routing order, read as `Mailbox` objects one at a time."""

    __slots__ = ("_domain_of", "_domains", "_ids", "_lengths", "_locals")
    _ids: array[int]  # entry ids ("q")
    _lengths: array[int]  # each local part's length in bytes ("I")
    _domain_of: array[int]  # each mailbox's domain, an index into _domains ("I")
    _locals: bytes | bytearray  # the local parts, UTF-8, one after another
    _domains: tuple[str, ...]  # the domains, "@" included: one source's people share a few

    def __init__(self, pairs: Iterable[Mailbox] = ()) -> None:
        builder = MailboxesBuilder()
        for mailbox in pairs:
            builder.append(mailbox.entry_id, mailbox.address)
        self._ids, self._lengths, self._domain_of, self._locals, self._domains = builder.buffers()

    @classmethod
    def _of(cls, ids: array[int], lengths: array[int], domain_of: array[int], local_parts: bytes | bytearray,
            domains: tuple[str, ...]) -> Mailboxes:
        made = cls.__new__(cls)
        made._ids, made._lengths, made._domain_of, made._locals, made._domains = (
            ids, lengths, domain_of, local_parts, domains)
        return made

    def __len__(self) -> int:
        return len(self._ids)

    def __iter__(self) -> Iterator[Mailbox]:
        data, domains, position = self._locals, self._domains, 0
        for entry_id, length, domain in zip(self._ids, self._lengths, self._domain_of, strict=True):
            end = position + length
            yield Mailbox(entry_id, data[position:end].decode(_ENCODING, _ERRORS) + domains[domain])
            position = end

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Mailboxes):
            return NotImplemented
        return len(self) == len(other) and list(self) == list(other)  # the domain tables may differ in order

    def __hash__(self) -> int:  # immutable, so hashable like the tuple a `RefreshJob` held before
        return hash(self._ids.tobytes())  # equal mailboxes have equal ids

    def __repr__(self) -> str:
        return f"Mailboxes({list(self)!r})"

    @property
    def nbytes(self) -> int:
        """What the routes hold (for benchmarks, and the test that keeps it small)."""
        return (sum(len(a) * a.itemsize for a in (self._ids, self._lengths, self._domain_of)) + len(self._locals)
                + sum(len(domain) for domain in self._domains))

    def _positions(self, entry_ids: Collection[int]) -> list[int]:
        """Where the mailboxes of ``entry_ids`` are, in order. Both callers run on the GUI thread (the person
        selected, a sync's changes) and usually ask for a few: each is then searched for as its 8 bytes in a copy
        of the ids' bytes (at 200,000 mailboxes 2 ms for one, 0.65 ms more for each further one, where testing
        every id in Python takes 9-10 ms); more than `FEW_IDS` are found by that one loop."""
        if len(entry_ids) > FEW_IDS:
            return [i for i, entry_id in enumerate(self._ids) if entry_id in entry_ids]
        raw, size, found = self._ids.tobytes(), self._ids.itemsize, []
        for entry_id in entry_ids:
            wanted = array("q", [entry_id]).tobytes()
            at = raw.find(wanted)
            while at >= 0:
                if at % size == 0:  # not 8 bytes straddling two ids
                    found.append(at // size)
                at = raw.find(wanted, at + 1)
        return sorted(found)

    def _byte_starts(self, positions: list[int]) -> list[int]:
        """Where each of ``positions`` (ascending) starts in the local parts: the lengths before it summed."""
        starts, done, byte = [], 0, 0
        for position in positions:
            byte += sum(self._lengths[done:position])
            starts.append(byte)
            done = position
        return starts

    def of(self, entry_ids: Collection[int]) -> Mailboxes:
        """Those of ``entry_ids`` (a person's on-demand refresh, planned on the GUI thread), in routing order."""
        builder = MailboxesBuilder()
        positions = self._positions(entry_ids)
        for position, start in zip(positions, self._byte_starts(positions), strict=True):
            local = self._locals[start:start + self._lengths[position]].decode(_ENCODING, _ERRORS)
            builder.append(self._ids[position], local + self._domains[self._domain_of[position]])
        return builder.build()

    def replaced(self, entry_ids: Collection[int], added: Mailboxes) -> Mailboxes:
        """These without the mailboxes of ``entry_ids``, then ``added`` (a sync's changed entries routed again):
        the runs between the removed ones are copied whole, not mailbox by mailbox."""
        removed = self._positions(entry_ids)
        if not removed and not added:
            return self
        ids, lengths, domain_of = array("q"), array("I"), array("I")
        data, runs = memoryview(self._locals), []  # views: the local parts are copied once, by the join
        kept = kept_byte = 0  # the first mailbox, and its first byte, of the run being copied
        for index, byte in zip([*removed, len(self._ids)], [*self._byte_starts(removed), len(self._locals)],
                               strict=True):
            ids.extend(self._ids[kept:index])
            lengths.extend(self._lengths[kept:index])
            domain_of.extend(self._domain_of[kept:index])
            runs.append(data[kept_byte:byte])
            if index < len(self._ids):
                kept, kept_byte = index + 1, byte + self._lengths[index]
        # The added come with their own domain table: theirs are numbered into this one (a domain no longer
        # used stays in it: a few strings at most).
        table = {domain: index for index, domain in enumerate(self._domains)}
        for domain in added._domains:
            table.setdefault(domain, len(table))
        renumbered = [table[domain] for domain in added._domains]
        ids.extend(added._ids)
        lengths.extend(added._lengths)
        domain_of.extend(renumbered[index] for index in added._domain_of)
        return Mailboxes._of(ids, lengths, domain_of, b"".join([*runs, added._locals]), tuple(table))


class MailboxesBuilder:
    """Appends routed mailboxes straight into the flat buffers, so routing a directory streamed from the store
    never holds a `Mailbox` or an address object per person (`routing.route`)."""

    __slots__ = ("_domain_of", "_domains", "_ids", "_lengths", "_locals")

    def __init__(self) -> None:
        self._reset()

    def _reset(self) -> None:
        self._ids: array[int] = array("q")
        self._lengths: array[int] = array("I")  # not "H": an odd directory value longer than 65,535 bytes still fits
        self._domain_of: array[int] = array("I")
        self._locals = bytearray()
        self._domains: dict[str, int] = {}

    def append(self, entry_id: int, address: str) -> None:
        local, domain = _split(address)
        encoded = local.encode(_ENCODING, _ERRORS)
        self._ids.append(entry_id)
        self._lengths.append(len(encoded))
        self._domain_of.append(self._domains.setdefault(domain, len(self._domains)))
        self._locals += encoded

    def buffers(self) -> tuple[array[int], array[int], array[int], bytearray, tuple[str, ...]]:
        """The buffers, handed over as they are (copying the local parts into a `bytes` doubled them at the end
        of routing, the start's peak); the builder starts afresh."""
        buffers = self._ids, self._lengths, self._domain_of, self._locals, tuple(self._domains)
        self._reset()
        return buffers

    def build(self) -> Mailboxes:
        return Mailboxes._of(*self.buffers())
