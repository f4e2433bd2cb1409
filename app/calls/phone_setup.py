"""From the `[sip]` table (declared in `softphone.settings`) to the phone's settings, password resolved, and
what `config check` says of them."""

from __future__ import annotations

from urllib.parse import urlsplit

from app.config.loader import Config, ConfigProblem
from app.config.secrets import resolve_secret
from softphone.settings import PhoneSettings, check_account
from softphone.sound import matching_device, sound_devices


def phone_configured(config: Config) -> bool:
    sip = config.settings.sip
    return bool(sip.user and sip.registrar)


def resolved_phone_settings(config: Config) -> PhoneSettings:
    """Raises SecretError naming the reference when the password cannot be resolved."""
    sip = config.settings.sip
    return PhoneSettings.from_sip(sip, password=resolve_secret(sip.password) if sip.password else "",
                                  also_trusted=exchange_hosts(config))


def exchange_hosts(config: Config) -> tuple[str, ...]:
    """The exchange's queue host ([exchange] url): its calls are trusted like the registrar's."""
    url = config.settings.exchange.url
    host = urlsplit(url).hostname if url else None
    return (host,) if host else ()


def sip_problems(config: Config) -> list[ConfigProblem]:
    """The softphone's own checks (missing CA file, TLS on old OpenSSL, ...) as config problems."""
    if not phone_configured(config):
        return []
    return [ConfigProblem(config.origin(f"sip.{p.field}"), f"sip.{p.field}", p.message,
                          "error" if p.error else "warning")
            for p in check_account(config.settings.sip)] + _device_problems(config)


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
