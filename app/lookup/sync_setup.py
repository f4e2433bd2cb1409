"""From `[[directory.ldap]]` tables to the sync's own settings, passwords resolved from keyring/env."""

from __future__ import annotations

from pathlib import Path

from app.config.loader import Config, ConfigProblem
from app.config.secrets import resolve_secret
from directory.model import NumberKind
from directory.sync.settings import LdapSourceConfig, LdapSourceSettings


def ldap_source_settings(source: LdapSourceConfig, *, region: str, password: str = "") -> LdapSourceSettings:
    return LdapSourceSettings(
        name=f"ldap:{source.name}", urls=tuple(source.urls), base_dns=tuple(source.base_dns),
        bind_dn=source.bind_dn, password=password, start_tls=source.start_tls,
        ca_file=Path(source.ca_file) if source.ca_file else None, verify=source.verify, preset=source.preset,
        attributes={k: tuple(v) for k, v in source.attributes.items()},
        numbers={k: NumberKind(v) for k, v in source.numbers.items()} if source.numbers is not None else None,
        person_filter=source.person_filter or None, function_filter=source.function_filter,
        page_size=source.page_size, timeout=source.timeout, incremental_interval=source.incremental_interval,
        full_interval=source.full_interval, deletion_check_interval=source.deletion_check_interval,
        change_attribute=source.change_attribute, region=region)


def ldap_sources(config: Config) -> list[LdapSourceSettings]:
    """All configured sources; raises SecretError naming the reference when a password cannot be had."""
    region = config.settings.directory.default_region
    return [ldap_source_settings(s, region=region, password=resolve_secret(s.password) if s.password else "")
            for s in config.settings.directory.ldap]


def ldap_problems(config: Config) -> list[ConfigProblem]:
    """The sync's own checks of each source (URLs, DNs, filters) as config problems."""
    problems: list[ConfigProblem] = []
    region = config.settings.directory.default_region
    for i, source in enumerate(config.settings.directory.ldap):
        origin = config.origin("directory.ldap")
        # The secret itself is not needed to check the rest, only whether one is configured.
        settings = ldap_source_settings(source, region=region, password=source.password or "")
        problems += [ConfigProblem(origin, f"directory.ldap.{i}", message) for message in settings.problems()]
    return problems
