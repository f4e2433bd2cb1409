"""`switchboard referral set|clear|list|watch`: referrals for scripts, through the same service as the window."""

from __future__ import annotations

import argparse
import gc
import json
import logging
import sys
from datetime import UTC, datetime

from app.cli import referral_watch
from app.config.loader import Config
from app.config.paths import Paths
from app.services import Services
from directory.referrals import ReferralError, WhenError
from directory.referrals.alternatives import resolve_alternative
from directory.search.person import find_person
from directory.store import StoreError
from directory.store.audit import ReferralConflictError, conflict_summary, referral_json

log = logging.getLogger(__name__)

CONFLICT_EXIT = 3  # someone else changed the person's referrals since the version this change names


def add_arguments(referral: argparse.ArgumentParser) -> None:
    commands = referral.add_subparsers(dest="referral_command", metavar="ACTION", required=True)
    set_ = commands.add_parser("set", help="set a referral (replaces the one in force)")
    set_.add_argument("person", help="store id, e-mail, or a search that finds one person")
    set_.add_argument("code", help="referral code, e.g. lunch, meeting, sick, vacation")
    set_.add_argument("--until", default="", help="return time: 13, 13:30, tomorrow 8, fri 12, 2/12, +30")
    set_.add_argument("--start", default="", help="start later, e.g. 'next week' (default: now)")
    set_.add_argument("--alt", default=None, help="where to refer callers: a number or a person")
    set_.add_argument("--comment", default="", help="a note for operators")
    clear = commands.add_parser("clear", help="clear the referral in force")
    clear.add_argument("person", help="store id, e-mail, or a search that finds one person")
    for command in (set_, clear):
        guard = command.add_mutually_exclusive_group()
        guard.add_argument("--version", type=int, default=None,
                           help="apply only if the person's referrals are still at this version (`referral list "
                                "--json` shows it); otherwise exit 3 saying who changed what")
        guard.add_argument("--force", action="store_true",
                           help="apply to whatever is there, even if someone changed it meanwhile")
    listing = commands.add_parser("list", help="referrals in force and scheduled")
    listing.add_argument("--json", action="store_true", help="one JSON object per referral")
    referral_watch.add_arguments(commands.add_parser("watch", help="print referral changes as they arrive"))


def run(args: argparse.Namespace, config: Config, paths: Paths, *, demo: bool) -> int:
    try:
        services = Services.open(config, paths, demo=demo, language=config.settings.general.language or "en")
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        if args.referral_command == "watch":
            return referral_watch.watch(args, services)
        service = services.referrals
        if args.referral_command == "list":
            versions = service.log.versions() if args.json else {}
            for stored in service.log.listing(datetime.now(UTC)):
                print(json.dumps({**referral_json(stored), "version": versions.get(stored.referral.entry_id, 0)},
                                 ensure_ascii=False) if args.json else
                      f"{stored.referral.entry_id}\t{stored.referral.code}\t{stored.referral.text}\t"
                      f"{stored.referral.until.isoformat() if stored.referral.until else ''}\t"
                      f"{stored.referral.alternative}")
            return 0
        # The snapshot the window and `directory search` open, not every entry loaded and indexed (issue 19).
        index, how = services.search_index.open_or_build()
        log.info("search index %s", how)
        gc.freeze()  # as the window does: the index's long-lived objects are not rescanned
        try:
            person = find_person(index, args.person)
            assert person.id is not None
            # Without --version, as of what is there as the person is found: a change in between is refused too.
            version = None if args.force else args.version if args.version is not None else \
                service.state(person.id).version
            if args.referral_command == "clear":
                cleared = service.clear(person.id, version=version)
                print(f"{person.display_name}: {len(cleared)} referral(s) cleared")
                return 0
            referral = service.prepare(person.id, args.code, until_text=args.until, start_text=args.start,
                                       alternative=resolve_alternative(index, args.alt), comment=args.comment)
            change = service.set(referral, version=version)
        except ReferralConflictError as conflict:
            print(f"error: not saved: {person.display_name}'s referrals changed: {conflict_summary(conflict.state)} "
                  f"(now version {conflict.state.version}, not {conflict.wanted}); look with `referral list`, "
                  f"then run again with --version {conflict.state.version}, or --force to overwrite",
                  file=sys.stderr)
            return CONFLICT_EXIT
        except (ValueError, WhenError, ReferralError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        until = change.stored.referral.until
        print(f"{person.display_name}: {change.stored.referral.text}"
              + (f" until {until.astimezone(service.zone):%Y-%m-%d %H:%M}" if until else "")
              + (f" (replaced {len(change.replaced)})" if change.replaced else ""))
        print(service.sentence(person.display_name, change.stored.referral,
                               config.settings.referrals.caller_language))
        return 0
    finally:
        services.close()
