"""Every setting, declared once: type, default, description, and whether machine-wide policy may lock it.

`switchboard config check` and `switchboard config reference` (the README's table) are built from these
models. Sections are strict: unknown keys and wrong types are reported, never guessed at.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field


def _secret_reference(value: str) -> str:
    scheme, _, name = value.partition(":")
    if scheme not in ("env", "keyring") or not name.strip():
        raise ValueError("expected a secret reference such as 'env:VARIABLE' or 'keyring:service/user', "
                         "never the secret itself")
    return value


SecretRef = Annotated[str, AfterValidator(_secret_reference)]


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class GeneralSettings(Section):
    language: Literal["", "en", "sv", "nb"] = Field(
        "", description="User-interface language: en, sv or nb; empty follows the operating system.")


class StoreSettings(Section):
    url: str = Field(
        "", description="SQLAlchemy URL of the store; empty uses SQLite in the user data folder. "
                        "PostgreSQL: postgresql+psycopg://user@host/db (password via store.password).")
    password: SecretRef | None = Field(None, description="Secret reference for the database password.")


class DirectorySettings(Section):
    default_region: Literal["SE", "NO", "DK", "FI"] = Field(
        "SE", description="Country for phone numbers written without a country code.")
    result_limit: int = Field(50, ge=5, le=500, description="Most search results shown at once.")


class LoggingSettings(Section):
    level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field(
        "INFO", description="Log level of the rotating log file (no personal data at INFO).")


class PolicySettings(Section):
    locked: list[str] = Field(
        default_factory=list,
        description="Machine-wide file only: keys or whole sections users cannot override, "
                    "e.g. [\"store.url\", \"sip\"].")


class Settings(Section):
    general: GeneralSettings = GeneralSettings()
    store: StoreSettings = StoreSettings()
    directory: DirectorySettings = DirectorySettings()
    logging: LoggingSettings = LoggingSettings()
    policy: PolicySettings = PolicySettings()
