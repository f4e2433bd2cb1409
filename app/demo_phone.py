"""The phone of `switchboard --demo`: a demo exchange (a separate pjsua2 process) that calls the console."""

from __future__ import annotations

import logging
import sys

from app.demo_exchange import ALARM_NUMBER, demo_lab_config
from app.demo_setup import DEMO_SEED
from directory.demo import generate
from softphone.demolab.process import DemoLab
from softphone.settings import AudioSettings, PhoneSettings

log = logging.getLogger(__name__)


def start_demo_exchange() -> tuple[DemoLab, PhoneSettings]:
    """Start the lab and return it with the console's account at its front door; raises DemoLabError."""
    command = [sys.executable, "--demo-lab"] if getattr(sys, "frozen", False) else None
    lab = DemoLab(demo_lab_config(generate(seed=DEMO_SEED), interval_s=20.0), command=command)
    lab.start()
    log.info("demo exchange started at %s", lab.frontdoor)
    return lab, PhoneSettings(lab.account_settings(), AudioSettings(null_device=True, codecs=("PCMU/8000",)))


DEMO_EMERGENCY_NUMBERS = (ALARM_NUMBER,)
