"""The `switchboard` command: the GUI by default, plus `config`, `directory`, `referral`, `calendar`,
`calllog`, `callback` and `db` subcommands (and those listed in build_parser).

Qt is imported only when the GUI starts, so `--version`, `config check` and the directory commands
stay quick and work on machines without a display.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

import app.cli.queue as cli_queue
from app import __version__
from app.cli import calendar as cli_calendar
from app.cli import callback as cli_callback
from app.cli import calllog as cli_calllog
from app.cli import db as cli_db
from app.cli import exchange as cli_exchange
from app.cli import message as cli_message
from app.cli import notice as cli_notice
from app.cli import referral as cli_referral
from app.cli import stats as cli_stats
from app.config.loader import Config, load_config
from app.config.paths import Paths

# The scenes of app/demo/scenes.py, named here so that `--help` needs no Qt (a test keeps the two the same).
SCENE_NAMES = ("search", "call", "consult", "referral", "message", "statistics", "keys")


class _StoreCommand(Protocol):
    """A subcommand module working on the store: its arguments and its run."""

    def add_arguments(self, parser: argparse.ArgumentParser) -> None: ...
    def run(self, args: argparse.Namespace, config: Config, paths: Paths, *, demo: bool) -> int: ...


# Subcommands that work on the store, each taking --demo and --config after its name.
_STORE_COMMANDS: dict[str, tuple[str, _StoreCommand]] = {
    "referral": ("set, clear or list referrals", cli_referral),
    "calendar": ("refresh calendar free/busy now", cli_calendar),
    "calllog": ("list the call log with its summary", cli_calllog),
    "message": ("send SMS, e-mail or pager messages to staff; list the message log", cli_message),
    "stats": ("call measurement: offered, answered, abandoned, service level, waits", cli_stats),
    "callback": ("list the shared call-back list", cli_callback),
    "notice": ("post, list or clear the operators' notice board", cli_notice),
    "db": ("check or upgrade the store's schema", cli_db),
}


def _with_store_options(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument("--demo", action="store_true", dest="sub_demo", help="use the demo database")
    parser.add_argument("--config", type=Path, metavar="PATH", dest="sub_config")
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="switchboard", description="Operator console: softphone, "
                                     "staff directory and referral status.")
    parser.add_argument("--version", action="version", version=f"switchboard {__version__}")
    parser.add_argument("--config", type=Path, metavar="PATH",
                        help="configuration file read last (overrides SWITCHBOARD_CONFIG)")
    parser.add_argument("--demo", action="store_true",
                        help="use the built-in demo organisation in its own database")
    parser.add_argument("--screenshot", type=Path, metavar="FILE.png",
                        help="start the window, let it settle, save a screenshot and exit")
    parser.add_argument("--search", default="", metavar="TEXT", help="start with this text in the search field")
    parser.add_argument("--scene", default="", choices=SCENE_NAMES, metavar="NAME",
                        help="with --demo --screenshot: put the window into this state first "
                             f"({', '.join(SCENE_NAMES)}); the user guide's pictures")
    parser.add_argument("--language", default="", choices=("sv", "nb", "en"),
                        help="the window's language (over [general] language and the system's)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    config = commands.add_parser("config", help="check or document the configuration")
    config_commands = config.add_subparsers(dest="config_command", metavar="ACTION", required=True)
    check = config_commands.add_parser("check", help="validate the effective configuration")
    check.add_argument("--config", type=Path, metavar="PATH", dest="sub_config")
    config_commands.add_parser("reference", help="print every setting as a Markdown table")
    config_commands.add_parser("devices", help="list the sound devices, by the names [sip.audio] takes")

    directory = _with_store_options(commands.add_parser("directory", help="import or search the directory"))
    directory_commands = directory.add_subparsers(dest="directory_command", metavar="ACTION", required=True)
    imp = directory_commands.add_parser("import", help="import a CSV or LDIF file (one transaction)")
    imp.add_argument("file", type=Path)
    imp.add_argument("--source", help="source name (default: import:<file name>)")
    sync = directory_commands.add_parser("sync", help="sync the configured LDAP/AD sources now")
    sync.add_argument("--full", action="store_true", help="a full sync, not an incremental one")
    sync.add_argument("--source", help="only this source (its name in [[directory.ldap]])")
    search = directory_commands.add_parser("search", help="search like the window does")
    search.add_argument("query", nargs="?", default="")
    search.add_argument("--limit", type=int, default=10)
    search.add_argument("--json", action="store_true", help="print JSON (see README)")
    search.add_argument("--stdin", action="store_true", help="read one query per line, print one JSON line each")
    for name, (text, module) in _STORE_COMMANDS.items():
        module.add_arguments(_with_store_options(commands.add_parser(name, help=text)))
    exchange = commands.add_parser("exchange", help="render or run the exchange's queue (Kamailio)")
    cli_exchange.add_arguments(exchange)
    queue = commands.add_parser("queue", help="list, pick and watch the exchange's queue")
    queue.add_argument("--config", type=Path, metavar="PATH", dest="sub_config")
    cli_queue.add_arguments(queue)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    paths = Paths.current()
    config_path = getattr(args, "sub_config", None) or args.config
    config = load_config(paths, config_path)
    demo = args.demo or getattr(args, "sub_demo", False)
    if args.command == "config":
        from app.cli.config import config_check, config_devices, config_reference  # noqa: PLC0415

        if args.config_command == "devices":
            return config_devices()
        return config_check(config, paths) if args.config_command == "check" else config_reference()
    if args.command in _STORE_COMMANDS:
        return _STORE_COMMANDS[args.command][1].run(args, config, paths, demo=demo)
    if args.command == "exchange":
        return cli_exchange.run(args, config, paths)
    if args.command == "queue":
        return cli_queue.run(args, config)
    if args.command == "directory":
        from app.cli import directory as cli_directory  # noqa: PLC0415

        return cli_directory.run(args, config, paths, demo=demo)
    if args.scene and not (demo and args.screenshot):
        build_parser().error("--scene pictures the demo: it needs --demo and --screenshot")
    from app.gui import run_gui  # noqa: PLC0415 - Qt only for the window

    return run_gui(config, paths, demo=demo, screenshot=args.screenshot, search=args.search, scene=args.scene,
                   language=args.language)


if __name__ == "__main__":
    sys.exit(main())
