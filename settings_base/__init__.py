"""What every settings section shares, wherever it is declared: strictness, and secret references.

The domain packages (`directory`, `softphone`) declare their own options as `Section` models and the
app composes them into the TOML tree (`app.config.settings`). This package sits below all of them so
that neither domain imports the other or the app; it imports nothing but pydantic.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict


def _secret_reference(value: str) -> str:
    scheme, _, name = value.partition(":")
    if scheme not in ("env", "keyring") or not name.strip():
        raise ValueError("expected a secret reference such as 'env:VARIABLE' or 'keyring:service/user', "
                         "never the secret itself")
    return value


# A setting that names where a secret is kept; the app resolves it (app.config.secrets), the domain
# receives the resolved value separately, so a settings object never holds a secret.
SecretRef = Annotated[str, AfterValidator(_secret_reference)]


class Section(BaseModel):
    """A settings table: unknown keys and wrong types are errors, never guessed at; values are frozen.

    Each field's type, default and description (``Field(description=...)``) are the setting's one
    declaration: `switchboard config reference`, `config check` and the README table come from it.
    """

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)
