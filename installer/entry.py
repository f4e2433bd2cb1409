"""The bundle's entry point: the `switchboard` command, plus `--bundle-selfcheck` for the bundle itself.

`switchboard --bundle-selfcheck` (first argument only) checks that the bundled native parts load; see
installer/selfcheck.py. It lives here, not in app/cli.py, because it only means something in a bundle.
"""

import sys

if __name__ == "__main__":
    if sys.argv[1:2] == ["--bundle-selfcheck"]:
        from installer.selfcheck import main as selfcheck

        sys.exit(selfcheck())
    from app.cli import main

    sys.exit(main())
