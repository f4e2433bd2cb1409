"""What every settings section shares; declared in `settings_base`, below the domain packages."""

from __future__ import annotations

from settings_base import SecretRef, Section

__all__ = ["SecretRef", "Section"]
