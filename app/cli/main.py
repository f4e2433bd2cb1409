"""The `switchboard` command: the GUI by default, plus `config`, `directory`, `referral`, `calendar`,
`calllog`, `callback` and `db` subcommands (and those listed in build_parser).

Qt is imported only when the GUI starts, so `--version`, `config check` and the directory commands
stay quick and work on machines without a display.
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence
from importlib import import_module
from pathlib import Path
from typing import Protocol, cast

from app import __version__
from app.config.loader import Config, load_config
from app.config.paths import Paths

# The scenes of app/demo/scenes.py, named here so that `--help` needs no Qt (a test keeps the two the same).
SCENE_NAMES = ("overview", "search", "call", "consult", "referral", "message", "statistics", "keys")
DEFAULT_SIZE = (1366, 768)  # a scene's picture: the smallest common laptop screen (app/demo/scenes.py's SIZE)


class _StoreCommand(Protocol):
    """A subcommand module working on the store: its arguments and its run."""

    def add_arguments(self, parser: argparse.ArgumentParser) -> None: ...
    def run(self, args: argparse.Namespace, config: Config, paths: Paths, *, demo: bool) -> int: ...


# Subcommands that work on the store, each taking --demo and --config after its name: (help, module). A
# module is imported only when its command is on the command line (see build_parser): importing them all,
# with the store, the exchange and the transports behind them, took longer than a snapshot search.
_STORE_COMMANDS: dict[str, tuple[str, str]] = {
    "referral": ("set, clear or list referrals", "app.cli.referral"),
    "calendar": ("refresh calendar free/busy now", "app.cli.calendar"),
    "calllog": ("list the call log with its summary", "app.cli.calllog"),
    "message": ("send SMS, e-mail or pager messages to staff; list the message log", "app.cli.message"),
    "stats": ("call measurement: offered, answered, abandoned, service level, waits", "app.cli.stats"),
    "callback": ("list the shared call-back list", "app.cli.callback"),
    "notice": ("post, list or clear the operators' notice board", "app.cli.notice"),
    "note": ("list, add or edit operators' notes on a person", "app.cli.note"),
    "db": ("check or upgrade the store's schema", "app.cli.db"),
}


# What the window imports that needs no Qt, imported before Qt: PySide6 reads the source of every Python
# module imported after it (for its __feature__ switches, PYSIDE-2029), about 0.3 s at start for the
# store, SQLAlchemy and the transports, and their source then held in memory; the phone's, the presence's, the
# statistics' and the messages' domain modules another 0.05 s of CPU (issue 19).
_BEFORE_QT = ("app.services", "directory.store.callbacks", "directory.store.calllog", "directory.calendars.book",
              "softphone.desk.desk", "messaging.transports", "softphone.engine", "softphone.blf",
              "softphone.exchange.client", "directory.calendars.providers", "directory.presence",
              "directory.stats.report", "directory.stats.definitions", "directory.store.listener",
              "directory.store.calllog_summary", "directory.store.favourites", "directory.search.person",
              "directory.number_display", "messaging.dispatch", "messaging.directory_recipients",
              "messaging.import_numbers", "messaging.templates", "messaging.transports.kannel_dlr")


def _store_command(name: str) -> _StoreCommand:
    return cast(_StoreCommand, import_module(_STORE_COMMANDS[name][1]))


def _with_store_options(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument("--demo", action="store_true", dest="sub_demo", help="use the demo database")
    parser.add_argument("--config", type=Path, metavar="PATH", dest="sub_config")
    return parser


def _size(text: str) -> tuple[int, int]:
    """`--size 1920x1080`: a width and a height in pixels."""
    width, _x, height = text.lower().partition("x")
    if not (width.isdigit() and height.isdigit() and int(width) >= 640 and int(height) >= 480):
        raise argparse.ArgumentTypeError(f"{text!r} is not a size like 1920x1080 (at least 640x480)")
    return int(width), int(height)


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The whole parser; given the command line, only the subcommands named in it get their arguments (their
    modules imported), the others their name and help: all ``--help`` and a parse of ``argv`` need."""
    named = set(argv) if argv is not None else None

    def wanted(command: str) -> bool:
        return named is None or command in named

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
    parser.add_argument("--size", default=DEFAULT_SIZE, type=_size, metavar="WxH",
                        help="with --scene: the window's size in the picture (default 1366x768)")
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
    for name, (text, _module) in _STORE_COMMANDS.items():
        command = _with_store_options(commands.add_parser(name, help=text))
        if wanted(name):
            _store_command(name).add_arguments(command)
    exchange = commands.add_parser("exchange", help="render or run the exchange's queue (Kamailio)")
    if wanted("exchange"):
        from app.cli import exchange as cli_exchange  # noqa: PLC0415

        cli_exchange.add_arguments(exchange)
    queue = commands.add_parser("queue", help="list, pick and watch the exchange's queue")
    queue.add_argument("--config", type=Path, metavar="PATH", dest="sub_config")
    if wanted("queue"):
        from app.cli import queue as cli_queue  # noqa: PLC0415

        cli_queue.add_arguments(queue)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    args = build_parser(argv).parse_args(argv)
    paths = Paths.current()
    config_path = getattr(args, "sub_config", None) or args.config
    config = load_config(paths, config_path)
    demo = args.demo or getattr(args, "sub_demo", False)
    if args.command is not None:
        gc.enable()  # off for the window's start only (app/__main__.py)
    if args.command == "config":
        from app.cli.config import config_check, config_devices, config_reference  # noqa: PLC0415

        if args.config_command == "devices":
            return config_devices()
        return config_check(config, paths) if args.config_command == "check" else config_reference()
    if args.command in _STORE_COMMANDS:
        return _store_command(args.command).run(args, config, paths, demo=demo)
    if args.command == "exchange":
        from app.cli import exchange as cli_exchange  # noqa: PLC0415

        return cli_exchange.run(args, config, paths)
    if args.command == "queue":
        from app.cli import queue as cli_queue  # noqa: PLC0415

        return cli_queue.run(args, config)
    if args.command == "directory":
        from app.cli import directory as cli_directory  # noqa: PLC0415

        return cli_directory.run(args, config, paths, demo=demo)
    if args.scene and not (demo and args.screenshot):
        build_parser(argv).error("--scene pictures the demo: it needs --demo and --screenshot")
    if args.size != DEFAULT_SIZE and not args.scene:
        build_parser(argv).error("--size is a scene's picture size: it needs --scene")
    gc.disable()  # as app/__main__.py does, for a start through the entry point: on again once loaded (app/gui.py)
    for name in _BEFORE_QT:
        import_module(name)
    from app.gui import run_gui  # noqa: PLC0415 - Qt only for the window

    return run_gui(config, paths, demo=demo, screenshot=args.screenshot, search=args.search, scene=args.scene,
                   size=args.size, language=args.language)


if __name__ == "__main__":
    sys.exit(main())
