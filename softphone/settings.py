"""Softphone settings: frozen records the app fills from its TOML configuration.

Secrets arrive already resolved (the app reads keyring/environment references); nothing here reads
files, the environment or the keyring.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TypeVar

_E = TypeVar("_E", bound=StrEnum)


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


@dataclass(frozen=True)
class AccountSettings:
    """One SIP account: who we are, where we register and how we reach it."""

    user: str  # user part of the address of record, e.g. "1000"
    domain: str  # domain of the address of record (sip:user@domain)
    registrar: str  # primary registrar "host[:port]"
    password: str = field(default="", repr=False)  # resolved digest secret
    auth_user: str = ""  # digest user name when it differs from `user`
    realm: str = "*"  # digest realm; "*" answers any realm
    display_name: str = ""  # our own display name in From
    secondary_registrar: str = ""  # failover registrar "host[:port]", "" = none
    outbound_proxy: str = ""  # "host[:port]" every request is routed through, "" = the active registrar
    transport: Transport = Transport.UDP
    local_port: int = 0  # local SIP port, 0 = any free port
    bind_address: str = ""  # local IP for SIP and RTP, "" = all interfaces
    tls_verify_server: bool = True  # check the registrar's certificate and host name
    tls_ca_file: str = ""  # CA bundle (PEM) for TLS, "" = the system bundle
    srtp: SrtpMode = SrtpMode.OFF
    register_expiry_s: int = 300  # requested registration lifetime
    keepalive_interval_s: int = 15  # UDP: OPTIONS ping to the registrar (outage shows within ~3 pings), 0 = off
    retry_initial_s: float = 2.0  # first re-registration delay after a failure
    retry_max_s: float = 120.0  # cap of the exponential re-registration backoff
    rtp_timeout_s: float = 30.0  # end a connected call after this long without incoming audio, 0 = never
    dtmf_method: DtmfMethod = DtmfMethod.RFC4733
    user_agent: str = "Switchboard"

    @property
    def aor(self) -> str:
        return f"sip:{self.user}@{self.domain}"


@dataclass(frozen=True)
class AudioSettings:
    """Sound devices and levels. Device names are as listed by `Phone.audio_devices()`; "" = default."""

    null_device: bool = False  # no sound hardware: tests, servers, machines without audio
    headset_input: str = ""  # microphone of the headset
    headset_output: str = ""  # earpiece of the headset
    ringer_output: str = ""  # where the ring tone plays, e.g. desk speakers; "" = headset output
    ring_tone: bool = True
    ring_volume: float = 0.8  # 0.0 .. 1.0
    speaker_volume: float = 1.0  # 0.0 .. 2.0 (above 1.0 amplifies)
    microphone_volume: float = 1.0  # 0.0 .. 2.0
    codecs: tuple[str, ...] = ()  # allowed codecs in order of preference, e.g. ("PCMA/8000",); () = all


@dataclass(frozen=True)
class PhoneSettings:
    account: AccountSettings
    audio: AudioSettings = AudioSettings()
    log_file: str = ""  # pjsip log file, "" = no log
    log_level: int = 0  # pjsip log verbosity 0..6


@dataclass(frozen=True)
class SettingsProblem:
    """One line for `switchboard config check`: an error stops the phone from starting, a warning does not."""

    field: str
    message: str
    error: bool = True


def check_account(account: AccountSettings) -> list[SettingsProblem]:
    """Problems in an account's settings that can be found without a network."""
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
    if not 0 <= account.local_port <= 65535:
        problems.append(SettingsProblem("local_port", f"not a port number: {account.local_port}"))
    if account.register_expiry_s < 30:
        problems.append(SettingsProblem("register_expiry_s", "registration lifetime below 30 s", error=False))
    return problems


def parse_enum(kind: type[_E], value: str, field_name: str) -> _E:
    """The enum member named by a config value, or ValueError with a line `config check` can print."""
    try:
        return kind(value.lower())
    except ValueError:
        allowed = ", ".join(m.value for m in kind)
        raise ValueError(f"{field_name}: unknown value {value!r} (use one of: {allowed})") from None
