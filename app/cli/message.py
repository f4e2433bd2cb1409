"""`switchboard message send` and `message list`: messages to staff from the command line, and the message log.

`send` queues the message in the outbox (every recipient checked first: a bad one queues nothing) and sends
it at once; a message whose gateway could not be reached stays queued for the next run or the window. Exit
status: 0 when every message was sent, 1 when any failed or waits for a retry, 2 when nothing was queued.
`list --json` prints one object whose shape the README documents: keep it stable.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from typing import Any

from app.cli.calllog import SinceError, parse_since, utc_text
from app.config.loader import Config
from app.config.paths import Paths
from app.config.secrets import SecretError
from app.lookup.referral_setup import operator_name
from app.messages.service import MessageService, limits_for
from app.messages.transports import build_transports, missing_channel
from app.services import Services
from directory.referrals.workdays import local_zone
from directory.store import StoreError
from directory.store.outbox import OutboxMessage
from messaging.compose import recipients
from messaging.model import Channel, MessageError, StaffMessage
from messaging.templates import render, templates

COLUMNS = ("Time", "Channel", "To", "State", "Attempts", "Sender", "Text", "Reason")


def add_arguments(message: argparse.ArgumentParser) -> None:
    commands = message.add_subparsers(dest="message_command", metavar="ACTION", required=True)
    send = commands.add_parser("send", help="send an SMS, e-mail or pager message to one or more recipients")
    send.add_argument("to", nargs="+", metavar="TO", help="mobile numbers, e-mail addresses or pager numbers")
    channel = send.add_mutually_exclusive_group(required=True)
    for name, what in (("sms", "an SMS"), ("email", "an e-mail"), ("pager", "a pager or DECT message")):
        channel.add_argument(f"--{name}", metavar="TEXT", nargs="?", const="",
                             help=f"send {what}; with --template, TEXT fills its {{note}}")
    send.add_argument("--template", metavar="NAME", help="a template: call_back, message, waiting or configured")
    send.add_argument("--subject", default="", help="the e-mail's subject (default: its first line)")
    send.add_argument("--caller", default="", help="the template's {caller}")
    send.add_argument("--number", default="", help="the template's {number}")
    send.add_argument("--time", default="", help="the template's {time} (default: now)")
    send.add_argument("--language", choices=("sv", "nb", "en"), help="the template's language")
    listing = commands.add_parser("list", help="the message log, newest first")
    listing.add_argument("--since", default="7d", metavar="WHEN", help="as for calllog list (default: 7d)")
    listing.add_argument("--search", default="", metavar="TEXT", help="only messages matching these words")
    listing.add_argument("--json", action="store_true", help="print one JSON object (see README)")


def compose(args: argparse.Namespace, config: Config) -> StaffMessage:
    """The message the arguments describe; raises MessageError naming what is wrong."""
    settings = config.settings.messages
    channel = next(c for c in Channel if getattr(args, c.value) is not None)
    text = getattr(args, channel.value)
    template = ""
    if args.template:
        known = templates(settings.templates)
        if args.template not in known:
            raise MessageError(f"there is no template {args.template!r}; there are {', '.join(sorted(known))}")
        template = args.template
        now = datetime.now(local_zone())
        text = render(known[template], args.language or settings.language, {
            "caller": args.caller, "number": args.number, "time": args.time or f"{now:%H:%M}",
            "operator": operator_name(config), "note": text})
    region = config.settings.directory.default_region
    found = recipients(channel, ((t, "") for t in args.to), limits_for(settings, region))
    return StaffMessage(channel, found, text, subject=args.subject, template=template, sender=operator_name(config),
                        console=MessageService.console_name())


def run(args: argparse.Namespace, config: Config, paths: Paths, *, demo: bool) -> int:
    if args.message_command == "list":
        return run_list(args, config, paths, demo=demo)
    settings = config.settings.messages
    channel = next(c for c in Channel if getattr(args, c.value) is not None)
    if (why := missing_channel(settings, channel)) is not None:
        print(f"error: {why}", file=sys.stderr)
        return 2
    try:
        message = compose(args, config)
        transports = build_transports(settings)
        services = Services.open(config, paths, demo=demo)
    except (MessageError, SecretError, StoreError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        service = MessageService(services.store, settings, transports,
                                 region=config.settings.directory.default_region)
        try:
            service.start()
            try:
                ids = service.queue(message)
            except MessageError as exc:
                print(f"error: {exc}", file=sys.stderr)
                return 2
            results = service.send(ids)
        finally:
            service.close()  # an SMPP session is unbound, not just dropped
    finally:
        services.close()
    for result in results:
        print(f"{result.recipient}: {result.state}" + (f" ({result.reason})" if result.reason else ""))
    return 0 if all(r.state in ("sent", "delivered") for r in results) else 1


def run_list(args: argparse.Namespace, config: Config, paths: Paths, *, demo: bool) -> int:
    now = datetime.now(UTC)
    zone = local_zone()
    try:
        since = parse_since(args.since, now, zone)
        services = Services.open(config, paths, demo=demo)
    except (SinceError, StoreError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        found = MessageService(services.store, config.settings.messages, {}).outbox.search(
            args.search, since=since, limit=2**31 - 1)
    finally:
        services.close()
    if args.json:
        print(json.dumps({"since": utc_text(since), "messages": [message_json(m) for m in found]},
                         ensure_ascii=False))
        return 0
    if not found:
        print(f"no messages since {since.astimezone(zone):%Y-%m-%d %H:%M}")
        return 0
    rows = [COLUMNS, *(_cells(m, zone) for m in found)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(COLUMNS))]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
    return 0


def _cells(m: OutboxMessage, zone: Any) -> tuple[str, ...]:
    text = " ".join(m.text.split())
    return (f"{m.created_at.astimezone(zone):%Y-%m-%d %H:%M}", m.channel, m.recipient, m.state, str(m.attempts),
            m.sender, text if len(text) <= 40 else text[:39] + "…", m.reason)


def message_json(m: OutboxMessage) -> dict[str, Any]:
    """One message as `message list --json` prints it (documented in the README; keep stable)."""
    return {
        "id": m.id, "batch": m.batch, "channel": m.channel, "recipient": m.recipient,
        "recipient_name": m.recipient_name, "subject": m.subject, "text": m.text, "template": m.template,
        "sender": m.sender, "console": m.console, "call_ref": m.call_ref, "created_at": utc_text(m.created_at),
        "state": m.state, "reason": m.reason, "attempts": m.attempts,
        "next_attempt_at": utc_text(m.next_attempt_at) if m.state == "queued" else None,
        "provider_id": m.provider_id, "sent_at": utc_text(m.sent_at), "delivered_at": utc_text(m.delivered_at),
    }
