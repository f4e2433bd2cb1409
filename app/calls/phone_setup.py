"""From the `[sip]` configuration to the softphone's own settings, and what `config check` says of them."""

from __future__ import annotations

from app.config.loader import Config, ConfigProblem
from app.config.secrets import resolve_secret
from app.config.settings import SipSettings
from softphone.settings import (
    AccountSettings,
    AudioSettings,
    DtmfMethod,
    PhoneSettings,
    SrtpMode,
    Transport,
    check_account,
)
from softphone.sound import matching_device, sound_devices


def phone_configured(config: Config) -> bool:
    sip = config.settings.sip
    return bool(sip.user and sip.registrar)


def phone_settings(sip: SipSettings, *, password: str = "") -> PhoneSettings:
    audio = sip.audio
    account = AccountSettings(
        user=sip.user, domain=sip.domain or sip.registrar.rsplit(":", 1)[0], registrar=sip.registrar,
        password=password, auth_user=sip.auth_user, display_name=sip.display_name,
        secondary_registrar=sip.secondary_registrar, outbound_proxy=sip.outbound_proxy,
        transport=Transport(sip.transport), local_port=sip.local_port, bind_address=sip.bind_address,
        tls_verify_server=sip.tls_verify_server,
        tls_ca_file=sip.tls_ca_file, srtp=SrtpMode(sip.srtp), register_expiry_s=sip.register_expiry,
        keepalive_interval_s=sip.keepalive_interval, rtp_timeout_s=sip.rtp_timeout,
        dtmf_method=DtmfMethod(sip.dtmf_method))
    return PhoneSettings(account=account, audio=AudioSettings(
        null_device=audio.null_device, headset_input=audio.headset_input, headset_output=audio.headset_output,
        ringer_output=audio.ringer_output, ring_tone=audio.ring_tone, ring_volume=audio.ring_volume,
        speaker_volume=audio.speaker_volume, microphone_volume=audio.microphone_volume,
        codecs=tuple(audio.codecs)))


def resolved_phone_settings(config: Config) -> PhoneSettings:
    """Raises SecretError naming the reference when the password cannot be resolved."""
    sip = config.settings.sip
    return phone_settings(sip, password=resolve_secret(sip.password) if sip.password else "")


def sip_problems(config: Config) -> list[ConfigProblem]:
    """The softphone's own checks (missing CA file, TLS on old OpenSSL, ...) as config problems."""
    if not phone_configured(config):
        return []
    settings = phone_settings(config.settings.sip)
    return [ConfigProblem(config.origin(f"sip.{p.field}"), f"sip.{p.field}", p.message,
                    "error" if p.error else "warning")
            for p in check_account(settings.account)] + _device_problems(config)


def _device_problems(config: Config) -> list[ConfigProblem]:
    """Named sound devices that are not there now: a warning (a headset may simply be unplugged)."""
    audio = config.settings.sip.audio
    if audio.null_device:
        return []
    present = sound_devices()
    problems = []
    for key, name, output in (("headset_input", audio.headset_input, False),
                              ("headset_output", audio.headset_output, True),
                              ("ringer_output", audio.ringer_output, True)):
        if name and matching_device(name, output=output, devices=present) is None:
            problems.append(ConfigProblem(config.origin(f"sip.audio.{key}"), f"sip.audio.{key}",
                                    f"no sound {'output' if output else 'input'} device called {name!r} now "
                                    "(see 'switchboard config devices'); the default device is used", "warning"))
    return problems
