"""Directory sync from LDAP and Active Directory (ldap3). Imports no Qt.

`sync_source` runs one sync (call it off the GUI thread); `LdapSourceSettings` describes a source;
`RetryPolicy` and `next_sync` tell the app's scheduler when to run the next one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from directory.lazy import lazy_exports

if TYPE_CHECKING:
    from directory.sync.errors import (
        LdapAuthError,
        LdapConfigError,
        LdapSearchError,
        LdapTlsError,
        LdapUnavailableError,
        SyncError,
    )
    from directory.sync.mapping import AD, OPENLDAP, PRESETS, AttributeMapping
    from directory.sync.plan import EntryPlanner, SkippedEntry
    from directory.sync.retry import RetryPolicy, next_sync
    from directory.sync.runner import SyncSummary, sync_source
    from directory.sync.settings import LdapSourceSettings

__all__ = [
    "AD",
    "OPENLDAP",
    "PRESETS",
    "AttributeMapping",
    "EntryPlanner",
    "LdapAuthError",
    "LdapConfigError",
    "LdapSearchError",
    "LdapSourceSettings",
    "LdapTlsError",
    "LdapUnavailableError",
    "RetryPolicy",
    "SkippedEntry",
    "SyncError",
    "SyncSummary",
    "next_sync",
    "sync_source",
]

# Each name is imported from its module when first used: the package's settings (read with the
# configuration by every command) then come without ldap3 and the modules that need the store. The modules
# that use ldap3 import directory.sync._ldap3 first.
__getattr__ = lazy_exports(__name__, {
    "directory.sync.errors": (
        "LdapAuthError", "LdapConfigError", "LdapSearchError", "LdapTlsError", "LdapUnavailableError", "SyncError",
    ),
    "directory.sync.mapping": ("AD", "OPENLDAP", "PRESETS", "AttributeMapping"),
    "directory.sync.plan": ("EntryPlanner", "SkippedEntry"),
    "directory.sync.retry": ("RetryPolicy", "next_sync"),
    "directory.sync.runner": ("SyncSummary", "sync_source"),
    "directory.sync.settings": ("LdapSourceSettings",),
})
