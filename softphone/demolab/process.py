"""Starting and driving the demo lab process from the console (or a test): `DemoLab`.

The lab is its own process because pjsua2 allows one endpoint per process. Events arrive on a reader
thread (plain Python) and are kept for `find`/`wait`; the console's phone settings for the lab come
from `account_settings`.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import IO, Any

from softphone.demolab.config import LabConfig
from softphone.settings import AccountSettings, Transport

_PREFIX = "@@"


class DemoLabError(RuntimeError):
    """The lab did not start or said no."""


class DemoLab:
    def __init__(self, config: LabConfig, *, log: Path | None = None, command: list[str] | None = None) -> None:
        """`command` starts the lab given one more argument, "@CONFIG_FILE"; by default this Python with
        `-m softphone.demolab`. A frozen bundle has no `-m`: pass its own entry point instead."""
        self.config = config
        self._command = command or [sys.executable, "-m", "softphone.demolab"]
        self._log_path = log
        self.proc: subprocess.Popen[str] | None = None
        self.events: list[dict[str, Any]] = []
        self._queue: queue.Queue[dict[str, Any]] = queue.Queue()
        self._log: IO[str] | None = None
        self._reader: threading.Thread | None = None
        self.frontdoor = ""
        self.port = 0  # where the lab's own account takes calls for its extensions
        self._config_file: Path | None = None

    def start(self, timeout: float = 10.0) -> None:
        root = Path(__file__).resolve().parents[2]
        self._log = self._log_path.open("w") if self._log_path else None
        # a file, not argv: a demo organisation's extensions can outgrow an argument's size limit
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as config:
            config.write(self.config.to_json())
        self._config_file = Path(config.name)
        self.proc = subprocess.Popen(
            [*self._command, f"@{self._config_file}"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._log or subprocess.DEVNULL, text=True,
            cwd=root, start_new_session=True, env={**os.environ, "PYTHONPATH": str(root)})
        self._reader = threading.Thread(target=self._read, name="demolab-reader", daemon=True)
        self._reader.start()
        ready = self.wait("ready", timeout)
        self.frontdoor, self.port = str(ready["frontdoor"]), int(ready["lab"])

    def _read(self) -> None:
        stdout = self.proc.stdout if self.proc is not None else None
        if stdout is None:
            return
        for line in stdout:
            if self._log is not None:
                self._log.write(line)
            if line.startswith(_PREFIX):
                self._queue.put(json.loads(line[len(_PREFIX):]))

    def drain(self) -> list[dict[str, Any]]:
        with contextlib.suppress(queue.Empty):
            while True:
                self.events.append(self._queue.get_nowait())
        return self.events

    def find(self, event: str, after: int = 0, **fields: Any) -> dict[str, Any] | None:
        for item in self.drain()[after:]:
            if item.get("event") == event and all(item.get(k) == v for k, v in fields.items()):
                return item
        return None

    def wait(self, event: str, timeout: float = 10.0, after: int = 0, **fields: Any) -> dict[str, Any]:
        """Block for an event (only for a caller that need not pump a phone meanwhile, e.g. start)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.find(event, after, **fields)
            if found is not None:
                return found
            if self.proc is not None and self.proc.poll() is not None:
                raise DemoLabError(f"the demo lab exited with {self.proc.returncode}")
            time.sleep(0.01)
        raise DemoLabError(f"the demo lab never sent {event} {fields}")

    def send(self, cmd: str, **args: Any) -> None:
        if self.proc is None or self.proc.stdin is None:
            raise DemoLabError("the demo lab is not running")
        self.proc.stdin.write(json.dumps({"cmd": cmd, **args}) + "\n")
        self.proc.stdin.flush()

    def account_settings(self, **overrides: Any) -> AccountSettings:
        """The console's account at the lab's front door (no password: the front door asks none)."""
        fields: dict[str, Any] = {
            "user": self.config.operator, "domain": self.frontdoor, "registrar": self.frontdoor,
            "bind_address": "127.0.0.1", "transport": Transport.UDP, "register_expiry": 300}
        fields.update(overrides)
        return AccountSettings(**fields)

    def stop(self) -> None:
        proc = self.proc
        if proc is None:
            return
        if proc.poll() is None:
            with contextlib.suppress(BrokenPipeError, OSError):
                self.send("quit")
            try:
                proc.wait(3)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(3)
        if self._reader is not None:
            self._reader.join(3)
        for pipe in (proc.stdin, proc.stdout):
            if pipe is not None:
                with contextlib.suppress(OSError):
                    pipe.close()
        if self._log is not None:
            self._log.close()
        if self._config_file is not None:
            self._config_file.unlink(missing_ok=True)
        self.proc = None
