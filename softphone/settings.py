"""Softphone settings: the `[sip]` table declared once (pydantic), and what the phone runs with.

The app composes `SipSettings` into its TOML tree and resolves the password reference; nothing here reads
files, the environment or the keyring.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, Field

from settings_base import Choice, Items, SecretRef, Section
from softphone.trust import parse_trust_entry


class Transport(StrEnum):
    UDP = "udp"
    TCP = "tcp"
    TLS = "tls"


class SrtpMode(StrEnum):
    OFF = "off"
    OPTIONAL = "optional"
    MANDATORY = "mandatory"


class DtmfMethod(StrEnum):
    RFC4733 = "rfc4733"  # telephone-event RTP packets
    SIP_INFO = "sip_info"  # SIP INFO requests with application/dtmf-relay


def _trust_entry(text: str) -> str:
    parse_trust_entry(text)  # raises ValueError naming what is wrong with the entry
    return text


# host, host:port or a CIDR network (softphone.trust); checked when the configuration is read
TrustEntryText = Annotated[str, AfterValidator(_trust_entry)]


class AccountSettings(Section):
    """The `[sip]` keys of the console's own phone line: who we are, where we register, how we reach it.

    Declared once: field names are the TOML keys, and `config reference` documents them from here.
    `password` is only the reference to the secret; the resolved value travels in `PhoneSettings`.
    """

    user: str = Field("", description="SIP user (extension) of the console's account.")
    domain: str = Field("", description="Domain of the address of record; empty: the registrar's host.")
    registrar: str = Field("", description="Registrar as host[:port].")
    secondary_registrar: str = Field("", description="Failover registrar as host[:port]; empty: none.")
    outbound_proxy: str = Field("", description="Proxy every request goes through, host[:port]; "
                                                "empty: the active registrar.")
    auth_user: str = Field("", description="Digest user name when it differs from user.")
    password: SecretRef | None = Field(None, description="Secret reference for the SIP digest password.")
    # pjsua builds the Contact and From headers in fixed buffers: a name of a few hundred characters made the
    # registration fail silently ("connecting" for ever), so a long one is a configuration error instead.
    display_name: str = Field("", max_length=100, description="Our display name in outgoing calls.")
    transport: Choice[Transport] = Field(
        Transport.UDP, description="SIP transport. TLS uses the OpenSSL 1.0.2 bundled with pjsua2 (out of support).")
    tls_verify_server: bool = Field(True, description="Verify the registrar's TLS certificate and host name.")
    tls_ca_file: str = Field("", description="CA bundle (PEM) for TLS; empty: the system bundle.")
    srtp: Choice[SrtpMode] = Field(SrtpMode.OFF, description="Encrypt media with SRTP.")
    local_port: int = Field(0, ge=0, le=65535, description="Local SIP port; 0: any free port.")
    bind_address: str = Field("", description="Local IP address for SIP and media; empty: all interfaces.")
    register_expiry: int = Field(300, ge=30, le=86400, description="Registration lifetime in seconds.")
    keepalive_interval: int = Field(5, ge=0, le=3600, description="Seconds between keep-alives (over UDP an "
                                    "OPTIONS ping that asks the registrar for this console, so a restarted "
                                    "registrar that lost the registration is noticed within one interval; two "
                                    "missed mean the line is down); 0: off.")
    rtp_timeout: float = Field(30.0, ge=0, description="End a call after this many seconds without audio; 0: never.")
    dtmf_method: Choice[DtmfMethod] = Field(DtmfMethod.RFC4733, description="How key presses are sent.")
    trusted: Items[TrustEntryText] = Field((), description="Other sources of calls besides the registrars, "
                                           "the outbound proxy and the exchange: host, host:port or network "
                                           "(CIDR). Calls from anywhere else are refused (403), and only "
                                           "these sources are believed when they assert who is calling "
                                           "(P-Asserted-Identity).")
    ring_timeout: float = Field(300.0, ge=0, le=86400, description="Seconds an incoming call may ring "
                                "unanswered before the console refuses it (480), for a caller the PBX never "
                                "cancels; 0: no limit.")

    @property
    def aor(self) -> str:
        return f"sip:{self.user}@{self.domain}"


class AudioSettings(Section):
    """The `[sip.audio]` keys: sound devices and levels. Device names are as `Phone.audio_devices()` lists them."""

    null_device: bool = Field(False, description="Use no sound hardware (servers, tests, machines without audio).")
    headset_input: str = Field("", description="Headset microphone device name; empty: the default device.")
    headset_output: str = Field("", description="Headset earpiece device name; empty: the default device.")
    ringer_output: str = Field("", description="Device the ring tone plays on (e.g. desk speakers); "
                                                "empty: the headset.")
    ring_tone: bool = Field(True, description="Play a ring tone for incoming calls.")
    ring_volume: float = Field(0.8, ge=0.0, le=1.0, description="Ring tone volume, 0.0 to 1.0.")
    speaker_volume: float = Field(1.0, ge=0.0, le=2.0, description="Earpiece volume, 0.0 to 2.0.")
    microphone_volume: float = Field(1.0, ge=0.0, le=2.0, description="Microphone level, 0.0 to 2.0.")
    codecs: Items[str] = Field((), description="Allowed codecs in order, e.g. [\"PCMA/8000\"]; empty: all.")


class SipSettings(AccountSettings):
    """The whole `[sip]` table as the app composes it: the account's keys and the `[sip.audio]` table."""

    audio: AudioSettings = AudioSettings()


