"""Softphone settings: frozen records the app fills from its TOML configuration.

Secrets arrive already resolved (the app reads keyring/environment references); nothing here reads
files, the environment or the keyring.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


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
    keepalive_interval_s: int = 15  # CRLF keep-alives on UDP/TCP flows, 0 = off
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
