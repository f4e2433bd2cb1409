"""Every setting, declared once: type, default, description, and whether machine-wide policy may lock it.

`switchboard config check` and `switchboard config reference` (the README's table) are built from these
models. Sections are strict: unknown keys and wrong types are reported, never guessed at.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from app.config.base import SecretRef, Section
from directory.calendars.config import CalendarSettings
from directory.referrals.settings import ReferralSettings
from directory.sync.settings import LdapSourceConfig
from messaging.settings import MessagesSettings
from softphone.desk.settings import DeskSettings
from softphone.exchange.settings import ExchangeQueueSettings
from softphone.settings import SipSettings


class GeneralSettings(Section):
    language: Literal["", "en", "sv", "nb"] = Field(
        "", description="User-interface language: en, sv or nb; empty follows the operating system.")
    operator_name: str = Field(
        "", description="Who this console's referral changes are recorded as; empty: the login name.")
    theme: Literal["light", "dark", "high_contrast"] = Field(
        "light", description="Colours of the window: light, dark or high_contrast (text size: Ctrl+Plus/Minus).")
    layout: Literal["operator", "receptionist"] = Field(
        "operator", description="operator: the call lists in a column beside the directory; receptionist: compact, "
        "the phone with its caller card and the waiting list in a row above it, the other lists as tabs below.")


class StoreSettings(Section):
    url: str = Field(
        "", description="SQLAlchemy URL of the store; empty uses SQLite in the user data folder. "
                        "PostgreSQL: postgresql+psycopg://user@host/db (password via store.password); a server "
                        "not on this computer only with its certificate verified (a private CA: ?sslrootcert=PATH).")
    password: SecretRef | None = Field(None, description="Secret reference for the database password.")
    organisation: str = Field(
        "", max_length=100, description="This console's organisation: it reads and writes only that organisation's "
                                        "referrals, notes, call log and call-backs in a shared store.")


class DirectorySettings(Section):
    default_region: Literal["SE", "NO", "DK", "FI"] = Field(
        "SE", description="Country for phone numbers written without a country code.")
    result_limit: int = Field(50, ge=5, le=500, description="Most search results shown at once.")
    ldap: list[LdapSourceConfig] = Field(default_factory=list,
                                         description="LDAP/AD sources, one [[directory.ldap]] table each.")


class ConsoleDeskSettings(DeskSettings):
    """The operator desk: queue order, transfers coming back (declared by softphone.desk), and the console's
    own keys: closing with calls up, the call log, shortcuts."""

    hand_back_to: str = Field("", description="Number or SIP address calls still up are transferred to when the "
                              "console closes (a colleague or the exchange's queue); waiting callers go back "
                              "to the exchange as busy. Empty: they can only be ended.")
    call_log_retention_days: int = Field(90, ge=0, le=3650, description="Days the call log is kept; 0: for ever.")
    statistics_retention_days: int = Field(0, ge=0, le=36500, description="Days the hourly call statistics "
                                           "are kept (figures only, no callers); 0: for ever.")
    keys: dict[str, str] = Field(default_factory=dict, description="Key overrides by operation, e.g. "
                                 "answer_next = \"F2\".")
    services: dict[str, str] = Field(default_factory=dict, description="Names of the services the switchboard "
                                     "numbers reach, shown instead of the number dialled, e.g. "
                                     "{\"0196024000\" = \"Växeln\"}.")


class LoggingSettings(Section):
    level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field(
        "INFO", description="Log level of the rotating log file (no personal data at INFO).")


class PolicySettings(Section):
    locked: list[str] = Field(
        default_factory=list,
        description="Machine-wide file only: keys or whole sections users cannot override, "
                    "e.g. [\"store.url\", \"sip\"].")


class Settings(Section):
    general: GeneralSettings = GeneralSettings()
    store: StoreSettings = StoreSettings()
    directory: DirectorySettings = DirectorySettings()
    sip: SipSettings = SipSettings()
    referrals: ReferralSettings = ReferralSettings()
    calendars: CalendarSettings = CalendarSettings()
    desk: ConsoleDeskSettings = ConsoleDeskSettings()
    messages: MessagesSettings = MessagesSettings()
    exchange: ExchangeQueueSettings = ExchangeQueueSettings()
    logging: LoggingSettings = LoggingSettings()
    policy: PolicySettings = PolicySettings()
