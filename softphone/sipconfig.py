"""Translate our settings into pjsua2 configuration objects."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pjsua2 as pj

from softphone.settings import AccountSettings, PhoneSettings, SrtpMode, Transport

SYSTEM_CA_BUNDLE = "/etc/ssl/certs/ca-certificates.crt"
_SRTP = {SrtpMode.OFF: pj.PJMEDIA_SRTP_DISABLED, SrtpMode.OPTIONAL: pj.PJMEDIA_SRTP_OPTIONAL,
         SrtpMode.MANDATORY: pj.PJMEDIA_SRTP_MANDATORY}
_TRANSPORT = {Transport.UDP: pj.PJSIP_TRANSPORT_UDP, Transport.TCP: pj.PJSIP_TRANSPORT_TCP,
              Transport.TLS: pj.PJSIP_TRANSPORT_TLS}


def transport_type(transport: Transport) -> int:
    return int(_TRANSPORT[transport])


def endpoint_config(settings: PhoneSettings) -> Any:
    cfg = pj.EpConfig()
    cfg.uaConfig.threadCnt = 0  # no SIP worker threads: the owner pumps (see softphone.engine)
    cfg.uaConfig.mainThreadOnly = True
    cfg.uaConfig.maxCalls = 16
    cfg.uaConfig.userAgent = settings.user_agent
    cfg.logConfig.consoleLevel = 0
    cfg.logConfig.level = settings.log_level
    cfg.logConfig.filename = settings.log_file
    # Keep RTP flowing during silence: the RTP-timeout check counts received packets.
    cfg.medConfig.noVad = True
    return cfg


def transport_config(account: AccountSettings, *, port: int | None = None) -> Any:
    """`port` overrides `local_port` (the TCP transport beside UDP takes the UDP one's port)."""
    cfg = pj.TransportConfig()
    cfg.port = account.local_port if port is None else port
    if account.bind_address:
        cfg.boundAddress = account.bind_address
        cfg.publicAddress = account.bind_address
    if account.transport is Transport.TLS:
        tls = cfg.tlsConfig
        tls.verifyServer = account.tls_verify_server
        ca = account.tls_ca_file or (SYSTEM_CA_BUNDLE if Path(SYSTEM_CA_BUNDLE).exists() else "")
        tls.CaListFile = ca
    return cfg


def sip_uri(hostport: str, transport: Transport, *, lr: bool = False) -> str:
    uri = hostport if hostport.startswith(("sip:", "sips:")) else f"sip:{hostport}"
    if transport is not Transport.UDP and "transport=" not in uri:
        uri += f";transport={transport.value}"
    if lr and ";lr" not in uri:
        uri += ";lr"
    return uri


def account_config(settings: PhoneSettings, registrar: str, transport_id: int) -> Any:
    account = settings.account
    cfg = pj.AccountConfig()
    name = account.display_name.replace('"', "").replace("\\", "")
    cfg.idUri = f'"{name}" <{account.aor}>' if name else account.aor
    reg = cfg.regConfig
    reg.registrarUri = sip_uri(registrar, account.transport)
    reg.timeoutSec = account.register_expiry
    reg.retryIntervalSec = 0  # RegistrationTracker owns retries, backoff and failover
    reg.firstRetryIntervalSec = 0
    reg.dropCallsOnFail = False  # a registrar outage must not cut calls that are already up
    sip = cfg.sipConfig
    sip.transportId = transport_id  # -1: any (UDP with TCP beside it, so large requests can switch)
    sip.authCreds.append(pj.AuthCredInfo("digest", settings.realm, account.auth_user or account.user, 0,
                                         settings.password))
    # Without an explicit outbound proxy, calls go through the registrar (as desk phones do) rather than
    # to the domain's DNS records, so failover moves calls and registration together.
    sip.proxies.append(sip_uri(account.outbound_proxy or registrar, account.transport, lr=True))
    cfg.natConfig.udpKaIntervalSec = account.keepalive_interval
    media = cfg.mediaConfig
    media.srtpUse = _SRTP[account.srtp]
    media.srtpSecureSignaling = 0  # allow SDES over TCP/UDP too; TLS is recommended with SRTP
    if account.bind_address:
        media.transportConfig.boundAddress = account.bind_address
    return cfg
