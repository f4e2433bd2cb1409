"""Directory sync from LDAP and Active Directory (ldap3). Imports no Qt.

`sync_source` runs one sync (call it off the GUI thread); `LdapSourceSettings` describes a source;
`RetryPolicy` and `next_sync` tell the app's scheduler when to run the next one.
"""

import directory.sync._ldap3  # noqa: F401  # first: see the module's docstring
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
