"""Every setting, declared once: type, default, description, and whether machine-wide policy may lock it.

`switchboard config check` and `switchboard config reference` (the README's table) are built from these
models. Sections are strict: unknown keys and wrong types are reported, never guessed at.
"""

from __future__ import annotations

from datetime import time
from typing import Literal

from pydantic import Field

from app.config.base import SecretRef, Section
from directory.calendars.config import CalendarSettings
from directory.sync.settings import LdapSourceConfig
from softphone.desk.settings import DeskSettings


class GeneralSettings(Section):
    language: Literal["", "en", "sv", "nb"] = Field(
        "", description="User-interface language: en, sv or nb; empty follows the operating system.")
    operator_name: str = Field(
        "", description="Who this console's referral changes are recorded as; empty: the login name.")


class StoreSettings(Section):
    url: str = Field(
        "", description="SQLAlchemy URL of the store; empty uses SQLite in the user data folder. "
                        "PostgreSQL: postgresql+psycopg://user@host/db (password via store.password).")
    password: SecretRef | None = Field(None, description="Secret reference for the database password.")


class DirectorySettings(Section):
    default_region: Literal["SE", "NO", "DK", "FI"] = Field(
        "SE", description="Country for phone numbers written without a country code.")
    result_limit: int = Field(50, ge=5, le=500, description="Most search results shown at once.")
    ldap: list[LdapSourceConfig] = Field(default_factory=list,
                                         description="LDAP/AD sources, one [[directory.ldap]] table each.")


class SipAudioSettings(Section):
    null_device: bool = Field(False, description="Use no sound hardware (servers, tests, machines without audio).")
    headset_input: str = Field("", description="Headset microphone device name; empty: the default device.")
    headset_output: str = Field("", description="Headset earpiece device name; empty: the default device.")
    ringer_output: str = Field("", description="Device the ring tone plays on (e.g. desk speakers); "
                                                "empty: the headset.")
    ring_tone: bool = Field(True, description="Play a ring tone for incoming calls.")
    ring_volume: float = Field(0.8, ge=0.0, le=1.0, description="Ring tone volume, 0.0 to 1.0.")
    speaker_volume: float = Field(1.0, ge=0.0, le=2.0, description="Earpiece volume, 0.0 to 2.0.")
    microphone_volume: float = Field(1.0, ge=0.0, le=2.0, description="Microphone level, 0.0 to 2.0.")
    codecs: list[str] = Field(default_factory=list, description="Allowed codecs in order, e.g. [\"PCMA/8000\"]; "
                                                                  "empty: all.")


class SipSettings(Section):
    """The console's own phone line. The phone starts when user and registrar are set."""

    user: str = Field("", description="SIP user (extension) of the console's account.")
    domain: str = Field("", description="Domain of the address of record; empty: the registrar's host.")
    registrar: str = Field("", description="Registrar as host[:port].")
    secondary_registrar: str = Field("", description="Failover registrar as host[:port]; empty: none.")
    outbound_proxy: str = Field("", description="Proxy every request goes through, host[:port]; "
                                                "empty: the active registrar.")
    auth_user: str = Field("", description="Digest user name when it differs from user.")
    password: SecretRef | None = Field(None, description="Secret reference for the SIP digest password.")
    display_name: str = Field("", description="Our display name in outgoing calls.")
    transport: Literal["udp", "tcp", "tls"] = Field(
        "udp", description="SIP transport. TLS uses the OpenSSL 1.0.2 bundled with pjsua2 (out of support).")
    tls_verify_server: bool = Field(True, description="Verify the registrar's TLS certificate and host name.")
    tls_ca_file: str = Field("", description="CA bundle (PEM) for TLS; empty: the system bundle.")
    srtp: Literal["off", "optional", "mandatory"] = Field("off", description="Encrypt media with SRTP.")
    local_port: int = Field(0, ge=0, le=65535, description="Local SIP port; 0: any free port.")
    bind_address: str = Field("", description="Local IP address for SIP and media; empty: all interfaces.")
    register_expiry: int = Field(300, ge=30, le=86400, description="Registration lifetime in seconds.")
    keepalive_interval: int = Field(15, ge=0, le=3600, description="Seconds between keep-alives (over UDP an "
                                    "OPTIONS ping; two missed mean the line is down); 0: off.")
    rtp_timeout: float = Field(30.0, ge=0, description="End a call after this many seconds without audio; 0: never.")
    dtmf_method: Literal["rfc4733", "sip_info"] = Field("rfc4733", description="How key presses are sent.")
    audio: SipAudioSettings = SipAudioSettings()


class ReferralTextSettings(Section):
    sv: str | None = Field(None, description="Swedish.")
    nb: str | None = Field(None, description="Norwegian Bokmål.")
    en: str | None = Field(None, description="English.")


class ReferralCodeSettings(Section):
    """One `[referrals.codes.KEY]` table: only the fields given change the built-in code; a new KEY adds one."""

    label: ReferralTextSettings | str | None = Field(None, description="What the operator sees, per language.")
    caller: ReferralTextSettings | str | None = Field(
        None, description="What the caller hears after the name (\"is at lunch\"), per language.")
    return_required: bool | None = Field(None, description="The operator must give a return time.")
    default_end: Literal["minutes", "next_working_day", "cleared"] | None = Field(
        None, description="Without a return time: after default_minutes, the next working day, or until cleared.")
    default_minutes: int | None = Field(None, ge=1, le=20160, description="Minutes for default_end = minutes.")
    next_day_at: str | time | None = Field(None, description="Time of day for default_end = next_working_day.")
    caller_time: Literal["back", "until", "none"] | None = Field(
        None, description="How the return time is read to callers; none keeps it private.")
    alternative: Literal["number", "person", "unit", "switchboard"] | None = Field(
        None, description="Where callers are referred by default.")
    alternative_value: str | None = Field(None, description="A fixed alternative, e.g. a number.")
    enabled: bool | None = Field(None, description="false hides the code.")


class ReferralSettings(Section):
    time_zone: str = Field("", description="IANA time zone for return times, e.g. Europe/Stockholm; "
                                           "empty: the computer's.")
    caller_language: Literal["sv", "nb", "en"] = Field("sv", description="Language of the sentence read to callers.")
    codes: dict[str, ReferralCodeSettings] = Field(
        default_factory=dict, description="Referral codes over the built-in ones, one [referrals.codes.KEY] each.")


class ConsoleDeskSettings(DeskSettings):
    """The operator desk: queue order, transfers coming back (declared by softphone.desk), and the console's
    own keys: closing with calls up, the call log, shortcuts."""

    hand_back_to: str = Field("", description="Number or SIP address calls still up are transferred to when the "
                              "console closes (a colleague or the exchange's queue); waiting callers go back "
                              "to the exchange as busy. Empty: they can only be ended.")
    call_log_retention_days: int = Field(90, ge=0, le=3650, description="Days the call log is kept; 0: for ever.")
    keys: dict[str, str] = Field(default_factory=dict, description="Key overrides by operation, e.g. "
                                 "answer_next = \"F2\".")


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
    logging: LoggingSettings = LoggingSettings()
    policy: PolicySettings = PolicySettings()
