"""Which LDAP attributes fill which `Entry` field: presets for Active Directory and OpenLDAP.

Every text field names a tuple of attributes: for the name-like fields the first one present wins;
for ``unit`` each attribute is one level of the unit path, top down; ``description`` (the entry's About
text, searched like keywords) joins every value of every attribute, one per line. Extra values of
multi-valued attributes are kept as keywords rather than dropped.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import Literal

from directory.model import NumberKind

Preset = Literal["ad", "openldap"]

# Fields an override may name (the `numbers` mapping is set separately, attribute -> kind).
TEXT_FIELDS = (
    "display_name",
    "given_name",
    "surname",
    "title",
    "unit",
    "location",
    "email",
    "description",
    "manager",
    "photo",
)
SINGLE_FIELDS = ("id", "change")

# An attribute description per RFC 4512: a name or a numeric OID (options such as ";binary" allowed).
_ATTRIBUTE = re.compile(r"^(?:[A-Za-z][A-Za-z0-9-]*|\d+(?:\.\d+)+)(?:;[A-Za-z0-9-]+)*$")


@dataclass(frozen=True, slots=True)
class AttributeMapping:
    """Attribute names per field. ``id`` must be stable for the life of the object (a GUID/UUID,
    never a DN or a name); ``change`` is the attribute the incremental cursor follows.

    ``manager`` and ``photo`` are declared so configurations can name them, but `Entry` has no
    field for them yet, so the sync does not request them.
    """

    id: str
    change: str
    display_name: tuple[str, ...]
    given_name: tuple[str, ...] = ()
    surname: tuple[str, ...] = ()
    title: tuple[str, ...] = ()
    unit: tuple[str, ...] = ()
    location: tuple[str, ...] = ()
    email: tuple[str, ...] = ()
    description: tuple[str, ...] = ()
    manager: tuple[str, ...] = ()
    photo: tuple[str, ...] = ()
    numbers: tuple[tuple[str, NumberKind], ...] = ()
    # When the unit attributes are empty, take the unit path from the DN's ou= components.
    unit_from_dn: bool = True

    @property
    def binary_id(self) -> bool:
        """AD's objectGUID is 16 raw bytes; other ids are text."""
        return self.id.lower() in {"objectguid", "msds-consistencyguid"}

    def requested(self) -> tuple[str, ...]:
        """The attributes a full search asks for, each once (manager and photo are not used yet)."""
        names = [self.id, self.change]
        for name in TEXT_FIELDS:
            if name not in {"manager", "photo"}:
                names += getattr(self, name)
        names += [attribute for attribute, _kind in self.numbers]
        seen: dict[str, str] = {}
        for attribute in names:
            seen.setdefault(attribute.lower(), attribute)
        return tuple(seen.values())

    def problems(self) -> list[str]:
        """Attribute names that are not valid LDAP attribute descriptions."""
        names = [self.id, self.change, *(a for f in TEXT_FIELDS for a in getattr(self, f))]
        names += [attribute for attribute, _kind in self.numbers]
        return [f"{name!r} is not a valid LDAP attribute name" for name in names if not _ATTRIBUTE.match(name)]


AD = AttributeMapping(
    id="objectGUID",
    change="uSNChanged",
    display_name=("displayName", "cn"),
    given_name=("givenName",),
    surname=("sn",),
    title=("title",),
    unit=("company", "department"),
    location=("physicalDeliveryOfficeName",),
    email=("mail",),
    # AD keeps what a person does in "description" and in "info" (the Notes field of Users and Computers).
    description=("description", "info"),
    manager=("manager",),
    photo=("thumbnailPhoto",),
    numbers=(
        ("telephoneNumber", NumberKind.WORK),
        ("ipPhone", NumberKind.WORK),
        ("mobile", NumberKind.MOBILE),
        ("otherTelephone", NumberKind.OTHER),
    ),
    # AD's OUs are usually administrative ("OU=Users"), not the organisation an operator knows.
    unit_from_dn=False,
)

OPENLDAP = AttributeMapping(
    id="entryUUID",
    change="modifyTimestamp",
    display_name=("displayName", "cn"),
    given_name=("givenName",),
    surname=("sn",),
    title=("title",),
    unit=("ou",),
    location=("l",),
    email=("mail",),
    description=("description",),
    photo=("jpegPhoto",),
    numbers=(
        ("telephoneNumber", NumberKind.WORK),
        ("mobile", NumberKind.MOBILE),
        ("pager", NumberKind.PAGER),
    ),
)

PRESETS: dict[str, AttributeMapping] = {"ad": AD, "openldap": OPENLDAP}

# Default filters per preset: people, and (AD) only enabled accounts.
PERSON_FILTERS: dict[str, str] = {
    "ad": "(&(objectCategory=person)(objectClass=user)(!(userAccountControl:1.2.840.113556.1.4.803:=2)))",
    "openldap": "(objectClass=inetOrgPerson)",
}


def build_mapping(
    preset: str,
    overrides: Mapping[str, tuple[str, ...]] | None = None,
    numbers: Mapping[str, NumberKind] | None = None,
    change: str | None = None,
) -> AttributeMapping:
    """The preset with ``overrides`` (field -> attributes; ``()`` turns a field off) applied.

    ``numbers`` replaces the preset's number attributes; ``change`` its cursor attribute
    (e.g. "entryCSN" for OpenLDAP). Raises KeyError for an unknown preset and ValueError for an
    unknown field, so settings validation can report both.
    """
    mapping = PRESETS[preset]
    values: dict[str, object] = {}
    known = {f.name for f in fields(AttributeMapping)} - {"numbers", "unit_from_dn"}
    for name, attributes in (overrides or {}).items():
        if name not in known:
            raise ValueError(f"unknown mapping field {name!r} (known: {', '.join(sorted(known))})")
        if name in SINGLE_FIELDS:
            if len(attributes) != 1:
                raise ValueError(f"mapping field {name!r} takes exactly one attribute")
            values[name] = attributes[0]
        else:
            values[name] = tuple(attributes)
    if numbers is not None:
        kinds = [str(k) for k in NumberKind]
        for attribute, kind in numbers.items():
            if str(kind) not in kinds:
                raise ValueError(
                    f"number attribute {attribute!r}: unknown kind {kind!r} (use one of: {', '.join(kinds)})"
                )
        values["numbers"] = tuple((attribute, NumberKind(kind)) for attribute, kind in numbers.items())
    if change:
        values["change"] = change
    return replace(mapping, **values)  # type: ignore[arg-type]
