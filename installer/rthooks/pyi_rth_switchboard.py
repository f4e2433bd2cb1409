"""Runtime hook: runs in the frozen bundle before the entry point."""

import os
import sys

# The bundle never needs the network to start; pip/site-packages of the machine must not leak in either.
os.environ.pop("PYTHONPATH", None)
# pjsua2 loads the bundled libcrypto by globbing next to its package; PyInstaller keeps that layout
# (pjsua2_python.libs/ beside pjsua2/), see installer/README.md. Nothing else to set up: the Qt hook
# points Qt at the bundled plugins.
sys.dont_write_bytecode = True
