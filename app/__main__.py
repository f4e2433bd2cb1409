import sys

from app.cli.main import main

# Guarded: multiprocessing's forkserver (the LDAP sync's workers) imports the main module again.
if __name__ == "__main__":
    sys.exit(main())
