"""Resolving secret references ("env:VAR", "keyring:service/user"): secrets never live in config files."""

from __future__ import annotations

import os


class SecretError(Exception):
    """A secret reference that cannot be resolved; the message names the reference, never a value."""


def resolve_secret(reference: str) -> str:
    scheme, _, name = reference.partition(":")
    if scheme == "env":
        value = os.environ.get(name)
        if value is None:
            raise SecretError(f"environment variable {name} is not set (from {reference!r})")
        return value
    if scheme == "keyring":
        import keyring  # noqa: PLC0415 - keyring probes desktop backends at import; only when needed
        from keyring.errors import KeyringError  # noqa: PLC0415

        service, _, user = name.rpartition("/")
        try:
            value = keyring.get_password(service or "switchboard", user)
        except KeyringError as exc:
            raise SecretError(f"keyring lookup {reference!r} failed: {exc}") from exc
        if value is None:
            raise SecretError(f"no keyring entry for {reference!r}")
        return value
    raise SecretError(f"unknown secret reference {reference!r}: use env:NAME or keyring:service/user")
