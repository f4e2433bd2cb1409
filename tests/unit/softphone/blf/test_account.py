"""The BLF identity taken from the softphone's account settings."""

from __future__ import annotations

from softphone.blf import BlfAccount
from softphone.settings import AccountSettings, PhoneSettings


def test_from_settings_uses_outbound_proxy_else_registrar() -> None:
    settings = PhoneSettings(AccountSettings(user="1000", domain="pbx.example", registrar="10.0.0.1:5070",
                                             auth_user="u1000", bind_address="10.0.0.9"), password="s")
    account = BlfAccount.from_settings(settings, expires_s=300)
    assert (account.user, account.domain, account.password, account.auth_user) == ("1000", "pbx.example", "s", "u1000")
    assert account.proxy_address == ("10.0.0.1", 5070)
    assert account.bind_address == "10.0.0.9"
    assert account.expires_s == 300
    proxied = BlfAccount.from_settings(PhoneSettings(AccountSettings(user="1", domain="d", registrar="r",
                                                                     outbound_proxy="p")))
    assert proxied.proxy_address == ("p", 5060)
    assert "password" not in repr(account)
