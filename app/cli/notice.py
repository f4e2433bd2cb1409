"""`switchboard notice post|list|clear`: the operators' notice board, as every console of the organisation
shows it. `post TEXT` for `--minutes` (default 60) or `--until HH:MM` (today, the operator's time); `list
[--json]` what is shown now (`--all`: also past ones); `clear ID`."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime, time, timedelta

from app.cli.calllog import utc_text
from app.cli.store import open_services
from app.config.loader import Config
from app.config.paths import Paths
from app.lookup.referral_setup import operator_name
from directory.referrals.workdays import local_zone
from directory.store.notices import Notice, NoticeError, NoticeRepository


def add_arguments(notice: argparse.ArgumentParser) -> None:
    commands = notice.add_subparsers(dest="notice_command", metavar="ACTION", required=True)
    post = commands.add_parser("post", help="show a notice on every console of the organisation")
    post.add_argument("text", help="the notice, one line (at most 300 characters)")
    until = post.add_mutually_exclusive_group()
    until.add_argument("--minutes", type=int, default=60, help="how long it is shown (default 60)")
    until.add_argument("--until", metavar="HH:MM", help="shown until this time today")
    listing = commands.add_parser("list", help="the notices shown now, newest first")
    listing.add_argument("--all", action="store_true", help="also cleared and expired ones (the last 100)")
    listing.add_argument("--json", action="store_true", help="print one JSON object")
    clear = commands.add_parser("clear", help="stop showing a notice")
    clear.add_argument("id", type=int)


def _until(args: argparse.Namespace, now: datetime) -> datetime:
    if args.until is None:
        return now + timedelta(minutes=args.minutes)
    try:
        clock = time.fromisoformat(args.until)
    except ValueError:
        raise NoticeError(f"--until {args.until!r} is not a time of day such as 14:30") from None
    return datetime.combine(now.astimezone(local_zone()).date(), clock, local_zone()).astimezone(UTC)


def notice_json(notice: Notice) -> dict[str, object]:
    return {"id": notice.id, "text": notice.text, "posted_by": notice.posted_by,
            "posted_at": utc_text(notice.posted_at), "expires_at": utc_text(notice.expires_at),
            "cleared_by": notice.cleared_by or None, "cleared_at": utc_text(notice.cleared_at)}


def run(args: argparse.Namespace, config: Config, paths: Paths, *, demo: bool) -> int:
    services = open_services(config, paths, demo=demo)
    if services is None:
        return 2
    notices, now = NoticeRepository(services.store), datetime.now(UTC)
    try:
        if args.notice_command == "post":
            posted = notices.post(args.text, operator_name(config), now, _until(args, now))
            print(f"notice {posted.id} shown until {posted.expires_at.astimezone(local_zone()):%H:%M}")
        elif args.notice_command == "clear":
            if not notices.clear(args.id, operator_name(config), now):
                print(f"error: notice {args.id} is not shown (cleared, expired or unknown)", file=sys.stderr)
                return 1
            print(f"notice {args.id} cleared")
        else:
            shown = notices.history() if args.all else notices.shown(now)
            if args.json:
                print(json.dumps({"notices": [notice_json(n) for n in shown]}, ensure_ascii=False))
            for n in [] if args.json else shown:
                print(f"{n.id}\t{n.posted_at.astimezone(local_zone()):%H:%M}\t"
                      f"until {n.expires_at.astimezone(local_zone()):%H:%M}\t{n.posted_by}\t{n.text}")
    except NoticeError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    finally:
        services.close()
    return 0
