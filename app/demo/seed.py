"""Filling the demo database through the same import path users use, with referrals relative to now."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from directory.demo import SOURCE, generate
from directory.model import Referral
from directory.store import AnnotationRepository, DirectoryRepository
from directory.store.audit import Actor, ReferralLog

DEMO_SEED = 2026
_DEMO = Actor("demo", "demo")  # the seeded referrals' author in the audit trail


def _on_the_quarter(referral: Referral, now: datetime) -> Referral:
    """People say "back at 13:15", not "back at 13:07"; after a day away, "back at 08:00"."""
    if referral.until is None:
        return referral
    until = referral.until.astimezone().replace(second=0, microsecond=0)  # the console's local time
    if until - now > timedelta(hours=20):
        until = until.replace(hour=8, minute=0)
    until += timedelta(minutes=-until.minute % 15)
    return replace(referral, until=until.astimezone(UTC))


def ensure_demo_directory(directory: DirectoryRepository, annotations: AnnotationRepository,
                          referrals: ReferralLog, now: datetime | None = None) -> None:
    """Bring the demo database up to the generator (a no-op when unchanged) and keep referrals current.

    Generating takes ~0.1 s and unchanged entries are skipped by fingerprint, so doing it at every start
    is cheaper than tracking generator versions.
    """
    now = now or datetime.now(UTC)
    demo = generate(seed=DEMO_SEED)
    fresh = directory.sync_cursor(SOURCE) is None
    directory.replace_source(SOURCE, demo.entries, kind="demo", cursor=f"seed-{DEMO_SEED}")
    ids = {entry.external_id: entry.id for entry in directory.load_entries() if entry.source == SOURCE}
    if not any(r.set_by == "demo" for r in referrals.everyone_in_force(now).values()):
        for seed in demo.referrals:
            if (entry_id := ids.get(seed.external_id)) is not None:
                referrals.set(_on_the_quarter(seed.to_referral(entry_id, now), now), _DEMO, now)
    if fresh:
        annotations.add_notes(n.to_note(entry_id, now) for n in demo.notes
                              if (entry_id := ids.get(n.external_id)) is not None)
