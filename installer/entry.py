"""The bundle's entry point: the `switchboard` command, plus `--bundle-selfcheck` for the bundle itself and
`--demo-lab @CONFIG` for the demo exchange process that `switchboard --demo` starts.

`switchboard --bundle-selfcheck` (first argument only) checks that the bundled native parts load; see
installer/selfcheck.py. It lives here, not in app/cli.py, because it only means something in a bundle.
"""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()  # the LDAP sync's worker processes are this executable too
    if sys.argv[1:2] == ["--bundle-selfcheck"]:
        from installer.selfcheck import main as selfcheck

        sys.exit(selfcheck())
    if sys.argv[1:2] == ["--demo-lab"]:  # the demo exchange's own process (a bundle has no `python -m`)
        from pathlib import Path

        from softphone.demolab.config import LabConfig
        from softphone.demolab.lab import run

        run(LabConfig.from_json(Path(sys.argv[2].removeprefix("@")).read_text(encoding="utf-8")))
        sys.exit(0)
    from app.cli.main import main

    sys.exit(main())
