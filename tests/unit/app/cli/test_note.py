"""`switchboard note`: added, listed with versions, edited as of a version (exit 3 naming who changed it when
someone did meanwhile, --force over it), every step in its history; bad input named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli.main import main

CSV = "id,kind,name,given_name,surname,title,unit,work\n" \
      "p1,person,Karl Eriksson,Karl,Eriksson,Sjuksköterska,Region / Akuten,019-602 20 00\n"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_note_is_added_edited_as_of_its_version_and_audited(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    csv = tmp_path / "staff.csv"
    csv.write_text(CSV, encoding="utf-8")
    assert run(capsys, "directory", "import", str(csv))[0] == 0
    monkeypatch.setenv("USER", "eva")
    code, out, _ = run(capsys, "note", "add", "karl eriksson", "Prefers e-mail")
    assert (code, out.strip()) == (0, "Karl Eriksson: note 1 added")
    (listed,) = json.loads(run(capsys, "note", "list", "karl", "--json")[1])["notes"]
    assert (listed["id"], listed["text"], listed["version"], listed["author"]) == (1, "Prefers e-mail", 1, "eva")
    assert run(capsys, "note", "edit", "1", "Prefers e-mail, never SMS", "--version", "1")[1].strip() == \
        "note 1 is now version 2"
    monkeypatch.setenv("USER", "bo")
    code, out, err = run(capsys, "note", "edit", "1", "Call the ward", "--version", "1")  # as listed before
    assert (code, out) == (3, "")
    assert "note 1 was not changed: eva changed it at " in err
    assert "to 'Prefers e-mail, never SMS' (version 2, not 1); run again with --version 2, or --force" in err
    assert run(capsys, "note", "edit", "1", "Call the ward", "--force")[0] == 0
    assert run(capsys, "note", "list", "karl")[1].strip() == "1\tv3\tbo\tCall the ward"
    history = run(capsys, "note", "history", "1")[1].splitlines()
    assert [line.split("\t")[1:3] for line in history] == [["added", "eva"], ["edited", "eva"], ["edited", "bo"]]
    assert history[2].endswith("'Prefers e-mail, never SMS' -> 'Call the ward'")
    code, _, err = run(capsys, "note", "edit", "9", "x")
    assert (code, err.strip()) == (1, "error: no note 9")
    code, _, err = run(capsys, "note", "add", "nobody known", "x")
    assert code == 1
    assert "no one matches 'nobody known'" in err
