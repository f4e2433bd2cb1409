"""The phone of `switchboard --demo`: callers wait at a private exchange queue (Kamailio) when it can run
here, else a demo exchange (a separate pjsua2 process) rings the console's own line, as before."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.demo.exchange import ALARM_NUMBER, DEMO_AUDIO, demo_lab_config, demo_services
from app.demo.queue import DemoQueueError, start_demo_queue
from app.demo.seed import DEMO_SEED
from directory.demo import generate
from directory.store import Store, sqlite_url
from softphone.demolab.process import DemoLab
from softphone.exchange.client import ExchangeClient
from softphone.settings import PhoneSettings

log = logging.getLogger(__name__)
DEMO_EMERGENCY_NUMBERS = (ALARM_NUMBER,)


@dataclass(frozen=True)
class DemoPhone:
    """The console's account in the demo, where its calls are handed back to on closing (the organisation's
    switchboard number), the names of the services callers dial, the queue client (None: the local line),
    why there is no queue (empty when there is one) and how to stop it all."""

    settings: PhoneSettings
    hand_back_to: str
    services: dict[str, str]
    queue: ExchangeClient | None
    no_queue_because: str
    stop: Callable[[], None]


def _lab_command() -> list[str] | None:
    return [sys.executable, "--demo-lab"] if getattr(sys, "frozen", False) else None


def start_demo_phone(database: Path | None = None, *, queue_interval_s: float = 12.0) -> DemoPhone:
    """The private queue if Kamailio runs here, else the local line. Raises DemoLabError when neither starts.
    `database`: the demo store (SQLite), where the queue records its callers so statistics count them;
    `queue_interval_s`: how often a new caller joins the queue."""
    records_url = ""
    if database is not None:  # Kamailio writes into our table from the first caller: the schema first
        database.parent.mkdir(parents=True, exist_ok=True)
        Store.open(sqlite_url(database)).dispose()
        records_url = f"sqlite:///{database.resolve()}"
    demo = generate(seed=DEMO_SEED)
    config = demo_lab_config(demo, interval_s=20.0)  # the local line's pace; the queue's labs set their own
    hand_back_to = config.callers[0].dialled
    services = demo_services(demo)
    try:
        queue = start_demo_queue(config, services, records_url, _lab_command(), interval_s=queue_interval_s)
    except DemoQueueError as error:
        log.info("demo: no private exchange queue (%s); callers ring this console's own line", error)
        reason = str(error)
    else:
        return DemoPhone(queue.phone, hand_back_to, services, queue.client, "", queue.stop)
    lab = DemoLab(config, command=_lab_command())
    lab.start()
    log.info("demo exchange started at %s", lab.frontdoor)
    settings = PhoneSettings(lab.account_settings(), DEMO_AUDIO)
    return DemoPhone(settings, hand_back_to, services, None, reason, lab.stop)
