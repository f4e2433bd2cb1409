"""What many consoles do per keystroke instead of an index: SQL LIKE on the store, or an LDAP search.

Both run against the same entries as the engine. Each keystroke's text is split into words and every
word must occur somewhere (AND of ORs over the displayed fields), 50 rows at most, as a console would.
"""

from __future__ import annotations

import base64
import os
import shutil
import signal
import subprocess
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from types import TracebackType
from typing import TextIO

from ldap3 import BASE, Connection, Server
from ldap3.utils.conv import escape_filter_chars
from sqlalchemy import text

from directory.model import Entry
from directory.search.folding import words
from directory.store import DirectoryRepository, Store, sqlite_url
from tests.helpers.processes import free_port, require_binary, tcp_open, wait_until

LIMIT = 50
_LIKE_COLUMNS = ("e.display_name", "e.title", "u.name", "e.location", "e.email", "e.keywords")


def _like(word: str) -> str:
    return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


class SqlBaseline:
    """The real store (directory.store) on SQLite, searched with LIKE '%word%' per keystroke."""

    def __init__(self, path: Path) -> None:
        self.store = Store(sqlite_url(path))
        self.store.migrate()

    def load(self, entries: Sequence[Entry]) -> float:
        start = time.perf_counter()
        # Streamed: the store inserts in batches, so a million entries are not copied all at once.
        DirectoryRepository(self.store).replace_source("demo", (replace(e, id=None) for e in entries))
        return time.perf_counter() - start

    def search(self, typed: str) -> list[int]:
        terms = words(typed)[:8]
        if not terms:
            return []
        clauses = []
        params: dict[str, str] = {}
        for i, term in enumerate(terms):
            params[f"t{i}"] = _like(term)
            fields = [f"{c} LIKE :t{i} ESCAPE '\\'" for c in _LIKE_COLUMNS]
            fields.append(f"EXISTS (SELECT 1 FROM phone_numbers p WHERE p.entry_id = e.id AND "
                          f"replace(replace(p.raw, ' ', ''), '-', '') LIKE :t{i} ESCAPE '\\')")
            clauses.append("(" + " OR ".join(fields) + ")")
        sql = ("SELECT e.id FROM directory_entries e LEFT JOIN org_units u ON u.id = e.unit_id "
               "WHERE e.removed_at IS NULL AND " + " AND ".join(clauses) +
               f" ORDER BY e.display_name LIMIT {LIMIT}")
        with self.store.engine.connect() as connection:
            return [row[0] for row in connection.execute(text(sql), params)]

    def close(self) -> None:
        self.store.dispose()


_SLAPD_CONF = """\
include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/nis.schema
include /etc/ldap/schema/inetorgperson.schema
pidfile {root}/slapd.pid
argsfile {root}/slapd.args
modulepath /usr/lib/ldap
moduleload back_mdb
sizelimit size.soft={limit} size.hard=unlimited
database mdb
suffix "dc=bench,dc=example"
rootdn "cn=admin,dc=bench,dc=example"
rootpw bench
directory {root}/db
maxsize 8589934592
dbnosync
index objectClass eq
index cn,sn,givenName,mail,title,ou,l,telephoneNumber eq,sub
"""
_BASE = "ou=people,dc=bench,dc=example"


def _write_ldif(entries: Sequence[Entry], out: TextIO) -> None:
    """The entries as LDIF, record by record (a million would be half a gigabyte as one string)."""
    def attr(name: str, value: str) -> str:
        if value.isascii() and not value.startswith((" ", ":", "<")):
            return f"{name}: {value}\n"
        return f"{name}:: {base64.b64encode(value.encode()).decode()}\n"

    out.write("dn: dc=bench,dc=example\nobjectClass: dcObject\nobjectClass: organization\no: bench\ndc: bench\n\n")
    out.write(f"dn: {_BASE}\nobjectClass: organizationalUnit\nou: people\n\n")
    for e in entries:
        block = [f"dn: uid={e.id},{_BASE}\n", "objectClass: inetOrgPerson\n", f"uid: {e.id}\n",
                 attr("cn", e.display_name), attr("sn", e.surname or e.display_name)]
        for name, value in (("givenName", e.given_name), ("title", e.title), ("ou", e.unit),
                            ("l", e.location), ("mail", e.email)):
            if value:
                block.append(attr(name, value))
        for number in e.numbers:
            block.append(attr("telephoneNumber", number.raw))
        out.write("".join(block) + "\n")


class LdapBaseline:
    """A private slapd (back_mdb, substring indexes) bulk-loaded with slapadd -q; one search a keystroke."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.proc: subprocess.Popen[bytes] | None = None
        self.connection: Connection | None = None

    def __enter__(self) -> LdapBaseline:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def load(self, entries: Sequence[Entry]) -> float:
        slapd, slapadd = require_binary("slapd"), require_binary("slapadd")
        (self.root / "db").mkdir(parents=True, exist_ok=True)
        conf = self.root / "slapd.conf"
        conf.write_text(_SLAPD_CONF.format(root=self.root, limit=LIMIT))
        ldif = self.root / "entries.ldif"
        with ldif.open("w", encoding="utf-8") as out:
            _write_ldif(entries, out)
        start = time.perf_counter()
        subprocess.run([slapadd, "-q", "-f", str(conf), "-l", str(ldif)], check=True, capture_output=True)
        load_s = time.perf_counter() - start
        port = free_port()
        self.proc = subprocess.Popen([slapd, "-h", f"ldap://127.0.0.1:{port}/", "-f", str(conf), "-d", "0"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                     start_new_session=True)
        wait_until(lambda: tcp_open(port), timeout=30)
        self.connection = Connection(Server(f"ldap://127.0.0.1:{port}"), "cn=admin,dc=bench,dc=example",
                                     "bench", auto_bind=True)
        self.connection.search("dc=bench,dc=example", "(objectClass=*)", BASE)
        return load_s

    def search(self, typed: str) -> int:
        assert self.connection is not None
        terms = [escape_filter_chars(t) for t in words(typed)[:8]]
        if not terms:
            return 0
        parts = ["(|" + "".join(f"({a}=*{t}*)" for a in ("cn", "title", "ou", "l", "mail", "telephoneNumber"))
                 + ")" for t in terms]
        self.connection.search(_BASE, "(&" + "".join(parts) + ")", attributes=["cn"], size_limit=LIMIT)
        return len(self.connection.entries)

    def close(self) -> None:
        if self.connection is not None:
            self.connection.unbind()
            self.connection = None
        if self.proc is not None:
            if self.proc.poll() is None:
                os.killpg(self.proc.pid, signal.SIGTERM)
            self.proc.wait(10)
            self.proc = None
        shutil.rmtree(self.root / "db", ignore_errors=True)
