"""The exchange queue's systemd units (installer/exchange/systemd): valid to systemd itself, and running
Kamailio exactly as `switchboard exchange run` does, so production and the tested foreground run agree."""

from __future__ import annotations

import configparser
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from installer.exchange.launch import kamailio_command

UNITS = Path(__file__).resolve().parents[3] / "installer" / "exchange" / "systemd"
QUEUE, EVENTS = UNITS / "switchboard-exchange.service", UNITS / "switchboard-exchange-events.service"


def _service(unit: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # systemd keys are case-sensitive
    parser.read(unit, encoding="utf-8")
    return parser["Service"]


def test_systemd_accepts_both_units() -> None:
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed (Debian systemd; scripts/setup installs it)")
    result = subprocess.run([analyze, "verify", str(QUEUE), str(EVENTS)], capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ignoring" not in result.stderr, result.stderr  # systemd warns of unknown keys and goes on


def test_the_queue_unit_runs_kamailio_as_exchange_run_does() -> None:
    service = _service(QUEUE)
    folder = Path("/run") / "switchboard-exchange"
    assert service["RuntimeDirectory"] == folder.name
    expected = kamailio_command(Path("/usr/sbin/kamailio"), Path("${CFG}"), folder)
    assert shlex.split(service["ExecStart"]) == expected
    assert service["ExecStartPre"] == "/usr/sbin/kamailio -c -f ${CFG}"  # a broken file is refused first


def test_the_event_stream_unit_runs_the_rendered_stunnel_file_in_the_foreground() -> None:
    from installer.exchange.render import render_stunnel  # noqa: PLC0415
    from softphone.exchange.settings import ExchangeQueueSettings  # noqa: PLC0415

    service = _service(EVENTS)
    binary, config = shlex.split(service["ExecStart"])
    assert binary == "/usr/bin/stunnel4"
    assert config == "/etc/switchboard/exchange-stunnel.conf"
    rendered = render_stunnel(ExchangeQueueSettings(tls_certificate="/etc/ssl/q.pem", tls_key="/etc/ssl/q.key"))
    assert "foreground = yes" in rendered  # Type=simple: stunnel must not fork away from systemd
