"""Kamailio with the presence modules (dialog event package) on loopback, for busy-lamp tests."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.helpers.kamailio import Kamailio
from tests.helpers.processes import ManagedProcess, wait_until

CONFIG = Path(__file__).resolve().parents[1] / "integration" / "softphone" / "kamailio_presence.cfg"
DBTEXT = Path("/usr/share/kamailio/dbtext/kamailio")


class PresenceKamailio(Kamailio):
    """Like `Kamailio` (users N / "pwN"), plus PUBLISH/SUBSCRIBE for `Event: dialog`; SUBSCRIBE needs
    digest credentials (407)."""

    def start(self) -> None:
        self._runs += 1
        rundir = self.workdir / f"run{self._runs}"
        tables = rundir / "dbtext"
        shutil.copytree(DBTEXT, tables)
        argv = [self.binary, "-DD", "-E", "-f", str(CONFIG), "-P", str(rundir / "kamailio.pid"),
                "-Y", str(rundir), "-w", str(rundir), "-m", "32", "-M", "4",
                "-A", f'DBURL="text://{tables}"', "-A", f'SELF="sip:{self.hostport}"',
                "-l", f"udp:{self.hostport}", "-l", f"tcp:{self.hostport}"]
        self.process = ManagedProcess(argv, log=rundir / "kamailio.log")
        wait_until(lambda: self._listening() or not self.process_alive(), timeout=10)
        if not self.process_alive():
            raise RuntimeError(f"kamailio did not start:\n{self.process.output()}")
