"""LDAP sync at directory scale against a private slapd, with `ldapsearch` (and python-ldap) as baselines.

    python -m benchmarks.ldap_sync_bench                  # 100,000 entries
    python -m benchmarks.ldap_sync_bench --entries 20000

Builds the demo directory (directory.demo), bulk-loads it into a private slapd with ``slapadd -q``
(tests/helpers/slapd.py), then in the same run measures: a paged ``ldapsearch`` dump of the same
attributes to /dev/null (the baseline), a python-ldap paged search when python-ldap is importable,
our full sync into a fresh SQLite store (time and peak RSS), a re-sync with nothing changed, and an
incremental sync after 100 ``ldapmodify`` changes (with the id-only deletion check; the second of
two rounds, see main). Each sync runs in its own child process so its peak RSS is its own; the
memory of the sync's worker processes is sampled with it (PSS of the whole process tree), and the
one-off cost of starting them is reported apart. Prints figures and ratios; no assertions
(targets: full sync <= 10 s at 100,000 entries, incremental of 100 changes <= 2 s).
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from directory.demo import generate
from directory.model import Entry, NumberKind
from directory.store import Store, sqlite_url
from directory.sync import LdapSourceSettings, sync_source
from directory.sync.worker import start_workers
from tests.helpers.slapd import ROOT_DN, ROOT_PASSWORD, SUFFIX, Slapd, ldif_entry

PEOPLE_BASE = f"ou=people,{SUFFIX}"
PAGE_SIZE = 500
CHANGES = 100
_NUMBER_ATTRIBUTE = {NumberKind.MOBILE: "mobile", NumberKind.PAGER: "pager"}


def _settings(url: str) -> LdapSourceSettings:
    return LdapSourceSettings(
        name="bench", urls=(url,), base_dns=(SUFFIX,), bind_dn=ROOT_DN, password=ROOT_PASSWORD,
        page_size=PAGE_SIZE, timeout=30.0, deletion_check_interval=0.0,
    )


def _uid(i: int) -> str:
    return f"p{i:07d}"


def entries_ldif(entries: Sequence[Entry]) -> str:
    out = [ldif_entry(PEOPLE_BASE, {"objectClass": "organizationalUnit", "ou": "people"})]
    for i, e in enumerate(entries):
        attrs: dict[str, str | list[str | bytes]] = {
            "objectClass": "inetOrgPerson", "uid": _uid(i), "cn": e.display_name,
            "sn": e.surname or e.display_name,
        }
        for name, value in (("displayName", e.display_name), ("givenName", e.given_name), ("title", e.title),
                            ("l", e.location), ("mail", e.email), ("description", e.description)):
            if value:
                attrs[name] = value
        if e.unit_path:
            attrs["ou"] = e.unit_path[-1]
        for number in e.numbers:
            name = _NUMBER_ATTRIBUTE.get(number.kind, "telephoneNumber")
            values = attrs.setdefault(name, [])
            assert isinstance(values, list)
            values.append(number.raw)
        out.append(ldif_entry(f"uid={_uid(i)},{PEOPLE_BASE}", attrs))
    return "".join(out)


def changes_ldif(count: int, total: int, round_: int = 0) -> str:
    step = max(1, total // count)
    first = round_ % step  # each round changes other entries
    return "".join(
        f"dn: uid={_uid(i)},{PEOPLE_BASE}\nchangetype: modify\nreplace: title\ntitle: Bench title {round_} {i}\n\n"
        for i in range(first, first + step * count, step)
        if i < total
    )


def time_ldapsearch(url: str, attributes: Sequence[str], filter_: str) -> float:
    argv = ["ldapsearch", "-x", "-LLL", "-H", url, "-D", ROOT_DN, "-w", ROOT_PASSWORD, "-b", SUFFIX,
            "-E", f"pr={PAGE_SIZE}/noprompt", filter_, *attributes]
    started = time.perf_counter()
    with open("/dev/null", "wb") as sink:
        subprocess.run(argv, stdout=sink, check=True)
    return time.perf_counter() - started


def time_python_ldap(url: str, attributes: Sequence[str], filter_: str) -> tuple[float | None, str]:
    try:
        # Optional C baseline, not a project dependency: imported by name so it may be absent.
        ldap: Any = importlib.import_module("ldap")
        paged: Any = importlib.import_module("ldap.controls").SimplePagedResultsControl
    except ImportError as exc:
        return None, f"python-ldap not importable ({exc})"
    started = time.perf_counter()
    conn = ldap.initialize(url)
    conn.simple_bind_s(ROOT_DN, ROOT_PASSWORD)
    control = paged(True, size=PAGE_SIZE, cookie="")
    count = 0
    while True:
        msgid = conn.search_ext(SUFFIX, ldap.SCOPE_SUBTREE, filter_, list(attributes), serverctrls=[control])
        _type, data, _msgid, controls = conn.result3(msgid)
        count += len(data)
        cookie = next((c.cookie for c in controls if c.controlType == paged.controlType), b"")
        if not cookie:
            break
        control.cookie = cookie
    conn.unbind_s()
    return time.perf_counter() - started, f"{count} entries"


def _worker(url: str, db: Path, full: bool) -> None:
    """One sync in this (child) process; prints its figures as JSON."""
    store = Store.open(sqlite_url(db))
    started = time.perf_counter()
    start_workers()  # once per process: the console's first sync (or a CLI sync) pays this, later ones do not
    warm_up = time.perf_counter() - started
    started = time.perf_counter()
    summary = sync_source(store, _settings(url), full=full)
    elapsed = time.perf_counter() - started
    store.dispose()
    print(json.dumps({
        "seconds": elapsed, "start_s": warm_up,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "records": summary.records, "added": summary.added, "updated": summary.updated,
        "removed": summary.removed, "skipped": summary.skipped_count, "full": summary.full,
    }))


def _tree_pss_mb(pid: int) -> float:
    """Memory of a process and all its descendants (Linux /proc), in MB: proportional set sizes, so
    the pages forked workers share with their forkserver count once."""
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        try:
            status = Path(f"/proc/{current}/smaps_rollup").read_text()
            for task in Path(f"/proc/{current}/task").iterdir():
                pending += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
        total += next((int(line.split()[1]) for line in status.splitlines() if line.startswith("Pss:")), 0)
    return total / 1024


def run_sync(url: str, db: Path, *, full: bool) -> dict[str, float]:
    argv = [sys.executable, "-m", "benchmarks.ldap_sync_bench", "--worker", url, str(db)]
    if full:
        argv.append("--full")
    peak = 0.0
    with subprocess.Popen(argv, stdout=subprocess.PIPE, text=True) as process:
        # The sync's worker processes are the benchmark worker's descendants: sample the whole tree,
        # rarely: reading smaps_rollup walks page tables, and every 20 ms it slowed the sync by 20%.
        while process.poll() is None:
            peak = max(peak, _tree_pss_mb(process.pid))
            time.sleep(0.5)
        output = process.stdout.read() if process.stdout else ""
    if process.returncode:
        raise subprocess.CalledProcessError(process.returncode, argv, output)
    result: dict[str, float] = json.loads(output.strip().splitlines()[-1])
    result["tree_peak_mb"] = peak
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--worker", nargs=2, metavar=("URL", "DB"), help=argparse.SUPPRESS)
    parser.add_argument("--full", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        _worker(args.worker[0], Path(args.worker[1]), args.full)
        return 0

    n = args.entries
    started = time.perf_counter()
    entries = generate(people=max(0, n - 150), units=min(150, n)).entries[:n]
    print(f"generated {len(entries):,} demo entries in {time.perf_counter() - started:.1f} s")
    settings = _settings("ldap://unused")
    attributes, filter_ = settings.mapping().requested(), settings.people_filter
    with tempfile.TemporaryDirectory(prefix="ldap-sync-bench-") as tmp:
        root = Path(tmp)
        slapd = Slapd(root / "slapd")
        started = time.perf_counter()
        slapd.load(entries_ldif(entries))
        print(f"slapadd -q loaded them in {time.perf_counter() - started:.1f} s")
        del entries
        slapd.start()
        try:
            url = slapd.url
            base = time_ldapsearch(url, attributes, filter_)
            c_time, c_note = time_python_ldap(url, attributes, filter_)
            db = root / "store.db"
            full = run_sync(url, db, full=True)
            resync = run_sync(url, db, full=True)
            # modifyTimestamp has one-second resolution and an incremental sync re-reads its cursor's
            # second: a first round moves the cursor past the bulk load's last second (thousands of
            # entries), so the measured round reads its 100 changes and the previous round's 100.
            for round_ in (1, 2):
                time.sleep(1.1)
                slapd.modify(changes_ldif(CHANGES, n, round_))
                incremental = run_sync(url, db, full=False)
        finally:
            slapd.stop()

    def ratio(seconds: float) -> str:
        text = f"{seconds / base:5.1f}x ldapsearch"
        if c_time:
            text += f", {seconds / c_time:5.1f}x python-ldap"
        return text

    print(f"\n{n:,} entries, page size {PAGE_SIZE}, attributes: {' '.join(attributes)}")
    print(f"  ldapsearch paged to /dev/null   {base:7.2f} s")
    if c_time is None:
        print(f"  python-ldap paged search        skipped: {c_note}")
    else:
        print(f"  python-ldap paged search        {c_time:7.2f} s  ({c_note}; {c_time / base:.1f}x ldapsearch)")
    for label, figures in (("full sync, fresh store", full), ("re-sync, nothing changed", resync),
                           (f"incremental, {CHANGES} changes + deletion check", incremental)):
        print(f"  {label:<44} {figures['seconds']:7.2f} s  peak {figures['peak_mb']:5.0f} MB  "
              f"({ratio(figures['seconds'])}; records {figures['records']:.0f}, added {figures['added']:.0f}, "
              f"updated {figures['updated']:.0f}, removed {figures['removed']:.0f}; all processes of the sync: "
              f"peak {figures['tree_peak_mb']:.0f} MB PSS sampled; starting the workers: {figures['start_s']:.2f} s, "
              "once per process)")
    load = os.getloadavg()
    print(f"  load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} (2 cores shared with other work: compare ratios)")
    print("  targets: full sync <= 10 s at 100,000 entries; incremental of 100 changes <= 2 s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
