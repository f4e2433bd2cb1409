"""What every settings section shares: strictness, and secret references instead of secrets."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict


def _secret_reference(value: str) -> str:
    scheme, _, name = value.partition(":")
    if scheme not in ("env", "keyring") or not name.strip():
        raise ValueError("expected a secret reference such as 'env:VARIABLE' or 'keyring:service/user', "
                         "never the secret itself")
    return value


SecretRef = Annotated[str, AfterValidator(_secret_reference)]


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)
