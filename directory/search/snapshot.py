"""The search index as one file, opened in a fraction of the time a build takes (issue 19).

Why this format: the index is already compact arrays (posting lists and number keys are ``array``s of
slots) plus a few lists of short strings, so the file holds exactly those: ``marshal`` of plain values
(strings, ints, bytes; it runs no code when read, unlike pickle, and loads at C speed), the arrays as raw
bytes, and the entries as one marshalled row each, memory-mapped and decoded only when a hit shows them
(directory.search.rows). An SQLite side file would need the same arrays rebuilt from rows at every open;
numpy would add a large dependency for arrays the standard library already has.

Layout: ``MAGIC``, the format version and the header's length (``<II``), a JSON header (what built it,
the store it is of and the store's change position it is current to, each section's offset, length and
CRC-32; and where each of the index's values lies in ``state``), then the sections: ``state`` (the values,
each marshalled alone, so a reader holds one value's bytes at a time; with the entry ids sorted and their
slots, the index's id-to-slot map as it is read: directory.search.slots), ``extra`` (the caller's values,
marshal, read only when asked for), ``rows`` and ``offsets`` (the rows' int64 offsets). A file is written
beside its final name and renamed over it, so a reader sees the old file or the new one.

`read_snapshot` raises `SnapshotMissingError`, `SnapshotOutdatedError` (another format or another build of the
search code: its keys may differ) or `SnapshotDamagedError` (truncated, checksum or content wrong); whether the
store moved on behind it is for the caller to judge from ``position`` (directory.search.stored).
"""

from __future__ import annotations

import gc
import hashlib
import json
import marshal
import mmap
import os
import struct
import sys
import zlib
from array import array
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from directory.search.numbers import NumberIndex
from directory.search.postings import TokenIndex
from directory.search.rows import EntryRows, encoded_rows
from directory.search.slots import SlotMap, sorted_slots
from directory.search.state import INT_COLUMNS, TEXT_COLUMNS, IndexState

MAGIC = b"SWBSRCH\n"
FORMAT_VERSION = 2
_FIXED = struct.Struct("<II")
HEADER_SPACE = 4096  # the JSON header is written into this much room at the start (it is well under 1 KB)
_CHUNK = 1 << 20
_TOKEN_INDEXES = {"names": 3, "all": 0, "raw_names": 2, "raw_all": 0, "variants": 0, "solo_names": 0,
                  "group_keys": 0, "raw_group_keys": 0}  # attribute -> prefix depth, as IndexState makes them


class SnapshotError(Exception):
    """The snapshot cannot serve; the message says why (for the log and the window)."""


class SnapshotMissingError(SnapshotError):
    pass


class SnapshotOutdatedError(SnapshotError):
    pass


class SnapshotDamagedError(SnapshotError):
    pass


@dataclass
class Snapshot:
    state: IndexState
    store: str  # whose entries: the store's identity as the caller gave it
    position: dict[str, Any]  # the store's change position the entries are current to (caller's format)
    extra_data: memoryview  # the caller's plain values, marshalled: read by `extra` only when wanted
    size: int  # bytes on disk

    def extra(self) -> dict[str, Any]:
        """The caller's values kept with the snapshot (a settled one's are not needed: 30 MB not made)."""
        try:
            values = marshal.loads(self.extra_data)
        except (ValueError, EOFError, TypeError) as exc:
            raise SnapshotDamagedError(f"the snapshot's values are unreadable: {exc}") from exc
        if not isinstance(values, dict):
            raise SnapshotDamagedError(f"the snapshot's values are a {type(values).__name__}, not a dict")
        return values


@cache
def code_version() -> str:
    """What built the keys: the format version and a digest of the search code (and the phone-number
    rules its keys use), so a snapshot from another build is never read as this one's."""
    digest = hashlib.sha256(f"{FORMAT_VERSION}:{sys.byteorder}:{array('i').itemsize}".encode())
    here = Path(__file__).parent
    sources = [*sorted(here.glob("*.py")), here.parent / "phones.py"]
    found = [p for p in sources if p.is_file()]
    if not found:  # a frozen build without sources: its version names the code
        from importlib.metadata import PackageNotFoundError, version  # noqa: PLC0415

        try:
            digest.update(version("switchboard").encode())
        except PackageNotFoundError:
            digest.update(b"unknown")
    for path in found:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


