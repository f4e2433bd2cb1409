"""Each licence the About dialog states matches what the installed package declares about itself."""

from __future__ import annotations

import re
import tomllib
from importlib.metadata import metadata
from pathlib import Path

import pytest

from ui.licences import COMPONENTS

# Metadata that says less than SPDX, and what the package's own files say (checked by hand).
CLASSIFIER_OR_TEXT = {  # distribution: (what its metadata says, what we state)
    "ldap3": ("LGPL v3", "LGPL-3.0-or-later"),  # source headers: version 3 "or (at your option) any later"
    # README: "dual-licensed under the GNU GENERAL PUBLIC LICENSE Version 3 and the Apache License 2.0"
    "caldav": ("GPL", "Apache-2.0 OR GPL-3.0-only"),
    # no licence field; source headers: LGPL "version 2.1 of the License, or (at your option) any later version"
    "smpplib": ("", "LGPL-2.1-or-later"),
    "pyserial": ("BSD", "BSD-3-Clause"),  # LICENSE.txt: the three-clause BSD text
}
NO_METADATA = {
    "pjsua2-python": "GPL-2.0-or-later",  # the wheel declares no licence; pjproject is GPL-2.0-or-later
}


def _declared(distribution: str) -> str:
    meta = metadata(distribution)  # newer packages declare License-Expression, older ones License
    return str((meta.get_all("License-Expression") or meta.get_all("License") or [""])[0])


@pytest.mark.parametrize("component", [c for c in COMPONENTS if c.distribution], ids=lambda c: c.distribution)
def test_licence_matches_package_metadata(component) -> None:
    if component.distribution in NO_METADATA:
        assert _declared(component.distribution) == ""  # if it starts declaring one, compare it instead
        assert component.licence == NO_METADATA[component.distribution]
        return
    declared = _declared(component.distribution)
    if component.distribution in CLASSIFIER_OR_TEXT:
        assert (declared, component.licence) == CLASSIFIER_OR_TEXT[component.distribution]
        return
    # PySide6 is LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only: we use it under the LGPL option.
    assert component.licence in [part.strip("() ") for part in declared.split(" OR ")], declared


def test_every_component_has_a_version_or_is_native() -> None:
    missing = [c.name for c in COMPONENTS if c.distribution and not c.installed_version()]
    assert missing == []


def test_every_declared_dependency_is_listed() -> None:
    """A new runtime dependency ships in the bundle: the About dialog must name it and its licence."""
    project = tomllib.loads((Path(__file__).resolve().parents[3] / "pyproject.toml").read_text(encoding="utf-8"))
    declared = {re.split(r"[<>=!~\[; ]", requirement, maxsplit=1)[0] for requirement in
                [*project["project"]["dependencies"], *project["project"]["optional-dependencies"]["postgres"]]}
    listed = {c.distribution for c in COMPONENTS}

    def normalise(name: str) -> str:
        return re.sub(r"[-_.]+", "-", name).lower()

    assert {normalise(d) for d in declared} - {normalise(d) for d in listed} == set()
