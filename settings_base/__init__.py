"""What every settings section shares, wherever it is declared: strictness, and secret references.

The domain packages (`directory`, `softphone`) declare their own options as `Section` models and the
app composes them into the TOML tree (`app.config.settings`). This package sits below all of them so
that neither domain imports the other or the app; it imports nothing but pydantic.
"""

from __future__ import annotations

from typing import Annotated, Any, TypeVar

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Strict

_T = TypeVar("_T")


def _secret_reference(value: str) -> str:
    scheme, _, name = value.partition(":")
    if scheme not in ("env", "keyring") or not name.strip():
        raise ValueError("expected a secret reference such as 'env:VARIABLE' or 'keyring:service/user', "
                         "never the secret itself")
    return value


# A setting that names where a secret is kept; the app resolves it (app.config.secrets), the domain
# receives the resolved value separately, so a settings object never holds a secret.
SecretRef = Annotated[str, AfterValidator(_secret_reference)]


# An enum setting, written in TOML as its value ("udp"): strict sections accept only members otherwise.
# Values are still checked exactly (no case folding, no numbers), and the runtime reads the member.
Choice = Annotated[_T, Strict(False)]


def _tuple_from_array(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


# A list setting held as a tuple, so sections stay hashable and immutable all the way down; a TOML array
# becomes the tuple, each item still validated strictly.
Items = Annotated[tuple[_T, ...], BeforeValidator(_tuple_from_array)]


class Section(BaseModel):
    """A settings table: unknown keys and wrong types are errors, never guessed at; values are frozen.

    Each field's type, default and description (``Field(description=...)``) are the setting's one
    declaration: `switchboard config reference`, `config check` and the README table come from it.
    """

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)
