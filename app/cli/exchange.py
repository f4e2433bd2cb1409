"""`switchboard exchange config|run`: the exchange's queue (Kamailio) from the [exchange] settings.

`config` prints (or writes) the rendered Kamailio configuration, for production under systemd; `run`
renders it into a private runtime folder and runs Kamailio in the foreground there (demo, tests, small
sites) until interrupted. Secrets are resolved here and reach the file only as digests.
"""

from __future__ import annotations

import argparse
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from sqlalchemy.engine import make_url

from app.config.loader import Config
from app.config.paths import Paths
from app.config.secrets import SecretError, resolve_secret


def add_arguments(exchange: argparse.ArgumentParser) -> None:
    commands = exchange.add_subparsers(dest="exchange_command", metavar="ACTION", required=True)
    config = commands.add_parser("config", help="print the rendered Kamailio configuration")
    config.add_argument("--config", type=Path, metavar="PATH", dest="sub_config")
    config.add_argument("--output", type=Path, metavar="FILE", help="write it to FILE instead")
    config.add_argument("--stunnel", action="store_true", help="print (or write) stunnel's configuration for "
                        "the event stream over TLS instead (needs [exchange] tls_certificate)")
    run = commands.add_parser("run", help="run the queue in the foreground on a private runtime folder")
    run.add_argument("--config", type=Path, metavar="PATH", dest="sub_config")
    run.add_argument("--runtime-dir", type=Path, metavar="DIR", help="runtime folder (default: a new "
                     "temporary one, removed afterwards)")


def records_url(config: Config, paths: Paths) -> str:
    """The Kamailio database URL the queue's records go to: [exchange] records_url, else the store's."""
    exchange = config.settings.exchange
    if exchange.records_url == "off":
        return ""
    if exchange.records_url:
        url = exchange.records_url
        if exchange.records_password and "://" in url:
            scheme, _, rest = url.partition("://")
            user, at, host = rest.partition("@")
            if at:
                url = f"{scheme}://{user}:{resolve_secret(exchange.records_password)}@{host}"
        return url
    store = config.settings.store
    if not store.url:
        return f"sqlite:///{paths.default_database}"
    parsed = make_url(store.url)
    if parsed.get_backend_name() == "sqlite":
        return f"sqlite:///{Path(parsed.database or '').resolve()}"
    if parsed.get_backend_name() == "postgresql":
        password = resolve_secret(store.password) if store.password else parsed.password
        auth = f"{parsed.username}:{password}" if password else f"{parsed.username or ''}"
        port = f":{parsed.port}" if parsed.port else ""
        return f"postgres://{auth}@{parsed.host or 'localhost'}{port}/{parsed.database}"
    raise SecretError(f"the queue's records cannot go to a {parsed.get_backend_name()} store; "
                      "set [exchange] records_url or \"off\"")


def render_config(config: Config, paths: Paths) -> str:
    from installer.exchange.render import render  # noqa: PLC0415 - only these commands need it

    exchange = config.settings.exchange
    tokens = {name: resolve_secret(op.token) for name, op in exchange.operators.items()}
    passwords = {name: resolve_secret(op.sip_password) for name, op in exchange.operators.items()}
    return render(exchange, config.settings.desk, tokens=tokens, sip_passwords=passwords,
                  records_url=records_url(config, paths), organisation=config.settings.store.organisation)


def run(args: argparse.Namespace, config: Config, paths: Paths) -> int:
    from installer.exchange.render import render_stunnel  # noqa: PLC0415 - only these commands need it

    try:
        text = render_config(config, paths)
    except (SecretError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    stunnel = render_stunnel(config.settings.exchange)
    if args.exchange_command == "config" and getattr(args, "stunnel", False):
        if not stunnel:
            print("error: [exchange] tls_certificate is not set: the event stream is plain TCP, no stunnel",
                  file=sys.stderr)
            return 2
        text = stunnel
    if args.exchange_command == "config":
        if args.output:
            args.output.write_text(text, encoding="utf-8")
            args.output.chmod(0o640)
        else:
            sys.stdout.write(text)
        return 0
    return run_foreground(text, args.runtime_dir, stunnel)


def run_foreground(text: str, runtime_dir: Path | None, stunnel: str = "") -> int:
    """Kamailio in the foreground, logging to stderr, its pid file and work files in one private folder;
    with TLS stunnel beside it for the event stream, stopped with it."""
    from installer.exchange.launch import kamailio_binary, kamailio_command, stunnel_binary  # noqa: PLC0415

    binary = kamailio_binary()
    if binary is None:
        print("error: kamailio is not installed (Debian: kamailio kamailio-python3-modules "
              "kamailio-extra-modules kamailio-tls-modules)", file=sys.stderr)
        return 2
    tunnel = stunnel_binary() if stunnel else None
    if stunnel and tunnel is None:
        print("error: stunnel is not installed (Debian: stunnel4); it carries the event stream over TLS",
              file=sys.stderr)
        return 2
    folder = runtime_dir or Path(tempfile.mkdtemp(prefix="switchboard-exchange-"))
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    cfg = folder / "exchange.cfg"
    cfg.write_text(text, encoding="utf-8")
    cfg.chmod(0o600)
    print(f"exchange: running Kamailio on {folder} (Ctrl+C stops it)", file=sys.stderr)
    helper = None
    if tunnel is not None:
        conf = folder / "stunnel.conf"
        conf.write_text(stunnel, encoding="utf-8")
        helper = subprocess.Popen([str(tunnel), str(conf)])
    proc = subprocess.Popen(kamailio_command(binary, cfg, folder))
    try:
        return proc.wait()
    except KeyboardInterrupt:
        proc.send_signal(signal.SIGTERM)
        return proc.wait()
    finally:
        if helper is not None:
            helper.terminate()
            helper.wait()
        if runtime_dir is None:
            shutil.rmtree(folder, ignore_errors=True)
