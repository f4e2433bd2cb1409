"""The exchange's queue for tests: the shipped Kamailio configuration rendered with free ports, started
in the foreground on a private runtime folder, plus sipp callers."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

from installer.exchange.launch import accepting, free_loopback_port, kamailio_command, stunnel_binary
from installer.exchange.render import render, render_stunnel
from softphone.desk.settings import DeskSettings
from softphone.exchange.client import ExchangeClient
from softphone.exchange.settings import ExchangeQueueSettings
from tests.helpers.processes import ManagedProcess, free_port, require_binary, wait_until
from tests.helpers.slapd import TlsFiles

SCENARIOS = Path(__file__).resolve().parents[1] / "integration" / "exchange"
OPERATORS = ("1000", "1001", "1002")


def token_of(operator: str) -> str:
    return f"token-{operator}"


class Exchange:
    """A running exchange. Operators 1000-1002 (token "token-N", SIP password "pwN", as sip_peer uses);
    switchboard numbers 100 (normal), 200 (priority), 112 (emergency). With `tls` the API is HTTPS and the
    event stream TLS through stunnel (clients trust `tls.ca` unless told otherwise)."""

    def __init__(self, workdir: Path, *, records_url: str = "", tm_defaults_ms: tuple[int, int] = (60_000, 180_000),
                 operators: tuple[str, ...] = OPERATORS, tls: TlsFiles | None = None, **settings: Any) -> None:
        self.binary = require_binary("kamailio")
        self.workdir = workdir
        self.tls = tls
        self.sip_port, self.api_port, self.events_port = free_loopback_port(), free_port(), free_port()
        self.plain_events_port = free_port() if tls else self.events_port
        values: dict[str, Any] = {
            "sip_listen": f"127.0.0.1:{self.sip_port}", "api_listen": f"127.0.0.1:{self.api_port}",
            "events_listen": f"127.0.0.1:{self.events_port}",
            "numbers": {"100": "normal", "200": "priority", "112": "emergency"},
            "operators": {op: {"token": f"env:T{op}", "sip_password": f"env:P{op}"} for op in operators},
            "workers": 2, "offer_timeout": 3.0,
        }
        if tls is not None:
            values.update(tls_certificate=str(tls.cert), tls_key=str(tls.key),
                          events_plain_listen=f"127.0.0.1:{self.plain_events_port}")
        values.update(settings)
        self.settings = ExchangeQueueSettings(**values)
        workdir.mkdir(parents=True, exist_ok=True)
        self.config = workdir / "exchange.cfg"
        self.config.write_text(render(self.settings, DeskSettings(),
                                      tokens={op: token_of(op) for op in operators},
                                      sip_passwords={op: f"pw{op}" for op in operators},
                                      records_url=records_url, tm_defaults_ms=tm_defaults_ms))
        self.process: ManagedProcess | None = None
        self.stunnel: ManagedProcess | None = None
        self._runs = 0
        self._sipps: list[subprocess.Popen[bytes]] = []
        self._logs: list[Any] = []

    @property
    def hostport(self) -> str:
        return f"127.0.0.1:{self.sip_port}"

    @property
    def url(self) -> str:
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self.api_port}"

    def start(self) -> None:
        self._runs += 1
        rundir = self.workdir / f"run{self._runs}"
        rundir.mkdir(parents=True)
        argv = kamailio_command(Path(self.binary), self.config, rundir)
        if self.tls is not None and self.stunnel is None:  # stunnel outlives restarts, as under systemd
            binary = stunnel_binary()
            if binary is None:
                raise RuntimeError("stunnel is not installed (Debian: stunnel4)")
            conf = self.workdir / "stunnel.conf"
            conf.write_text(render_stunnel(self.settings))
            self.stunnel = ManagedProcess([str(binary), str(conf)], log=self.workdir / "stunnel.log")
        self.process = ManagedProcess(argv, log=rundir / "kamailio.log")
        wait_until(lambda: self._listening() or not self.alive(), timeout=10)
        if not self.alive():
            raise RuntimeError(f"kamailio did not start:\n{self.process.output()}")

    def alive(self) -> bool:
        return self.process is not None and self.process.alive()

    def _listening(self) -> bool:
        """Both the API and the event stream accept connections (evapi may open after xhttp)."""
        ports = {self.api_port, self.events_port, self.plain_events_port}
        return all(accepting(f"127.0.0.1:{port}") for port in ports)

    def client(self, operator: str, token: str | None = None, *, ca_file: str | None = None) -> ExchangeClient:
        """A console's client; with TLS it trusts this exchange's CA unless `ca_file` names another."""
        if ca_file is None:
            ca_file = str(self.tls.ca) if self.tls else ""
        return ExchangeClient(self.url, operator, token if token is not None else token_of(operator),
                              ca_file=ca_file)

    def callers(self, count: int, *, scenario: str = "caller.xml", number: str = "100", rate: int = 50,
                pause_ms: int = 0, log_name: str = "", keys: dict[str, str] | None = None,
                source: str = "127.0.0.1", timeout_s: int = 120) -> subprocess.Popen[bytes]:
        """`count` sipp callers dialling `number` at `rate` calls a second, all at once (in the background),
        from the loopback address `source` (127.0.0.2 is another host to the exchange); sipp gives up after
        `timeout_s`."""
        port = free_loopback_port()
        name = log_name or f"sipp-{port}"
        argv = [require_binary("sipp"), "-sf", str(SCENARIOS / scenario), "-s", number, self.hostport,
                "-i", source, "-p", str(port), "-m", str(count), "-l", str(count), "-r", str(rate),
                "-timeout", str(timeout_s), "-nostdin", "-trace_err", "-error_file", str(self.workdir / f"{name}.err")]
        if pause_ms:
            argv += ["-d", str(pause_ms)]
        for key, value in (keys or {}).items():
            argv += ["-key", key, value]
        log = (self.workdir / f"{name}.log").open("wb")
        self._logs.append(log)
        proc = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT, cwd=self.workdir,
                                start_new_session=True)
        self._sipps.append(proc)
        return proc

    def answerer(self, port: int) -> subprocess.Popen[bytes]:
        """A sipp UAS on `port` that answers every call (the overflow number)."""
        argv = [require_binary("sipp"), "-sn", "uas", "-i", "127.0.0.1", "-p", str(port), "-nostdin",
                "-timeout", "120"]
        log = (self.workdir / f"answerer-{port}.log").open("wb")
        self._logs.append(log)
        proc = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT, cwd=self.workdir,
                                start_new_session=True)
        self._sipps.append(proc)
        return proc

    def stop(self) -> None:
        for proc in self._sipps:
            if proc.poll() is None:
                proc.kill()
            proc.wait()
        self._sipps.clear()
        for log in self._logs:
            log.close()
        self._logs.clear()
        if self.process is not None:
            self.process.stop()
            self.process = None

    def stop_kamailio(self) -> None:
        """Only Kamailio, as a restart would: callers (sipp) and stunnel go on."""
        if self.process is not None:
            self.process.stop()
            self.process = None

    def stop_all(self) -> None:
        """Kamailio and, with TLS, stunnel (stop() alone restarts nothing but Kamailio)."""
        self.stop()
        if self.stunnel is not None:
            self.stunnel.stop()
            self.stunnel = None

    def log(self) -> str:
        return self.process.output() if self.process is not None else ""
