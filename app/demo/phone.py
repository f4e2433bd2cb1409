"""The phone of `switchboard --demo`: a demo exchange (a separate pjsua2 process) that calls the console."""

from __future__ import annotations

import logging
import sys

from app.demo.exchange import ALARM_NUMBER, demo_lab_config, demo_services
from app.demo.seed import DEMO_SEED
from directory.demo import generate
from softphone.demolab.process import DemoLab
from softphone.settings import AudioSettings, PhoneSettings

log = logging.getLogger(__name__)


def start_demo_exchange() -> tuple[DemoLab, PhoneSettings, str, dict[str, str]]:
    """Start the lab; returns it, the console's account at its front door, the number calls are
    handed back to on closing (the organisation's switchboard, which the lab answers) and the names of the
    services callers dial. Raises DemoLabError."""
    command = [sys.executable, "--demo-lab"] if getattr(sys, "frozen", False) else None
    demo = generate(seed=DEMO_SEED)
    config = demo_lab_config(demo, interval_s=20.0)
    lab = DemoLab(config, command=command)
    lab.start()
    log.info("demo exchange started at %s", lab.frontdoor)
    settings = PhoneSettings(lab.account_settings(), AudioSettings(null_device=True, codecs=("PCMU/8000",)))
    return lab, settings, config.callers[0].dialled, demo_services(demo)


DEMO_EMERGENCY_NUMBERS = (ALARM_NUMBER,)
