"""The third-party components a Switchboard install ships, with their licences, for the About dialog.

Kept as data (no Qt) so a unit test can hold each entry against the installed package's metadata.
"""

from __future__ import annotations

import platform
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version


@dataclass(frozen=True)
class Component:
    name: str
    licence: str  # SPDX expression
    distribution: str = ""  # the Python distribution it comes in, for its version; "" when none
    fixed_version: str = ""  # for components without a distribution of their own

    def installed_version(self) -> str:
        """The version installed (or bundled) here; "" when unknown."""
        if not self.distribution:
            return self.fixed_version
        try:
            return version(self.distribution)
        except PackageNotFoundError:
            return ""


COMPONENTS: tuple[Component, ...] = (
    Component("pjsip (pjsua2)", "GPL-2.0-or-later", "pjsua2-python"),
    Component("OpenSSL (in the pjsua2 wheel)", "OpenSSL", fixed_version="1.0.2k"),
    Component("Qt for Python (PySide6)", "LGPL-3.0-only", "PySide6-Essentials"),
    # The add-ons wheel is LGPL, but the Qt Charts module we use from it is GPL-3.0 only (fine for our GPL).
    Component("Qt Charts (PySide6-Addons)", "GPL-3.0-only", "PySide6-Addons"),
    Component("Shiboken6", "LGPL-3.0-only", "shiboken6"),
    Component("python-sounddevice", "MIT", "sounddevice"),
    Component("CFFI", "MIT-0", "cffi"),
    Component("pycparser", "BSD-3-Clause", "pycparser"),
    Component("Python", "PSF-2.0", fixed_version=platform.python_version()),
    Component("SQLAlchemy", "MIT", "SQLAlchemy"),
    Component("Alembic", "MIT", "alembic"),
    Component("openpyxl", "MIT", "openpyxl"),
    Component("et-xmlfile", "MIT", "et_xmlfile"),
    Component("Mako", "MIT", "Mako"),
    Component("pydantic", "MIT", "pydantic"),
    Component("phonenumbers", "Apache-2.0", "phonenumbers"),
    Component("platformdirs", "MIT", "platformdirs"),
    Component("keyring", "MIT", "keyring"),
    Component("ldap3", "LGPL-3.0-or-later", "ldap3"),
    Component("RapidFuzz", "MIT", "RapidFuzz"),
    Component("qasync", "BSD-2-Clause", "qasync"),
    Component("psycopg", "LGPL-3.0-only", "psycopg"),
    # Calendars (free/busy from Exchange Server, Exchange Online and CalDAV).
    Component("exchangelib", "BSD-2-Clause", "exchangelib"),
    Component("MSAL for Python", "MIT", "msal"),
    Component("HTTPX", "BSD-3-Clause", "httpx"),
    Component("caldav", "Apache-2.0 OR GPL-3.0-only", "caldav"),
    Component("icalendar", "BSD-2-Clause", "icalendar"),
    Component("lxml", "BSD-3-Clause", "lxml"),
    Component("Requests", "Apache-2.0", "requests"),
    Component("smpplib", "LGPL-2.1-or-later", "smpplib"),
    Component("pySerial", "BSD-3-Clause", "pyserial"),
    Component("tzdata", "Apache-2.0", "tzdata"),
)
