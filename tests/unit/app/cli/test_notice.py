"""`switchboard notice`: posted, listed (table and JSON), cleared; bad input named, exit 2, nothing kept."""

from __future__ import annotations

import json

import pytest

from app.cli.main import main


def test_a_notice_is_posted_listed_and_cleared(capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("USER", "eva")
    assert main(["notice", "post", "Akuten: long waits, refer to 1177", "--minutes", "30"]) == 0
    assert capsys.readouterr().out.startswith("notice 1 shown until ")
    assert main(["notice", "list", "--json"]) == 0
    (shown,) = json.loads(capsys.readouterr().out)["notices"]
    assert (shown["id"], shown["text"], shown["cleared_by"]) == (1, "Akuten: long waits, refer to 1177", None)
    assert main(["notice", "clear", "1"]) == 0
    assert main(["notice", "clear", "1"]) == 1  # not shown any more
    assert "notice 1 is not shown" in capsys.readouterr().err
    assert main(["notice", "list"]) == 0
    assert capsys.readouterr().out == ""
    assert main(["notice", "list", "--all", "--json"]) == 0
    (kept,) = json.loads(capsys.readouterr().out)["notices"]
    assert kept["cleared_at"] is not None


@pytest.mark.parametrize(("argv", "why"), [
    (["   "], "a notice needs a text"), (["x" * 301], "at most 300 characters"),
    (["ok", "--until", "25:00"], "--until '25:00' is not a time of day"),
    (["ok", "--minutes", "0"], "after now")])
def test_a_bad_notice_is_refused_naming_why(argv: list[str], why: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["notice", "post", *argv]) == 2
    assert why in capsys.readouterr().err
    assert main(["notice", "list", "--all", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["notices"] == []
