"""The snapshot file: written, read back to the same answers, and refused when truncated, of another
version or damaged (directory.search.snapshot)."""

from __future__ import annotations

import dataclasses
import json
import struct
from pathlib import Path

import pytest

from directory.search import SearchIndex
from directory.search.rows import EntryRows
from directory.search.snapshot import (
    FORMAT_VERSION,
    MAGIC,
    SnapshotDamagedError,
    SnapshotMissingError,
    SnapshotOutdatedError,
    read_snapshot,
)
from tests.unit.directory.search.conftest import directory, person

QUERIES = ("kristina eriksson", "kris", "krsitina", "eriks", "kard", "anna kard", "019-602 10 00", "51233",
           "växeln", "vaxeln", "k", "kristina.eriksson@x.se", "christina")


def _reopened(index: SearchIndex, path: Path, usage: dict[int, int] | None = None) -> SearchIndex:
    index.write_snapshot(path, store="test", position={"at": 1})
    return SearchIndex.from_state(read_snapshot(path).state, usage)


def test_a_reopened_snapshot_answers_as_the_built_index(tmp_path: Path) -> None:
    entries = directory()
    built = SearchIndex(entries, usage={entries[3].id: 5} if entries[3].id else {})
    reopened = _reopened(built, tmp_path / "index.search", usage={entries[3].id: 5} if entries[3].id else {})
    assert isinstance(reopened._state.entries, EntryRows)  # rows read when shown, not entries held
    assert len(reopened) == len(built)
    for query in QUERIES:
        assert reopened.search(query) == built.search(query), query  # hits, order, scores, highlights
    assert reopened.get(entries[0].id or 0) == entries[0]


def test_a_reopened_snapshot_takes_changes_and_is_written_again(tmp_path: Path) -> None:
    entries = directory()
    built = SearchIndex(entries)
    reopened = _reopened(built, tmp_path / "index.search")
    renamed = dataclasses.replace(entries[0], display_name="Kristina Zetterlund", surname="Zetterlund")
    added = person("Ove Sundberg", entry_id=9001)
    for index in (built, reopened):
        index.upsert([renamed, added])
        index.remove([entries[1].id or 0])
    for query in (*QUERIES, "zetterlund", "ove", "sundberg"):
        assert reopened.search(query) == built.search(query), query
    again = _reopened(reopened, tmp_path / "second.search")
    for query in (*QUERIES, "zetterlund", "ove", "sundberg"):
        assert again.search(query) == built.search(query), query


def test_missing_truncated_other_version_and_damaged_snapshots_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "index.search"
    with pytest.raises(SnapshotMissingError):
        read_snapshot(path)
    SearchIndex(directory()).write_snapshot(path, store="test", position={})
    whole = path.read_bytes()
    read_snapshot(path)

    path.write_bytes(whole[: len(whole) - 100])
    with pytest.raises(SnapshotDamagedError, match="truncated"):
        read_snapshot(path)
    path.write_bytes(whole[:10])
    with pytest.raises(SnapshotDamagedError, match="not a search index snapshot"):
        read_snapshot(path)

    fixed = struct.Struct("<II")
    _version, length = fixed.unpack_from(whole, len(MAGIC))
    path.write_bytes(MAGIC + fixed.pack(FORMAT_VERSION + 1, length) + whole[len(MAGIC) + fixed.size:])
    with pytest.raises(SnapshotOutdatedError, match="format version"):
        read_snapshot(path)
    start = whole.index(b'"code": "') + len(b'"code": "')  # the digest of the search code that wrote it
    path.write_bytes(whole[:start] + b"0" * 16 + whole[start + 16:])
    with pytest.raises(SnapshotOutdatedError, match="another build"):
        read_snapshot(path)

    flipped = bytearray(whole)
    flipped[-5] ^= 0xFF  # a byte of the last section
    path.write_bytes(bytes(flipped))
    with pytest.raises(SnapshotDamagedError, match="checksum"):
        read_snapshot(path)
    header = json.loads(whole[len(MAGIC) + fixed.size:len(MAGIC) + fixed.size + length])
    state_at, state_length, _crc = header["sections"]["state"]
    flipped = bytearray(whole)
    flipped[state_at + state_length // 2] ^= 0xFF  # a byte of one of the index's values, checked as it is read
    path.write_bytes(bytes(flipped))
    with pytest.raises(SnapshotDamagedError, match="fails its checksum"):
        read_snapshot(path)


def test_the_snapshot_and_a_folder_made_for_it_are_the_users_alone(tmp_path: Path) -> None:
    """It holds the directory's people: no other account on the PC reads it, whatever the umask."""
    path = tmp_path / "data" / "search" / "index.search"
    SearchIndex(directory()).write_snapshot(path, store="test", position={"at": 1})
    assert (path.stat().st_mode & 0o777, path.parent.stat().st_mode & 0o777) == (0o600, 0o700)
