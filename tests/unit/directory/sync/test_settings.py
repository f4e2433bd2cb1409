"""Source settings: validation before any network traffic, mapping overrides, fingerprint."""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from pathlib import Path

import pytest

from directory.model import NumberKind
from directory.sync import AD, LdapConfigError, LdapSourceSettings


def make(**changes: object) -> LdapSourceSettings:
    values: dict[str, object] = {"name": "region", "urls": ("ldaps://dc1.region.se", "ldaps://dc2.region.se:636"),
                                 "base_dns": ("OU=Staff,DC=region,DC=se",), "bind_dn": "CN=svc,DC=region,DC=se",
                                 "password": "s3cret", "preset": "ad"}
    values.update(changes)
    return LdapSourceSettings(**values)  # type: ignore[arg-type]


def test_good_settings_have_no_problems() -> None:
    settings = make()
    assert settings.problems() == []
    assert settings.mapping() == AD
    assert "objectCategory=person" in settings.people_filter
    assert "s3cret" not in repr(settings)


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"urls": ()}, "no server URL given"),
        ({"urls": ("http://dc1",)}, "must start with ldap:// or ldaps://"),
        ({"urls": ("ldap://",)}, "names no host"),
        ({"urls": ("ldap://dc1:99999",)}, "invalid port"),
        ({"urls": ("ldaps://dc1",), "start_tls": True}, "start_tls cannot be combined"),
        ({"base_dns": ()}, "no base DN given"),
        ({"base_dns": ("not a dn",)}, "'not a dn' is not a valid DN"),
        ({"password": ""}, "without a password"),
        ({"person_filter": "(&(objectClass=user)"}, "person_filter '(&(objectClass=user)' is not a valid"),
        ({"function_filter": "objectClass=contact"}, "function_filter"),
        ({"preset": "novell"}, "unknown preset 'novell'"),
        ({"attributes": {"phone": ("telephoneNumber",)}}, "unknown mapping field 'phone'"),
        ({"attributes": {"id": ("a", "b")}}, "takes exactly one attribute"),
        ({"attributes": {"title": ("bad name!",)}}, "'bad name!' is not a valid LDAP attribute name"),
        ({"page_size": 0}, "page_size 0 is outside"),
        ({"numbers": {"pager": "beeper"}}, "number attribute 'pager': unknown kind 'beeper'"),
        ({"timeout": 0}, "timeout must be positive"),
        ({"ca_file": Path("/nonexistent/ca.pem")}, "CA file '/nonexistent/ca.pem' does not exist"),
    ],
)
def test_each_problem_is_named(changes: dict[str, object], problem: str) -> None:
    problems = make(**changes).problems()
    assert any(problem in p for p in problems), problems


def test_check_raises_one_error_listing_every_problem() -> None:
    with pytest.raises(LdapConfigError) as caught:
        make(urls=(), base_dns=()).check()
    assert not caught.value.transient
    assert "no server URL given" in str(caught.value)
    assert "no base DN given" in str(caught.value)
    assert str(caught.value).startswith("directory source 'region':")


def test_overrides_apply_on_top_of_the_preset() -> None:
    settings = make(
        attributes={"display_name": ("cn",), "location": (), "id": ("employeeID",)},
        numbers={"telephoneNumber": NumberKind.SWITCH, "extensionAttribute5": NumberKind.DECT},
        change_attribute="whenChanged",
    )
    mapping = settings.mapping()
    assert (mapping.display_name, mapping.location, mapping.id, mapping.change) == (
        ("cn",), (), "employeeID", "whenChanged")
    assert mapping.numbers == (("telephoneNumber", NumberKind.SWITCH), ("extensionAttribute5", NumberKind.DECT))
    assert mapping.given_name == AD.given_name
    assert not mapping.binary_id
    requested = mapping.requested()
    assert "employeeID" in requested
    assert "thumbnailPhoto" not in requested  # photos are not fetched until the store keeps them


def test_settings_are_frozen_all_the_way_down() -> None:
    settings = make(attributes={"title": ("title",)})
    with pytest.raises(FrozenInstanceError):
        settings.page_size = 5  # type: ignore[misc]
    with pytest.raises(TypeError):
        settings.attributes["title"] = ("x",)  # type: ignore[index]


def test_fingerprint_follows_what_decides_the_entries() -> None:
    assert make().fingerprint() == make(password="other", page_size=100, timeout=3).fingerprint()
    assert make().fingerprint() != make(person_filter="(objectClass=user)").fingerprint()
    assert make().fingerprint() != make(base_dns=("DC=region,DC=se",)).fingerprint()
    assert make().fingerprint() != make(attributes={"title": ()}).fingerprint()


def test_a_single_attribute_may_be_a_plain_string() -> None:
    settings = make(attributes={"display_name": "cn", "id": "employeeID"})  # as parsed from TOML
    assert settings.mapping().display_name == ("cn",)
    assert settings.mapping().id == "employeeID"
