"""A private Kamailio registrar/proxy on loopback, restartable on the same port for fault tests."""

from __future__ import annotations

import socket
import subprocess
from pathlib import Path

from tests.helpers.processes import ManagedProcess, free_port, require_binary, wait_until

CONFIG = Path(__file__).resolve().parents[1] / "integration" / "softphone" / "kamailio.cfg"


def _port_free_for_both(port: int) -> bool:
    for kind in (socket.SOCK_DGRAM, socket.SOCK_STREAM):
        with socket.socket(socket.AF_INET, kind) as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                return False
    return True


def make_certificate(directory: Path, name: str = "127.0.0.1") -> tuple[Path, Path]:
    """A self-signed server certificate for `name` (and localhost) and its key, made with openssl."""
    directory.mkdir(parents=True, exist_ok=True)
    cert, key = directory / "cert.pem", directory / "key.pem"
    subprocess.run([require_binary("openssl"), "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256",
                    "-keyout", str(key), "-out", str(cert), "-days", "2", "-subj", f"/CN={name}",
                    "-addext", f"subjectAltName=IP:{name},DNS:localhost"],
                   check=True, capture_output=True)
    return cert, key


class Kamailio:
    """Listens on UDP and TCP 127.0.0.1:`port` (and TLS on `tls_port` with `tls=True`).

    Users: any number N with password "pwN". With TLS, `certificate` is the server's self-signed
    certificate, usable as the client's CA file. With `tcp_switch`, requests over 1300 bytes are relayed
    over TCP (RFC 3261 18.1.1) and each INVITE's transport in and out is in `log()`.
    """

    def __init__(self, workdir: Path, *, tls: bool = False, tcp_switch: bool = False) -> None:
        self.binary = require_binary("kamailio")
        self.workdir = workdir
        self.port = next(p for p in iter(free_port, None) if _port_free_for_both(p))
        self.process: ManagedProcess | None = None
        self._runs = 0
        self.tls_port = 0
        self._tls_args: list[str] = ["-A", "WITH_TCP_SWITCH"] if tcp_switch else []
        if tls:
            self.certificate, key = make_certificate(workdir / "tls")
            tls_cfg = workdir / "tls" / "tls.cfg"
            tls_cfg.write_text(
                "[server:default]\nmethod = TLSv1.2+\nverify_certificate = no\nrequire_certificate = no\n"
                f"certificate = {self.certificate}\nprivate_key = {key}\n"
                "[client:default]\nverify_certificate = no\nrequire_certificate = no\n")
            self.tls_port = free_port()
            self._tls_args += ["-A", "WITH_TLS", "-A", f'TLS_CFG="{tls_cfg}"',
                              "-l", f"tls:127.0.0.1:{self.tls_port}"]

    @property
    def hostport(self) -> str:
        return f"127.0.0.1:{self.port}"

    def start(self) -> None:
        self._runs += 1
        rundir = self.workdir / f"run{self._runs}"
        rundir.mkdir(parents=True)
        argv = [self.binary, "-DD", "-E", "-f", str(CONFIG), "-P", str(rundir / "kamailio.pid"),
                "-Y", str(rundir), "-w", str(rundir), "-m", "32", "-M", "4",
                "-l", f"udp:{self.hostport}", "-l", f"tcp:{self.hostport}", *self._tls_args]
        self.process = ManagedProcess(argv, log=rundir / "kamailio.log")
        wait_until(lambda: self._listening() or not self.process_alive(), timeout=10)
        if not self.process_alive():
            raise RuntimeError(f"kamailio did not start:\n{self.process.output()}")

    def process_alive(self) -> bool:
        return self.process is not None and self.process.alive()

    def _listening(self) -> bool:
        with socket.socket() as sock:
            sock.settimeout(0.2)
            return sock.connect_ex(("127.0.0.1", self.port)) == 0

    def stop(self) -> None:
        if self.process is not None:
            self.process.stop()
            self.process = None

    def log(self) -> str:
        return self.process.output() if self.process is not None else ""
