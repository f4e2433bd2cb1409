"""One LDAP/AD directory source: its `[[directory.ldap]]` declaration and the settings the sync runs with.

`LdapSourceConfig` is the declaration (type, default, description) the app puts into its TOML tree.
`LdapSourceSettings` is what a sync runs with, built from it by the app with what only the app knows:
the resolved password and the default region. Nothing here reads files or secrets.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal
from urllib.parse import urlsplit

from ldap3.core.exceptions import LDAPException
from ldap3.operation.search import parse_filter
from ldap3.utils.dn import parse_dn
from pydantic import Field

from directory.model import NumberKind
from directory.sync.errors import LdapConfigError
from directory.sync.mapping import PERSON_FILTERS, PRESETS, AttributeMapping, build_mapping
from settings_base import SecretRef, Section


class LdapSourceConfig(Section):
    """One `[[directory.ldap]]` table: an LDAP or Active Directory source mirrored into the store."""

    name: str = Field(min_length=1, max_length=60, description="Source name, shown in the window; keep it stable.")
    urls: list[str] = Field(min_length=1, description="Servers tried in order: ldap://host or ldaps://host:636.")
    base_dns: list[str] = Field(min_length=1, description="Where to search, e.g. [\"ou=Staff,dc=region,dc=se\"].")
    bind_dn: str = Field("", description="Service account DN; empty binds anonymously.")
    password: SecretRef | None = Field(None, description="Secret reference for the bind password.")
    start_tls: bool = Field(False, description="Upgrade ldap:// connections with StartTLS.")
    ca_file: str = Field("", description="CA certificate (PEM) for ldaps/StartTLS; empty: the system bundle.")
    verify: bool = Field(True, description="Verify the server certificate and host name.")
    preset: Literal["ad", "openldap"] = Field("openldap", description="Attribute mapping preset.")
    attributes: dict[str, list[str]] = Field(default_factory=dict,
                                             description="Override mapping fields: field = [attributes].")
    numbers: dict[str, str] | None = Field(None, description="Replace the preset's number attributes: "
                                                             "attribute = kind (work, mobile, ...).")
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


def _frozen(mapping: Mapping[str, object] | None) -> Mapping[str, object]:
    return MappingProxyType(dict(mapping or {}))


@dataclass(frozen=True)
class LdapSourceSettings:
    """One LDAP or Active Directory source.

    ``urls`` are tried in order (failover). ``person_filter`` ``None`` means the preset's filter;
    an empty ``function_filter`` means the source has no functions/units to sync.
    ``attributes`` overrides mapping fields (field -> attribute names, ``()`` turns a field off);
    ``numbers``, when given, replaces the preset's number attributes (attribute -> kind).
    Intervals and the timeout are in seconds. ``deletion_check_interval``: how often an incremental
    sync also runs an id-only search to find deleted entries (0: every time; None: only full syncs
    find deletions).
    """

    name: str
    urls: tuple[str, ...]
    base_dns: tuple[str, ...]
    bind_dn: str = ""
    password: str = field(default="", repr=False)
    start_tls: bool = False
    ca_file: Path | None = None
    verify: bool = True
    preset: str = "openldap"
    attributes: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    numbers: Mapping[str, NumberKind] | None = None
    change_attribute: str | None = None
    person_filter: str | None = None
    function_filter: str = ""
    page_size: int = 500
    timeout: float = 10.0
    incremental_interval: float = 300.0
    full_interval: float = 86400.0
    deletion_check_interval: float | None = 3600.0
    region: str = "SE"

    def __post_init__(self) -> None:
        # Frozen all the way down: the settings are shared with a worker thread.
        object.__setattr__(self, "urls", tuple(self.urls))
        object.__setattr__(self, "base_dns", tuple(self.base_dns))
        # Config files give one attribute as a plain string ("displayName"): not a tuple of letters.
        attributes = {k: (v,) if isinstance(v, str) else tuple(v) for k, v in self.attributes.items()}
        object.__setattr__(self, "attributes", _frozen(attributes))
        if self.numbers is not None:
            object.__setattr__(self, "numbers", _frozen(self.numbers))

    def __reduce__(self) -> tuple[Any, ...]:
        # Sent to the sync's worker process; the read-only mapping views themselves do not pickle.
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        values["attributes"] = dict(self.attributes)
        values["numbers"] = dict(self.numbers) if self.numbers is not None else None
        return _rebuild, (values,)

    @property
    def people_filter(self) -> str:
        if self.person_filter is not None:
            return self.person_filter
        return PERSON_FILTERS.get(self.preset, "(objectClass=*)")

    def mapping(self) -> AttributeMapping:
        return build_mapping(self.preset, self.attributes, self.numbers, self.change_attribute)

    def problems(self) -> list[str]:
        """Everything wrong with these settings, as sentences; empty when they are usable."""
        found: list[str] = []
        if not self.name.strip():
            found.append("the source has no name")
        if not self.urls:
            found.append("no server URL given")
        for url in self.urls:
            found += _url_problems(url)
        if self.start_tls and any(url.lower().startswith("ldaps:") for url in self.urls):
            found.append("start_tls cannot be combined with ldaps:// URLs (they are encrypted already)")
        if self.ca_file is not None and not Path(self.ca_file).is_file():
            found.append(f"CA file {str(self.ca_file)!r} does not exist")
        if not self.base_dns:
            found.append("no base DN given")
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
        if self.preset not in PRESETS:
            found.append(f"unknown preset {self.preset!r} (use one of: {', '.join(PRESETS)})")
        else:
            try:
                found += self.mapping().problems()
            except ValueError as exc:
                found.append(str(exc))
        if not 1 <= self.page_size <= 10_000:
            found.append(f"page_size {self.page_size} is outside 1..10000")
        if self.timeout <= 0:
            found.append("timeout must be positive")
        if self.incremental_interval <= 0 or self.full_interval <= 0:
            found.append("sync intervals must be positive")
        if self.deletion_check_interval is not None and self.deletion_check_interval < 0:
            found.append("deletion_check_interval must not be negative")
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


def _rebuild(values: dict[str, Any]) -> LdapSourceSettings:
    return LdapSourceSettings(**values)


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
    try:
        parse_filter(text, None, auto_escape=False, auto_encode=False, validator=None, check_names=False)
    except LDAPException:
        return False
    return True