@dataclass(frozen=True)
class PhoneSettings:
    """What the phone runs with: the `[sip]` declaration plus what only the app knows or derives.

    Built from the declaration in one step (`from_sip`); nothing here repeats a `[sip]` key. An empty
    `account.domain` becomes the registrar's host, as its description promises.
    """

    account: AccountSettings
    audio: AudioSettings = field(default_factory=AudioSettings)
    password: str = field(default="", repr=False)  # the resolved digest secret `account.password` refers to
    also_trusted: tuple[str, ...] = ()  # servers the app knows of besides [sip]'s, e.g. the exchange's host
    realm: str = "*"  # digest realm; "*" answers any realm
    user_agent: str = "Switchboard"
    retry_initial_s: float = 2.0  # first re-registration delay after a failure
    retry_max_s: float = 120.0  # cap of the exponential re-registration backoff
    log_file: str = ""  # pjsip log file, "" = no log
    log_level: int = 0  # pjsip log verbosity 0..6

    def __post_init__(self) -> None:
        if not self.account.domain:
            domain = self.account.registrar.rsplit(":", 1)[0]
            object.__setattr__(self, "account", self.account.model_copy(update={"domain": domain}))

    @classmethod
    def from_sip(cls, sip: SipSettings, *, password: str = "", also_trusted: tuple[str, ...] = ()) -> PhoneSettings:
        """The phone's settings for a `[sip]` table, with the secret its `password` reference resolved to
        and the hosts of other servers the console uses (trusted like the registrar)."""
        return cls(account=sip, audio=sip.audio, password=password, also_trusted=also_trusted)

    @property
    def trusted_servers(self) -> tuple[str, ...]:
        """The servers calls may come from and whose asserted identities are believed (softphone.trust)."""
        account = self.account
        return tuple(s for s in (account.registrar, account.secondary_registrar, account.outbound_proxy,
                                 *self.also_trusted) if s)


@dataclass(frozen=True)
class SettingsProblem:
    """One line for `switchboard config check`: an error stops the phone from starting, a warning does not."""

    field: str
    message: str
    error: bool = True


def check_account(account: AccountSettings) -> list[SettingsProblem]:
    """Problems in an account's settings that can be found without a network (ranges and choices are the
    declaration's; these need the values together or the file system)."""
    problems: list[SettingsProblem] = []
    if not account.user:
        problems.append(SettingsProblem("user", "the SIP user name is empty"))
    if not account.registrar:
        problems.append(SettingsProblem("registrar", "no registrar is configured"))
    if account.transport is Transport.TLS:
        problems.append(SettingsProblem(
            "transport", "TLS runs on the OpenSSL 1.0.2 bundled with pjsua2, which is out of support",
            error=False))
        if not account.tls_verify_server:
            problems.append(SettingsProblem(
                "tls_verify_server", "the registrar's certificate is not checked", error=False))
    if account.tls_ca_file and not Path(account.tls_ca_file).is_file():
        problems.append(SettingsProblem("tls_ca_file", f"certificate file not found: {account.tls_ca_file}"))
    if account.srtp is SrtpMode.MANDATORY and account.transport is not Transport.TLS:
        problems.append(SettingsProblem(
            "srtp", "SRTP keys travel in clear text unless the transport is TLS", error=False))
    return problems
