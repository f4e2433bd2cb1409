"""One LDAP/AD directory source: its `[[directory.ldap]]` declaration and the settings the sync runs with.

`LdapSourceConfig` is the declaration (type, default, description) the app puts into its TOML tree.
`LdapSourceSettings` is what a sync runs with, built from it by the app with what only the app knows:
the resolved password and the default region. Nothing here reads files or secrets.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from pydantic import Field

from directory.model import NumberKind
from directory.sync.errors import LdapConfigError
from directory.sync.mapping import PERSON_FILTERS, AttributeMapping, build_mapping
from settings_base import Choice, Items, SecretRef, Section


class LdapSourceConfig(Section):
    """One `[[directory.ldap]]` table: an LDAP or Active Directory source mirrored into the store."""

    name: str = Field(min_length=1, max_length=60, description="Source name, shown in the window; keep it stable.")
    urls: Items[str] = Field(min_length=1, description="Servers tried in order: ldap://host or ldaps://host:636.")
    base_dns: Items[str] = Field(min_length=1, description="Where to search, e.g. [\"ou=Staff,dc=region,dc=se\"].")
    bind_dn: str = Field("", description="Service account DN; empty binds anonymously.")
    password: SecretRef | None = Field(None, description="Secret reference for the bind password.")
    start_tls: bool = Field(False, description="Upgrade ldap:// connections with StartTLS.")
    ca_file: str = Field("", description="CA certificate (PEM) for ldaps/StartTLS; empty: the system bundle.")
    verify: bool = Field(True, description="Verify the server certificate and host name.")
    preset: Literal["ad", "openldap"] = Field("openldap", description="Attribute mapping preset.")
    attributes: dict[str, Items[str]] = Field(default_factory=dict,
                                             description="Override mapping fields: field = [attributes].")
    numbers: dict[str, Choice[NumberKind]] | None = Field(
        None, description="Replace the preset's number attributes: attribute = kind.")
    person_filter: str | None = Field(None, description="LDAP filter for people; empty: the preset's.")
    function_filter: str = Field("", description="LDAP filter for functions/units; empty: none.")
    page_size: int = Field(500, ge=10, le=5000, description="Paged search page size.")
    timeout: float = Field(10.0, gt=0, le=300, description="Network timeout in seconds.")
    incremental_interval: float = Field(300.0, ge=30, description="Seconds between incremental syncs.")
    full_interval: float = Field(86400.0, ge=600, description="Seconds between full syncs.")
    deletion_check_interval: float | None = Field(
        3600.0, ge=0, description="Seconds between id-only searches that find deleted entries during incremental "
                                  "syncs; 0: every time; unset: only full syncs find deletions.")
    change_attribute: str | None = Field(None, description="Change cursor attribute (uSNChanged, modifyTimestamp, "
                                                           "entryCSN); unset: the preset's.")


class LdapSourceSettings(LdapSourceConfig):
    """What a sync runs with: one `[[directory.ldap]]` declaration and what only the app knows.

    Built from the declaration in one step (`from_config`), not a copy of its fields. Two fields mean
    something else here, and say so: ``name`` is the store's source name (``ldap:`` and the declared
    name) and ``password`` the secret the declaration's reference resolved to. ``region`` is the
    directory's default region. An empty ``person_filter`` means the preset's filter.
    """

    name: str = Field(min_length=1)
    password: str = Field("", repr=False)  # the resolved secret, not its reference
    region: str = "SE"

    @classmethod
    def from_config(cls, source: LdapSourceConfig, *, password: str = "", region: str = "SE") -> LdapSourceSettings:
        values = {name: getattr(source, name) for name in LdapSourceConfig.model_fields}
        return cls.model_validate({**values, "name": f"ldap:{source.name}", "password": password, "region": region})

    @property
    def people_filter(self) -> str:
        if self.person_filter:
            return self.person_filter
        return PERSON_FILTERS.get(self.preset, "(objectClass=*)")

    def mapping(self) -> AttributeMapping:
        return build_mapping(self.preset, self.attributes, self.numbers, self.change_attribute)

    def problems(self) -> list[str]:
        """Everything wrong with these settings, as sentences; empty when they are usable."""
        found: list[str] = []  # ranges, presence and choices are the declaration's; these need more
        for url in self.urls:
            found += _url_problems(url)
        if self.start_tls and any(url.lower().startswith("ldaps:") for url in self.urls):
            found.append("start_tls cannot be combined with ldaps:// URLs (they are encrypted already)")
        if self.ca_file and not Path(self.ca_file).is_file():
            found.append(f"CA file {self.ca_file!r} does not exist")
        import directory.sync._ldap3  # noqa: F401, PLC0415 - ldap3 quietly, and only when a source is checked

        # isort: split
        from ldap3.core.exceptions import LDAPException  # noqa: PLC0415
        from ldap3.utils.dn import parse_dn  # noqa: PLC0415

        for dn in (*self.base_dns, *([self.bind_dn] if self.bind_dn else [])):
            try:
                parse_dn(dn)
            except LDAPException:
                found.append(f"{dn!r} is not a valid DN")
        if self.bind_dn and not self.password:
            found.append("a bind DN is given without a password (that would be an unauthenticated bind)")
        for label, text in (("person_filter", self.people_filter), ("function_filter", self.function_filter)):
            if text and not _filter_ok(text):
                found.append(f"{label} {text!r} is not a valid LDAP filter")
        try:
            found += self.mapping().problems()
        except ValueError as exc:
            found.append(str(exc))
        return found

    def check(self) -> None:
        """Raise LdapConfigError listing every problem, before the sync opens a connection."""
        found = self.problems()
        if found:
            raise LdapConfigError(self.name, "; ".join(found))

    def fingerprint(self) -> str:
        """A hash of what decides which entries the source holds; a changed one forces a full sync."""
        mapping = self.mapping()
        data = [list(self.base_dns), self.people_filter, self.function_filter, repr(mapping), self.region]
        return hashlib.sha256(json.dumps(data).encode()).hexdigest()[:16]


def _url_problems(url: str) -> list[str]:
    parts = urlsplit(url)
    if parts.scheme.lower() not in {"ldap", "ldaps"}:
        return [f"server URL {url!r} must start with ldap:// or ldaps://"]
    try:
        port = parts.port
    except ValueError:
        return [f"server URL {url!r} has an invalid port"]
    if not parts.hostname:
        return [f"server URL {url!r} names no host"]
    if parts.path not in {"", "/"} or port == 0:
        return [f"server URL {url!r} should be only scheme, host and port"]
    return []


def _filter_ok(text: str) -> bool:
    import directory.sync._ldap3  # noqa: F401, PLC0415 - ldap3 quietly, and only when a source is checked

    # isort: split
    from ldap3.core.exceptions import LDAPException  # noqa: PLC0415
    from ldap3.operation.search import parse_filter  # noqa: PLC0415

    try:
        parse_filter(text, None, auto_escape=False, auto_encode=False, validator=None, check_names=False)
    except LDAPException:
        return False
    return True
