"""From `[[directory.ldap]]` tables to what each sync runs with, passwords resolved from keyring/env."""

from __future__ import annotations

from app.config.loader import Config, ConfigProblem
from app.config.secrets import resolve_secret
from directory.sync.settings import LdapSourceSettings


def ldap_sources(config: Config) -> list[LdapSourceSettings]:
    """All configured sources; raises SecretError naming the reference when a password cannot be had."""
    region = config.settings.directory.default_region
    return [LdapSourceSettings.from_config(s, region=region, password=resolve_secret(s.password) if s.password else "")
            for s in config.settings.directory.ldap]


def ldap_problems(config: Config) -> list[ConfigProblem]:
    """The sync's own checks of each source (URLs, DNs, filters) as config problems."""
    problems: list[ConfigProblem] = []
    region = config.settings.directory.default_region
    for i, source in enumerate(config.settings.directory.ldap):
        origin = config.origin("directory.ldap")
        # The secret itself is not needed to check the rest, only whether one is configured.
        settings = LdapSourceSettings.from_config(source, region=region, password=source.password or "")
        problems += [ConfigProblem(origin, f"directory.ldap.{i}", message) for message in settings.problems()]
    return problems
