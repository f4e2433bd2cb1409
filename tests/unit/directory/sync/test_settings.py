"""Source settings: validation before any network traffic, mapping overrides, fingerprint."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from directory.model import NumberKind
from directory.sync import AD, LdapConfigError, LdapSourceSettings
from directory.sync.settings import LdapSourceConfig


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
        ({"urls": ("http://dc1",)}, "must start with ldap:// or ldaps://"),
        ({"urls": ("ldap://",)}, "names no host"),
        ({"urls": ("ldap://dc1:99999",)}, "invalid port"),
        ({"urls": ("ldaps://dc1",), "start_tls": True}, "start_tls cannot be combined"),
        ({"base_dns": ("not a dn",)}, "'not a dn' is not a valid DN"),
        ({"password": ""}, "without a password"),
        ({"person_filter": "(&(objectClass=user)"}, "person_filter '(&(objectClass=user)' is not a valid"),
        ({"function_filter": "objectClass=contact"}, "function_filter"),
        ({"attributes": {"phone": ("telephoneNumber",)}}, "unknown mapping field 'phone'"),
        ({"attributes": {"id": ("a", "b")}}, "takes exactly one attribute"),
        ({"attributes": {"title": ("bad name!",)}}, "'bad name!' is not a valid LDAP attribute name"),
        ({"ca_file": "/nonexistent/ca.pem"}, "CA file '/nonexistent/ca.pem' does not exist"),
    ],
)
def test_each_problem_is_named(changes: dict[str, object], problem: str) -> None:
    problems = make(**changes).problems()
    assert any(problem in p for p in problems), problems


@pytest.mark.parametrize("changes", [{"urls": ()}, {"base_dns": ()}, {"preset": "novell"}, {"page_size": 0},
                                     {"numbers": {"pager": "beeper"}}, {"timeout": 0}, {"name": ""}])
def test_what_the_declaration_rules_out_never_reaches_a_sync(changes: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        make(**changes)


def test_check_raises_one_error_listing_every_problem() -> None:
    with pytest.raises(LdapConfigError) as caught:
        make(urls=("http://dc1",), base_dns=("not a dn",)).check()
    assert not caught.value.transient
    assert "must start with ldap:// or ldaps://" in str(caught.value)
    assert "'not a dn' is not a valid DN" in str(caught.value)
    assert str(caught.value).startswith("directory source 'region':")


def test_built_from_the_declaration_with_the_resolved_password_and_region() -> None:
    declared = LdapSourceConfig(name="region", urls=("ldaps://dc1",), base_dns=("dc=region,dc=se",),
                                bind_dn="cn=svc,dc=region,dc=se", password="env:LDAP_PW", page_size=100)
    settings = LdapSourceSettings.from_config(declared, password="s3cret", region="NO")
    assert (settings.name, settings.password, settings.region) == ("ldap:region", "s3cret", "NO")
    assert settings.page_size == 100
    assert settings.urls == declared.urls
    assert "s3cret" not in repr(settings)


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


def test_settings_are_frozen() -> None:
    settings = make(attributes={"title": ("title",)})
    with pytest.raises(ValidationError):
        settings.page_size = 5  # type: ignore[misc]
    assert settings.attributes["title"] == ("title",)


def test_fingerprint_follows_what_decides_the_entries() -> None:
    assert make().fingerprint() == make(password="other", page_size=100, timeout=3).fingerprint()
    assert make().fingerprint() != make(person_filter="(objectClass=user)").fingerprint()
    assert make().fingerprint() != make(base_dns=("DC=region,DC=se",)).fingerprint()
    assert make().fingerprint() != make(attributes={"title": ()}).fingerprint()
