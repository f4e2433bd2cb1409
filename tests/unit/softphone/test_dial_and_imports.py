from __future__ import annotations

import subprocess
import sys

import pytest

from softphone.addressing import dial_uri


@pytest.mark.parametrize(("typed", "uri"), [
    ("2001", "sip:2001@example.com"),
    ("+46 (8) 123-45 67", "sip:+4681234567@example.com"),
    ("alice@other.org", "sip:alice@other.org"),
    ("sip:bob@pbx;transport=tcp", "sip:bob@pbx;transport=tcp"),
    ("*99#", "sip:*99#@example.com"),
])
def test_dial_uri(typed: str, uri: str) -> None:
    assert dial_uri(typed, "example.com") == uri


@pytest.mark.parametrize("typed", ["", "Anna Svensson", "sip:a b@c", "sip:<evil>@x", "12\x003"])
def test_dial_uri_rejects_what_is_not_an_address(typed: str) -> None:
    with pytest.raises(ValueError, match="not a"):
        dial_uri(typed, "example.com")


def test_softphone_imports_without_qt() -> None:
    code = (
        "import sys\n"
        "sys.modules['PySide6'] = None\n"  # any Qt import now fails
        "import softphone.engine, softphone.model, softphone.settings, softphone.identity\n"
        "assert not any(m.startswith('PySide6') for m in sys.modules if sys.modules[m] is not None)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=str(__import__("pathlib").Path(__file__).parents[3]))
