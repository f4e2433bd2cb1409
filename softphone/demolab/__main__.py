"""`python -m softphone.demolab '<LabConfig JSON>' | @FILE`: run the demo lab until stdin closes or says quit."""

import sys
from pathlib import Path

from softphone.demolab.config import LabConfig
from softphone.demolab.lab import run

text = sys.argv[1]
run(LabConfig.from_json(Path(text[1:]).read_text(encoding="utf-8") if text.startswith("@") else text))
