"""A private OpenLDAP slapd on loopback for integration tests and benchmarks.

Its own slapd.conf, mdb database and (optionally) TLS files live in a temp dir; the system service
is never touched. Load entries offline with `load` (slapadd, fast) before `start`, or online with
`ldapadd`/`ldapmodify`/`ldapdelete` once it runs.
"""

from __future__ import annotations

import base64
import subprocess
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from tests.helpers.processes import ManagedProcess, free_port, require_binary, tcp_open, wait_until

SCHEMA_DIR = Path("/etc/ldap/schema")
SCHEMAS = ("core", "cosine", "nis", "inetorgperson")
SUFFIX = "dc=example,dc=org"
ROOT_DN = f"cn=admin,{SUFFIX}"
ROOT_PASSWORD = "secret"
Attributes = Mapping[str, str | bytes | Sequence[str | bytes]]


@dataclass(frozen=True)
class TlsFiles:
    """Server certificate, key and the CA that signed them (PEM files)."""

    ca: Path
    cert: Path
    key: Path


def ldif_entry(dn: str, attributes: Attributes) -> str:
    """One LDIF record; non-ASCII, binary or leading-space values are base64 (``attr:: ...``)."""
    lines = [_ldif_line("dn", dn)]
    for name, value in attributes.items():
        values = [value] if isinstance(value, str | bytes) else list(value)
        lines += [_ldif_line(name, v) for v in values]
    return "\n".join(lines) + "\n\n"


def _ldif_line(name: str, value: str | bytes) -> str:
    raw = value.encode() if isinstance(value, str) else value
    safe = raw.isascii() and raw[:1] not in {b" ", b":", b"<"} and b"\n" not in raw and b"\r" not in raw
    if safe and isinstance(value, str):
        return f"{name}: {value}"
    return f"{name}:: {base64.b64encode(raw).decode()}"


class Slapd:
    """One slapd instance: `load` (offline), `start`, `stop`, and the ldap-utils for online changes."""

    def __init__(
        self,
        workdir: Path,
        *,
        tls: TlsFiles | None = None,
        indexes: Iterable[str] = (),
        schemas: Iterable[Path] = (),
    ) -> None:
        """``schemas``: extra schema files loaded after the standard ones; ``indexes``: extra
        ``index`` lines ("uSNChanged eq")."""
        self.workdir = workdir
        self.schemas = tuple(schemas)
        self.tls = tls
        self.port = free_port()
        self.tls_port = free_port() if tls else None
        self.data = workdir / "data"
        self.data.mkdir(parents=True, exist_ok=True)
        self.conf = workdir / "slapd.conf"
        self.conf.write_text(self._config(indexes))
        self.process: ManagedProcess | None = None

    @property
    def url(self) -> str:
        return f"ldap://127.0.0.1:{self.port}"

    @property
    def ldaps_url(self) -> str:
        assert self.tls_port is not None, "started without TLS files"
        return f"ldaps://127.0.0.1:{self.tls_port}"

    def _config(self, indexes: Iterable[str]) -> str:
        lines = [f"include {SCHEMA_DIR / name}.schema" for name in SCHEMAS]
        lines += [f"include {path}" for path in self.schemas]
        lines += [
            f"pidfile {self.workdir / 'slapd.pid'}",
            f"argsfile {self.workdir / 'slapd.args'}",
            "modulepath /usr/lib/ldap",
            "moduleload back_mdb",
            "sizelimit unlimited",
        ]
        if self.tls:
            lines += [
                f"TLSCACertificateFile {self.tls.ca}",
                f"TLSCertificateFile {self.tls.cert}",
                f"TLSCertificateKeyFile {self.tls.key}",
            ]
        lines += [
            "database mdb",
            f"suffix {SUFFIX}",
            f"rootdn {ROOT_DN}",
            f"rootpw {ROOT_PASSWORD}",
            f"directory {self.data}",
            "maxsize 1073741824",
            "dbnosync",
            # Without this a paged search stops at the soft size limit (FIELD-NOTES).
            "limits * size=unlimited size.prtotal=unlimited time=unlimited",
            "index objectClass eq",
            "index entryUUID eq",
            "index entryCSN eq",
            "index cn,sn,givenName,mail eq,sub",
            *(f"index {spec}" for spec in indexes),
        ]
        return "\n".join(lines) + "\n"

    def load(self, ldif: str) -> None:
        """Add entries offline (the server must be stopped); the suffix entry is added first."""
        assert self.process is None or not self.process.alive(), "slapadd needs slapd stopped"
        path = self.workdir / "load.ldif"
        path.write_text(ldif_entry(SUFFIX, {"objectClass": ["dcObject", "organization"], "dc": "example",
                                            "o": "Example"}) + ldif)
        self._run([require_binary("slapadd"), "-q", "-f", str(self.conf), "-l", str(path)])

    def start(self) -> None:
        urls = [f"{self.url}/"]
        if self.tls_port:
            urls.append(f"{self.ldaps_url}/")
        self.process = ManagedProcess(
            [require_binary("slapd"), "-h", " ".join(urls), "-f", str(self.conf), "-d", "0"],
            log=self.workdir / "slapd.log",
        )
        try:
            wait_until(lambda: tcp_open(self.port) or not self._alive(), timeout=10)
            if not self._alive():
                raise RuntimeError(f"slapd exited: {self.process.output()}")
        except BaseException:
            self.stop()
            raise

    def _alive(self) -> bool:
        return self.process is not None and self.process.alive()

    def stop(self) -> None:
        if self.process is not None:
            self.process.stop()

    def kill(self) -> None:
        """Kill at once (SIGKILL), as a crash or a pulled cable would; the process is reaped."""
        if self.process is not None:
            self.process.proc.kill()
            self.process.stop()

    def _run(self, argv: list[str], stdin: str | None = None) -> str:
        done = subprocess.run(argv, input=stdin, capture_output=True, text=True, timeout=60, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(argv[:1])} failed ({done.returncode}): {done.stderr}{done.stdout}")
        return done.stdout

    def _client(self, tool: str, *extra: str) -> list[str]:
        return [require_binary(tool), "-x", "-H", self.url, "-D", ROOT_DN, "-w", ROOT_PASSWORD, *extra]

    def add(self, ldif: str) -> None:
        self._run(self._client("ldapadd"), ldif)

    def modify(self, ldif: str) -> None:
        """Apply LDIF change records (changetype: modify / modrdn / delete ...)."""
        self._run(self._client("ldapmodify"), ldif)

    def delete(self, *dns: str) -> None:
        self._run(self._client("ldapdelete", *dns))
