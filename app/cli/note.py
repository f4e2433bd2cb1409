"""`switchboard note list|add|edit|history`: operators' notes on a person, through the same store as the window.

`edit` applies only to the note as it was listed (`--version`, as `note list` shows it; without it, as read
when the command starts): a change by someone else in between exits 3 saying who changed it to what and
when, and nothing is saved; `--force` applies over it. Every note added or edited is audited (`history`).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime

from app.cli.calllog import utc_text
from app.cli.store import open_services
from app.config.loader import Config
from app.config.paths import Paths
from app.lookup.referral_setup import operator_name
from directory.model import Note
from directory.search.person import find_person
from directory.store.annotations import AnnotationRepository, NoteConflictError, StoredNote

CONFLICT_EXIT = 3  # as `referral set`: someone else changed it since the version named


def add_arguments(note: argparse.ArgumentParser) -> None:
    commands = note.add_subparsers(dest="note_command", metavar="ACTION", required=True)
    listing = commands.add_parser("list", help="a person's notes, oldest first, with their ids and versions")
    listing.add_argument("person", help="store id, e-mail, or a search that finds one person")
    listing.add_argument("--json", action="store_true", help="print one JSON object")
    add = commands.add_parser("add", help="add a note to a person")
    add.add_argument("person", help="store id, e-mail, or a search that finds one person")
    add.add_argument("text")
    edit = commands.add_parser("edit", help="change a note's text")
    edit.add_argument("id", type=int, help="the note's id (`note list`)")
    edit.add_argument("text")
    guard = edit.add_mutually_exclusive_group()
    guard.add_argument("--version", type=int, default=None,
                       help="apply only if the note is still at this version; otherwise exit 3 saying who changed it")
    guard.add_argument("--force", action="store_true", help="apply even if someone changed it meanwhile")
    history = commands.add_parser("history", help="every change of a note: who, when, before and after")
    history.add_argument("id", type=int)


def note_json(note: StoredNote) -> dict[str, object]:
    return {"id": note.id, "entry_id": note.entry_id, "text": note.text, "author": note.author,
            "created_at": utc_text(note.created_at), "version": note.version, "edited_by": note.edited_by or None,
            "edited_at": utc_text(note.edited_at)}


def run(args: argparse.Namespace, config: Config, paths: Paths, *, demo: bool) -> int:
    services = open_services(config, paths, demo=demo)
    if services is None:
        return 2
    notes = AnnotationRepository(services.store, console="cli")
    actor = operator_name(config)
    try:
        if args.note_command in ("list", "add"):
            index, _how = services.search_index.open_or_build()
            person = find_person(index, args.person)
            assert person.id is not None
            if args.note_command == "add":
                added = notes.add_note(Note(person.id, args.text, actor, datetime.now(UTC)))
                print(f"{person.display_name}: note {added.id} added")
                return 0
            listed = notes.stored_notes(person.id)
            if args.json:
                print(json.dumps({"entry_id": person.id, "name": person.display_name,
                                  "notes": [note_json(n) for n in listed]}, ensure_ascii=False))
            for n in [] if args.json else listed:
                print(f"{n.id}\tv{n.version}\t{n.edited_by or n.author}\t{n.text}")
            return 0
        if args.note_command == "history":
            for change in notes.history(args.id):
                print(f"{utc_text(change.at)}\t{change.action}\t{change.actor}\t{change.console}\t"
                      f"{change.old_text!r} -> {change.new_text!r}")
            return 0
        version = None if args.force else args.version
        if version is None and not args.force:
            current = notes.get(args.id)
            if current is None:
                print(f"error: no note {args.id}", file=sys.stderr)
                return 1
            version = current.version
        edited = notes.edit(args.id, args.text, actor, version=version)
        print(f"note {edited.id} is now version {edited.version}")
        return 0
    except NoteConflictError as conflict:
        hint = f"; run again with --version {conflict.current.version}, or --force" if conflict.current else ""
        print(f"error: {conflict}{hint}", file=sys.stderr)
        return CONFLICT_EXIT if conflict.current is not None else 1
    except ValueError as exc:  # the person not found, or several
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        services.close()