# -- writing ---------------------------------------------------------------------------------------
def _plain(state: IndexState) -> dict[str, Any]:
    plain: dict[str, Any] = {column: getattr(state, column) for column in TEXT_COLUMNS}
    plain.update({column: array("i", getattr(state, column)).tobytes() for column in INT_COLUMNS})
    plain.update({name: getattr(state, name).to_plain() for name in _TOKEN_INDEXES})
    by_id, slots = sorted_slots(state.ids)
    plain.update(groups=state.groups, ids=state.ids.tobytes(), late=sorted(state.late),
                 ids_sorted=by_id.tobytes(), slots_by_id=slots.tobytes(),
                 numbers=state.numbers.to_plain(), extensions=state.extensions.to_plain())
    return plain


def write_snapshot(path: Path, state: IndexState, *, store: str, position: dict[str, Any],
                   extra: dict[str, Any] | None = None) -> int:
    """Write ``state`` (whole, consistent: hold the index's lock) as the snapshot at ``path``; its size."""
    # It holds the directory's people (names, numbers, addresses): for this user's eyes only, like the store's
    # last copy, whatever the umask (a folder made here is the user's alone; an existing one is left as IT set it).
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    sections: dict[str, list[int]] = {}
    try:
        with open(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as out:
            out.seek(HEADER_SPACE)

            def section(name: str, data: bytes) -> None:
                sections[name] = [out.tell(), len(data), zlib.crc32(data)]
                out.write(data)

            # The index's values one after another, each marshalled alone (``parts``: offset in the section,
            # length and CRC-32), so a reader holds one value's bytes at a time, not the whole section's, and
            # checks each as it reads it rather than reading the section twice.
            start, crc, parts = out.tell(), 0, {}
            for name, value in _plain(state).items():
                data = marshal.dumps(value)
                parts[name] = [out.tell() - start, len(data), zlib.crc32(data)]
                out.write(data)
                crc = zlib.crc32(data, crc)
            sections["state"] = [start, out.tell() - start, crc]
            section("extra", marshal.dumps(extra or {}))
            start, crc, offsets = out.tell(), 0, array("q", [0])
            for row in encoded_rows(state.entries):
                out.write(row)
                crc = zlib.crc32(row, crc)
                offsets.append(offsets[-1] + len(row))
            sections["rows"] = [start, offsets[-1], crc]
            section("offsets", offsets.tobytes())
            size = out.tell()
            header = json.dumps({"code": code_version(), "store": store, "position": position,
                                 "slots": len(offsets) - 1, "sections": sections, "parts": parts}).encode()
            if _FIXED.size + len(MAGIC) + len(header) > HEADER_SPACE:
                raise ValueError(f"snapshot header too long ({len(header)} bytes): store name {store[:80]!r}")
            out.seek(0)
            out.write(MAGIC + _FIXED.pack(FORMAT_VERSION, len(header)) + header)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    return size


def amend_position(path: Path, position: dict[str, Any]) -> None:
    """Rewrite the header of the snapshot at ``path`` in place with another ``position`` (its sections are
    unchanged). A header torn by a crash fails to parse: the snapshot is then rebuilt, never misread."""
    with path.open("r+b") as handle:
        header = _header(handle, path, os.fstat(handle.fileno()).st_size)
        header["position"] = position
        data = json.dumps(header).encode()
        if _FIXED.size + len(MAGIC) + len(data) > HEADER_SPACE:
            raise ValueError(f"snapshot header too long ({len(data)} bytes)")
        handle.seek(0)
        handle.write(MAGIC + _FIXED.pack(FORMAT_VERSION, len(data)) + data)


# -- reading ---------------------------------------------------------------------------------------
def _crc(handle: Any, offset: int, length: int) -> int:
    """CRC-32 of a byte range read from the file (not through the map: no page of it stays resident)."""
    handle.seek(offset)
    crc, left = 0, length
    while left:
        chunk = handle.read(min(_CHUNK, left))
        if not chunk:
            break
        crc = zlib.crc32(chunk, crc)
        left -= len(chunk)
    return crc


def _header(handle: Any, path: Path, size: int) -> dict[str, Any]:
    fixed = handle.read(len(MAGIC) + _FIXED.size)
    if len(fixed) < len(MAGIC) + _FIXED.size or not fixed.startswith(MAGIC):
        raise SnapshotDamagedError(f"{path}: not a search index snapshot ({size} bytes)")
    version, length = _FIXED.unpack(fixed[len(MAGIC):])
    if version != FORMAT_VERSION:
        raise SnapshotOutdatedError(f"{path}: format version {version}, this build reads {FORMAT_VERSION}")
    if length > HEADER_SPACE:
        raise SnapshotDamagedError(f"{path}: header length {length} is more than {HEADER_SPACE}")
    try:
        header: dict[str, Any] = json.loads(handle.read(length))
        if header["code"] != code_version():
            raise SnapshotOutdatedError(f"{path}: written by another build of the search ({header['code']})")
        for name in ("state", "extra", "rows", "offsets"):
            offset, length, _crc32 = header["sections"][name]
            if offset + length > size:
                raise SnapshotDamagedError(f"{path}: truncated: section {name} ends at byte {offset + length}, "
                                      f"the file has {size}")
    except (ValueError, KeyError, TypeError) as exc:
        raise SnapshotDamagedError(f"{path}: header unreadable: {exc}") from exc
    return header


def read_snapshot(path: Path) -> Snapshot:
    """Open the snapshot at ``path``: checked whole (checksums), its rows mapped rather than read."""
    try:
        handle = path.open("rb")
    except FileNotFoundError as exc:
        raise SnapshotMissingError(f"{path}: no snapshot") from exc
    except OSError as exc:
        raise SnapshotDamagedError(f"{path}: cannot be read: {exc}") from exc
    with handle:
        size = os.fstat(handle.fileno()).st_size
        header = _header(handle, path, size)
        sections = header["sections"]
        for name, (offset, length, crc) in sections.items():
            if name != "state" and _crc(handle, offset, length) != crc:  # the state's parts: as they are read
                raise SnapshotDamagedError(f"{path}: section {name} fails its checksum")
        # The index's own values are read one at a time, each one's copy freed once it is objects (the peak is
        # the objects and one value's bytes); the rows are mapped.
        state_at, state_length, _crc32 = sections["state"]

        def load(name: str) -> Any:
            offset, length, crc = header["parts"][name]
            if offset < 0 or length < 0 or offset + length > state_length:
                raise ValueError(f"part {name} lies outside the index's section")
            handle.seek(state_at + offset)
            data = handle.read(length)
            if zlib.crc32(data) != crc:
                raise ValueError(f"part {name} fails its checksum")
            return marshal.loads(data)

        mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        # Without the cyclic collector meanwhile: none of the containers made can be garbage, and each of its
        # full passes over them (lists of 200,000 strings) cost a tenth of a second of the start.
        collecting = gc.isenabled()
        gc.disable()
        try:
            state = _state(load, mapped, sections, header["slots"])
            offset, length, _crc32 = sections["extra"]
        except (ValueError, KeyError, TypeError, EOFError, IndexError) as exc:
            raise SnapshotDamagedError(f"{path}: content unreadable: {exc}") from exc
        finally:
            if collecting:
                gc.enable()
    return Snapshot(state, header["store"], header["position"], memoryview(mapped)[offset:offset + length], size)


def _state(load: Callable[[str], Any], mapped: mmap.mmap, sections: dict[str, list[int]],
           slots: int) -> IndexState:
    def part(name: str) -> memoryview:
        offset, length, _crc32 = sections[name]
        return memoryview(mapped)[offset:offset + length]

    offsets = array("q")
    offsets.frombytes(part("offsets"))
    state = IndexState()
    for column in TEXT_COLUMNS:
        texts = load(column)
        if len(offsets) != slots + 1 or len(texts) != slots:
            raise ValueError(f"{slots} slots in the header, {len(offsets) - 1} rows, {len(texts)} texts in {column}")
        setattr(state, column, texts)
    state.entries = EntryRows(part("rows"), offsets)
    for column in INT_COLUMNS:  # arrays, as written: a list of ints costs 8 bytes more a slot, and time
        setattr(state, column, array("i", load(column)))
    for name, depth in _TOKEN_INDEXES.items():
        setattr(state, name, TokenIndex.from_plain(load(name), depth))
    state.groups = load("groups")
    state.set_group_ids()
    state.ids = array("q", load("ids"))
    state.slot_of = SlotMap(array("q", load("ids_sorted")), array("i", load("slots_by_id")))
    state.late = set(load("late"))
    state.numbers, state.extensions = NumberIndex.from_plain(load("numbers")), NumberIndex.from_plain(
        load("extensions"))
    # As a build leaves it: the typo keys grouped now (15 ms at a million entries) rather than in the first
    # typo query of each word length (2-5 ms each, on keystrokes already among the slowest).
    state.fuzzy.prepare(state.all.generation)
    return state
