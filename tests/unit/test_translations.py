"""Swedish and Norwegian stay complete: every tr() string in the sources is in both .ts files, translated."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
LUPDATE = Path(sys.executable).with_name("pyside6-lupdate")


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {(context.findtext("name", ""), message.findtext("source", "")): message.find("translation")  # type: ignore[misc]
            for context in root.iter("context") for message in context.iter("message")}


@pytest.mark.parametrize("language", ["sv", "nb"])
def test_translation_is_complete_and_current(language: str, tmp_path: Path) -> None:
    committed = TRANSLATIONS / f"switchboard_{language}.ts"
    fresh = tmp_path / committed.name
    shutil.copy(committed, fresh)
    sources = sorted(str(p) for package in ("ui", "app") for p in (ROOT / package).rglob("*.py"))
    subprocess.run([str(LUPDATE), *sources, "-no-obsolete", "-ts", str(fresh)], check=True, capture_output=True)
    found = messages(fresh)
    assert set(found) == set(messages(committed)), "run lupdate and translate the new strings"
    untranslated = [key for key, translation in found.items()
                    if translation.get("type") == "unfinished"
                    or not ("".join(translation.itertext()).strip())]
    assert untranslated == []


def test_english_plural_forms_are_complete(tmp_path: Path) -> None:
    """English strings with %n get their singular and plural from a plural-only catalogue."""
    committed = TRANSLATIONS / "switchboard_en.ts"
    fresh = tmp_path / committed.name
    shutil.copy(committed, fresh)
    sources = sorted(str(p) for package in ("ui", "app") for p in (ROOT / package).rglob("*.py"))
    subprocess.run([str(LUPDATE), *sources, "-no-obsolete", "-pluralonly", "-ts", str(fresh)], check=True,
                   capture_output=True)
    found = messages(fresh)
    assert set(found) == set(messages(committed)), "run lupdate -pluralonly for switchboard_en.ts"
    assert [key for key, tr in found.items() if len(tr.findall("numerusform")) != 2] == []
