"""Running Kamailio on a rendered exchange configuration, on a private runtime folder: the command line
shared by `switchboard exchange run`, the demo's private queue and the tests."""

from __future__ import annotations

import shutil
import socket
from pathlib import Path


def kamailio_binary() -> Path | None:
    """Kamailio's executable (Debian puts it in /usr/sbin, often not on a user's PATH); None if absent."""
    found = shutil.which("kamailio") or "/usr/sbin/kamailio"
    return Path(found) if Path(found).exists() else None


def stunnel_binary() -> Path | None:
    """stunnel's executable (Debian stunnel4: /usr/bin/stunnel4), which carries the event stream over TLS."""
    for name in ("stunnel4", "stunnel"):
        found = shutil.which(name) or f"/usr/bin/{name}"
        if Path(found).exists():
            return Path(found)
    return None


def kamailio_command(binary: Path, cfg: Path, folder: Path) -> list[str]:
    """In the foreground (-DD), logging to stderr (-E), its pid and work files in `folder`, small shared and
    private memory (the queue holds JSON records, not media)."""
    return [str(binary), "-DD", "-E", "-f", str(cfg), "-P", str(folder / "kamailio.pid"), "-Y", str(folder),
            "-w", str(folder), "-m", "64", "-M", "8"]


def accepting(hostport: str) -> bool:
    """Something accepts TCP connections at host:port (the API and the event stream, once Kamailio is up)."""
    host, _, port = hostport.rpartition(":")
    try:
        with socket.create_connection((host, int(port)), timeout=0.2):
            return True
    except OSError:
        return False


def free_loopback_port() -> int:
    """A port on 127.0.0.1 free a moment ago for both TCP and UDP (SIP listens on both)."""
    while True:
        with socket.socket() as tcp:
            tcp.bind(("127.0.0.1", 0))
            port = int(tcp.getsockname()[1])
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
            try:
                udp.bind(("127.0.0.1", port))
            except OSError:
                continue
        return port
