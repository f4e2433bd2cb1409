"""A real Kannel on loopback for the SMS tests: bearerbox, smsbox (HTTP sendsms) and Kannel's own test SMSC,
`fakesmsc`, which prints every message it receives. Debian packages `kannel` and `kannel-extras`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote_to_bytes
from urllib.request import urlopen

from tests.helpers.processes import ManagedProcess, free_port, require_binary, tcp_open, wait_until

FAKESMSC = Path("/usr/lib/kannel/test/fakesmsc")
_GOT = re.compile(r"Got message \d+: <(\S+) (\S+) (\S+) (.*)>$")

CONF = """\
group = core
admin-port = {admin}
admin-password = admin-secret
smsbox-port = {smsbox}
box-allow-ip = 127.0.0.1
log-level = 1
log-file = "{dir}/bearerbox.log"
dlr-storage = internal

group = smsc
smsc = fake
smsc-id = FAKE
port = {smsc}
connect-allow-ip = 127.0.0.1

group = smsbox
bearerbox-host = 127.0.0.1
bearerbox-port = {smsbox}
sendsms-port = {sendsms}
sendsms-interface = 127.0.0.1
log-level = 1
log-file = "{dir}/smsbox.log"

group = sendsms-user
username = switchboard
password = {password}
max-messages = 10
concatenation = true

group = sms-service
keyword = default
text = "ok"
omit-empty = true
"""


@dataclass(frozen=True, slots=True)
class Received:
    sender: str
    to: str
    kind: str  # text, ucs-2, udh-text, ...
    data: str


class Kannel:
    """Start with `start()`, stop with `stop()`; `received()` reads what fakesmsc has been given so far."""

    PASSWORD = "kannel-test-secret"

    def __init__(self, directory: Path) -> None:
        self.dir = directory
        self.ports = {name: free_port() for name in ("admin", "smsbox", "smsc", "sendsms")}
        self.conf = directory / "kannel.conf"
        self.conf.write_text(CONF.format(dir=directory, password=self.PASSWORD, **self.ports))
        self._processes: list[ManagedProcess] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.ports['sendsms']}/cgi-bin/sendsms"

    def start(self) -> None:
        if not FAKESMSC.exists():
            raise RuntimeError("fakesmsc is not installed: run ./scripts/test (Debian kannel-extras)")
        self._processes.append(ManagedProcess([require_binary("bearerbox"), str(self.conf)],
                                              log=self.dir / "bearerbox.out"))
        wait_until(lambda: tcp_open(self.ports["smsbox"]) and tcp_open(self.ports["smsc"]))
        self._processes.append(ManagedProcess([require_binary("smsbox"), str(self.conf)], log=self.dir / "smsbox.out"))
        self.fake = ManagedProcess([str(FAKESMSC), "-H", "127.0.0.1", "-r", str(self.ports["smsc"]), "-i", "1",
                                    "-m", "0", "1 2 text unused"], log=self.dir / "fakesmsc.out")
        self._processes.append(self.fake)
        # Ready when bearerbox's own status page lists both as on line: the fake SMSC (else sendsms queues)
        # and the smsbox. Its log says "Client connected from" before the box is listed, and a message sent
        # in between was once refused ("403 Not routable") on a loaded CI machine.
        wait_until(lambda: tcp_open(self.ports["sendsms"]) and self._both_on_line())

    def _both_on_line(self) -> bool:
        url = f"http://127.0.0.1:{self.ports['admin']}/status.txt?password=admin-secret"
        try:
            with urlopen(url, timeout=2) as answer:  # our own bearerbox on loopback
                status = answer.read().decode(errors="replace")
        except OSError:
            return False
        return bool(re.search(r"smsbox:.*\(on-line", status) and re.search(r"FAKE\[FAKE\].*\(online", status))

    def stop(self) -> None:
        for process in reversed(self._processes):
            process.stop()
        self._processes.clear()

    def received(self) -> list[Received]:
        found = []
        for line in self.fake.log.read_text(errors="replace").splitlines():  # also after stop()
            if match := _GOT.search(line):
                found.append(Received(*match.groups()))
        return found


def decoded(received: Received) -> str:
    """A received message's text: fakesmsc prints text as is, UCS-2 and UDH data URL-encoded."""
    if received.kind == "text":
        return received.data
    if received.kind in ("ucs2", "ucs-2"):
        return unquote_to_bytes(received.data.replace("+", " ")).decode("utf-16-be")  # form-encoded
    return received.data
