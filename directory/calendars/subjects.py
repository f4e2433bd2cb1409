"""Referral codes written at the start of calendar subjects ("LUN: ...", "MÖT: ...") and what may be shown.

Nordic organisations already type these codes for their referral systems. `apply_rules` is the one place
a raw block from a provider is turned into what the console may keep: the code is read from the subject,
then the subject and location are dropped unless the source shares details, and always for private
events (private appointments show only as busy).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import lru_cache

from directory.calendars.model import BusyBlock, BusyStatus

DEFAULT_PREFIXES: Mapping[str, str] = {"LUN": "lunch", "MÖT": "meeting", "MØT": "meeting", "SEM": "vacation"}


@dataclass(frozen=True, slots=True)
class SubjectRules:
    """Which subject prefixes set which referral codes, and which events may refer at all.

    Prefixes are matched case-insensitively at the start of the subject, followed by a colon
    ("LUN:", "lun :"); configure them with or without the colon.
    """

    prefixes: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_PREFIXES))
    private_refers: bool = False
    all_day_refers: bool = True
    share_details: bool = False  # subject and location may be shown (the organisation's sharing allows it)

    def __post_init__(self) -> None:
        if any(not _clean(key) for key in self.prefixes):
            raise ValueError("an empty calendar subject prefix would match every subject")

    def code_in(self, subject: str) -> str | None:
        """The referral code a subject starts with, or None."""
        if not self.prefixes:
            return None
        pattern, codes = _compiled(tuple(sorted((_clean(k), v) for k, v in self.prefixes.items())))
        match = pattern.match(subject.casefold())
        return codes[match.group(1)] if match else None


def _clean(prefix: str) -> str:
    return prefix.strip().rstrip(":").strip().casefold()


@lru_cache(maxsize=32)
def _compiled(prefixes: tuple[tuple[str, str], ...]) -> tuple[re.Pattern[str], dict[str, str]]:
    # Longest first so "MÖTE" wins over "MÖT" when both are configured.
    alternatives = "|".join(re.escape(key) for key, _ in sorted(prefixes, key=lambda kv: len(kv[0]), reverse=True))
    return re.compile(rf"\s*({alternatives})\s*:"), dict(prefixes)


@dataclass(frozen=True, slots=True)
class ClassifiedBlock:
    """A block as the console may keep it, with the referral code its subject implies ("" for none)."""

    block: BusyBlock
    code: str = ""

    @property
    def start(self) -> datetime:
        return self.block.start

    @property
    def end(self) -> datetime:
        return self.block.end


def apply_rules(block: BusyBlock, rules: SubjectRules) -> ClassifiedBlock:
    code = ""
    if block.subject and block.status is not BusyStatus.FREE:
        may_refer = (rules.private_refers or not block.private) and (rules.all_day_refers or not block.all_day)
        code = (rules.code_in(block.subject) or "") if may_refer else ""
    if block.private:
        # Private appointments show only as busy: no subject, no location, no finer status.
        status = BusyStatus.FREE if block.status is BusyStatus.FREE else BusyStatus.BUSY
        block = replace(block, subject=None, location=None, status=status)
    elif not rules.share_details:
        block = replace(block, subject=None, location=None)
    return ClassifiedBlock(block, code)
