"""`switchboard --demo` through a private exchange queue, when Kamailio is installed.

Kamailio runs our queue configuration on free loopback ports in a private folder. Callers come from
several demo labs (each pjsua2 process holds at most four calls, so one lab could never keep more than a
few callers waiting) and call the organisation's switchboard numbers at the queue; one more lab is the
PBX behind the exchange (`forward_to`): the organisation's extensions, which the console consults and
transfers to. The console registers at the exchange as operator 1000 with a password and an API token
made up for this run and handed over in memory, never written anywhere but as digests.
"""

from __future__ import annotations

import ctypes
import dataclasses
import logging
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from app.demo.exchange import ALARM_NUMBER, DEMO_AUDIO
from installer.exchange.launch import accepting, free_loopback_port, kamailio_binary, kamailio_command
from installer.exchange.render import render
from softphone.demolab.config import LabConfig
from softphone.demolab.process import DemoLab, DemoLabError
from softphone.desk.settings import DeskSettings
from softphone.exchange.client import ExchangeClient
from softphone.exchange.settings import ExchangeQueueSettings, QueueOperatorSettings
from softphone.settings import AccountSettings, PhoneSettings, Transport

log = logging.getLogger(__name__)
OPERATOR = "1000"
CALLER_LABS = 3  # two callers each at most: up to six waiting, more than the console's phone could hold
START_TIMEOUT_S = 10.0
PR_SET_PDEATHSIG = 1  # linux/prctl.h


class DemoQueueError(Exception):
    """The private queue did not start (Kamailio missing, or it stopped); the demo uses the local line."""


@dataclass
class DemoQueue:
    """The running queue and its labs; `stop` ends them all and removes the private folder."""

    process: subprocess.Popen[bytes]
    folder: Path
    phone: PhoneSettings
    client: ExchangeClient
    labs: list[DemoLab] = field(default_factory=list)

    def stop(self) -> None:
        _end(self.labs, self.process, self.folder)


def _end(labs: list[DemoLab], process: subprocess.Popen[bytes] | None, folder: Path) -> None:
    """The labs, then Kamailio, stopped; the private folder removed (also what a failed start leaves)."""
    for lab in labs:
        lab.stop()
    if process is not None and process.poll() is None:
        process.terminate()
        try:
            process.wait(5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)
    shutil.rmtree(folder, ignore_errors=True)


def start_demo_queue(config: LabConfig, services: dict[str, str], records_url: str = "",
                     lab_command: list[str] | None = None, *, interval_s: float = 12.0) -> DemoQueue:
    """The queue for the demo lab `config` (its extensions behind the queue, its callers at it) and the
    switchboard numbers `services`. Raises DemoQueueError (with the reason to show) when it cannot run here."""
    binary = kamailio_binary()
    if binary is None:
        raise DemoQueueError("Kamailio is not installed")
    folder = Path(tempfile.mkdtemp(prefix="switchboard-demo-queue-"))
    labs: list[DemoLab] = []
    process: subprocess.Popen[bytes] | None = None
    try:
        pbx = _start_lab(dataclasses.replace(config, callers=(), interval_s=0), lab_command, labs)
        settings, token, password = _queue_settings(services, pbx.port)
        cfg = folder / "exchange.cfg"
        cfg.write_text(render(settings, DeskSettings(emergency_numbers=["112", ALARM_NUMBER]),
                              tokens={OPERATOR: token}, sip_passwords={OPERATOR: password},
                              records_url=records_url), encoding="utf-8")
        cfg.chmod(0o600)
        with (folder / "kamailio.log").open("wb") as output:
            process = subprocess.Popen(kamailio_command(binary, cfg, folder), stdout=output,
                                       stderr=subprocess.STDOUT, start_new_session=True,
                                       preexec_fn=_end_with_parent)  # noqa: PLW1509 - only prctl, no locks
        _wait_until_serving(process, settings, folder / "kamailio.log")
        hostport = settings.sip_listen
        for i in range(CALLER_LABS):
            callers = config.callers[i::CALLER_LABS]
            _start_lab(LabConfig(callers=callers, exchange=hostport, interval_s=interval_s * CALLER_LABS / 2,
                                 first_call_s=2.0 + 3.0 * i, abandon_after_s=config.abandon_after_s,
                                 tone_hz=config.tone_hz), lab_command, labs)
    except (DemoLabError, DemoQueueError, OSError) as error:
        _end(labs, process, folder)
        raise DemoQueueError(str(error)) from error
    account = AccountSettings(user=OPERATOR, domain=settings.domain, registrar=hostport, bind_address="127.0.0.1",
                              transport=Transport.UDP, register_expiry=300)
    phone = PhoneSettings(account, DEMO_AUDIO, password=password)
    client = ExchangeClient(f"http://{settings.api_listen}", OPERATOR, token)
    log.info("demo queue: Kamailio at %s, API %s, %d caller labs", hostport, settings.api_listen, CALLER_LABS)
    return DemoQueue(process, folder, phone, client, labs)


def _end_with_parent() -> None:
    """In the child before exec: Linux ends Kamailio when the console dies without stopping it (killed,
    crashed), rather than leaving a queue holding callers nobody sees. Elsewhere nothing (no prctl)."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def _queue_settings(services: dict[str, str], pbx_port: int) -> tuple[ExchangeQueueSettings, str, str]:
    token, password = secrets.token_urlsafe(24), secrets.token_urlsafe(18)
    settings = ExchangeQueueSettings(
        sip_listen=f"127.0.0.1:{free_loopback_port()}", api_listen=f"127.0.0.1:{free_loopback_port()}",
        events_listen=f"127.0.0.1:{free_loopback_port()}", numbers=dict.fromkeys(services, "normal"),
        # references only name where a real configuration would keep these; the values go to render()
        operators={OPERATOR: QueueOperatorSettings(token="env:SWITCHBOARD_DEMO_TOKEN",
                                                   sip_password="env:SWITCHBOARD_DEMO_SIP")},
        forward_to=f"sip:127.0.0.1:{pbx_port}", workers=2, offer_timeout=8.0)
    return settings, token, password


def _start_lab(config: LabConfig, command: list[str] | None, labs: list[DemoLab]) -> DemoLab:
    lab = DemoLab(config, command=command)
    labs.append(lab)  # stopped with the others if anything after this fails
    lab.start()
    return lab


def _wait_until_serving(process: subprocess.Popen[bytes], settings: ExchangeQueueSettings, log_file: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            tail = log_file.read_text(errors="replace").strip().splitlines()[-3:]
            raise DemoQueueError(f"Kamailio stopped at start: {' / '.join(tail) or process.returncode}")
        if accepting(settings.api_listen) and accepting(settings.events_listen):
            return
        time.sleep(0.05)
    raise DemoQueueError(f"Kamailio did not open its API at {settings.api_listen} within {START_TIMEOUT_S:.0f} s")
