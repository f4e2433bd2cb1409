"""The phone of `switchboard --demo`: a demo exchange (a separate pjsua2 process) that calls the console."""

from __future__ import annotations

import logging
import sys

from app.demo.exchange import ALARM_NUMBER, demo_lab_config
from app.demo.seed import DEMO_SEED
from directory.demo import generate
from softphone.demolab.process import DemoLab
from softphone.settings import AudioSettings, PhoneSettings

log = logging.getLogger(__name__)


def start_demo_exchange() -> tuple[DemoLab, PhoneSettings, str]:
    """Start the lab; returns it, the console's account at its front door, and the number calls are
    handed back to on closing (the organisation's switchboard, which the lab answers). Raises DemoLabError."""
    command = [sys.executable, "--demo-lab"] if getattr(sys, "frozen", False) else None
    config = demo_lab_config(generate(seed=DEMO_SEED), interval_s=20.0)
    lab = DemoLab(config, command=command)
    lab.start()
    log.info("demo exchange started at %s", lab.frontdoor)
    settings = PhoneSettings(lab.account_settings(), AudioSettings(null_device=True, codecs=("PCMU/8000",)))
    return lab, settings, config.callers[0].dialled


DEMO_EMERGENCY_NUMBERS = (ALARM_NUMBER,)
