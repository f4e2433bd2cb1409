"""From `[referrals]` to the referral service: codes merged over the defaults, zone, and who is acting."""

from __future__ import annotations

import getpass
import socket
from zoneinfo import ZoneInfo

from app.config.loader import Config, ConfigProblem
from directory.referrals import DEFAULT_CODES, CodeConfigError, ReferralCode, ReferralService, local_zone, merge_codes
from directory.store import Store
from directory.store.audit import Actor, ReferralLog


def referral_codes(config: Config) -> dict[str, ReferralCode]:
    """Raises CodeConfigError naming `referrals.codes.KEY.FIELD`."""
    configured = {key: table.model_dump(exclude_none=True) for key, table in config.settings.referrals.codes.items()}
    return merge_codes(DEFAULT_CODES, configured)


def operator_name(config: Config) -> str:
    return config.settings.general.operator_name or getpass.getuser()


def referral_service(config: Config, store: Store, *, language: str) -> ReferralService:
    """The console's service; bad codes or zone fall back to the defaults (config check names them)."""
    try:
        codes = referral_codes(config)
    except CodeConfigError:
        codes = dict(DEFAULT_CODES)
    return ReferralService(ReferralLog(store), codes, referral_zone(config),
                           Actor(operator_name(config), socket.gethostname()), language=language)


def referral_zone(config: Config) -> ZoneInfo:
    try:
        return local_zone(config.settings.referrals.time_zone)
    except ValueError:
        return local_zone()


def referral_problems(config: Config) -> list[ConfigProblem]:
    problems = []
    try:
        referral_codes(config)
    except CodeConfigError as error:
        problems.append(ConfigProblem(config.origin("referrals.codes"), "referrals.codes", str(error)))
    try:
        local_zone(config.settings.referrals.time_zone)
    except ValueError as error:
        problems.append(ConfigProblem(config.origin("referrals.time_zone"), "referrals.time_zone", str(error)))
    return problems
