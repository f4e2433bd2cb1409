"""`python -m softphone.demolab '<LabConfig JSON>'`: run the demo lab until stdin closes or says quit."""

import sys

from softphone.demolab.config import LabConfig
from softphone.demolab.lab import run

run(LabConfig.from_json(sys.argv[1]))
