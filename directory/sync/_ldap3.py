"""Imports ldap3 once, quietly: its last release (2.9.1) imports `tagMap`/`typeMap`, which pyasn1 0.6
deprecated. Only those two warnings are silenced; the test suite turns every other warning into an error.
"""

import warnings

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message=r"(tagMap|typeMap) is deprecated", category=DeprecationWarning)
    import ldap3  # noqa: F401
