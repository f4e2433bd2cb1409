"""`switchboard referral set|clear|list`: referrals for scripts, through the same service as the window."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime

from app.config.loader import Config
from app.config.paths import Paths
from app.services import Services
from directory.model import Entry
from directory.referrals import ReferralError, WhenError
from directory.search import MatchKind, SearchIndex
from directory.store import StoreError
from directory.store.audit import ReferralConflictError, referral_json


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
    listing = commands.add_parser("list", help="referrals in force and scheduled")
    listing.add_argument("--json", action="store_true", help="one JSON object per referral")


def find_person(index: SearchIndex, text: str) -> Entry:
    """By store id, exact e-mail, or a search whose best hit is clearly the one; ValueError says why not."""
    text = text.strip()
    if text.isdigit() and (entry := index.get(int(text))) is not None:
        return entry
    hits = index.search(text, 10)
    by_email = [h.entry for h in hits if h.entry.email and h.entry.email.lower() == text.lower()]
    if len(by_email) == 1:
        return by_email[0]
    if not hits:
        raise ValueError(f"no one matches {text!r}")
    exact = [h for h in hits if h.match is MatchKind.EXACT_NAME]
    if len(hits) == 1 or len(exact) == 1:
        return (exact or hits)[0].entry
    names = "; ".join(f"{h.entry.id}: {h.entry.display_name} ({h.entry.unit})" for h in hits[:5])
    raise ValueError(f"{text!r} matches several entries, give an id or e-mail: {names}")


def resolve_alternative(index: SearchIndex, text: str | None) -> str | None:
    """A number (or text with one) stays as written; a name must find one entry, which becomes
    "Name, number" so the operator can connect the caller; ValueError when it finds no one or several."""
    if text is None or not text.strip() or any(ch.isdigit() for ch in text):
        return text
    try:
        colleague = find_person(index, text)
    except ValueError as error:
        raise ValueError(f"the alternative does not resolve: {error}") from None
    number = colleague.numbers[0].raw if colleague.numbers else ""
    return f"{colleague.display_name}, {number}" if number else colleague.display_name


def run(args: argparse.Namespace, config: Config, paths: Paths, *, demo: bool) -> int:
    try:
        services = Services.open(config, paths, demo=demo, language=config.settings.general.language or "en")
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        service = services.referrals
        if args.referral_command == "list":
            for stored in service.log.listing(datetime.now(UTC)):
                print(json.dumps(referral_json(stored), ensure_ascii=False) if args.json else
                      f"{stored.referral.entry_id}\t{stored.referral.code}\t{stored.referral.text}\t"
                      f"{stored.referral.until.isoformat() if stored.referral.until else ''}\t"
                      f"{stored.referral.alternative}")
            return 0
        index = SearchIndex(services.directory.load_entries())
        try:
            person = find_person(index, args.person)
            assert person.id is not None
            if args.referral_command == "clear":
                cleared = service.clear(person.id)
                print(f"{person.display_name}: {len(cleared)} referral(s) cleared")
                return 0
            referral = service.prepare(person.id, args.code, until_text=args.until, start_text=args.start,
                                       alternative=resolve_alternative(index, args.alt), comment=args.comment)
            change = service.set(referral)
        except (ValueError, WhenError, ReferralError, ReferralConflictError) as exc:
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
