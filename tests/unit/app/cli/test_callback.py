"""`switchboard callback list`: the shared call-back list read back as table and JSON."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from app.cli.main import main
from app.config.paths import Paths
from directory.store import Store, sqlite_url
from directory.store.callbacks import CallbackRepository, NewCallback


def fill(store: Store, now: datetime) -> None:
    """Three callers who gave up: one waiting, one taken by eva, one eva has called back."""
    repo = CallbackRepository(store, console="op-pc-1")
    repo.add(NewCallback("+4670111", "Åsa Öberg", "+4631000", now - timedelta(minutes=30), "waiting"))
    repo.claim(repo.add(NewCallback("+4670222", "", "+4631000", now - timedelta(minutes=20), "held")).id, "eva")
    repo.done(repo.add(NewCallback("+4670333", "Bo Ek", "+4631000", now - timedelta(minutes=10), "waiting")).id,
              "eva")


@pytest.fixture
def filled() -> datetime:
    now = datetime.now(UTC).replace(microsecond=0)
    store = Store.open(sqlite_url(Paths.current().default_database))
    try:
        fill(store, now)
    finally:
        store.dispose()
    return now


def test_list_prints_the_open_call_backs_newest_first_with_who_took_them(
        filled: datetime, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["callback", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["Id", "Hung", "up", "Caller", "Number", "Dialled", "State", "Console"]
    assert "+4670222" in lines[1]
    assert lines[1].rstrip().endswith("taken by eva  op-pc-1")
    assert "Åsa Öberg" in lines[2]
    assert "waiting" in lines[2]
    assert len(lines) == 3


def test_list_json_has_a_stable_shape_and_all_includes_those_done(
        filled: datetime, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["callback", "list", "--all", "--json"]) == 0
    listing = json.loads(capsys.readouterr().out)
    assert [c["state"] for c in listing["callbacks"]] == ["done", "claimed", "waiting"]
    done, claimed, waiting = listing["callbacks"]
    assert set(waiting) == {"id", "hung_up_at", "name", "number", "dialled", "stage", "state", "claimed_by",
                            "claimed_at", "done_by", "done_at", "console", "version"}
    assert waiting["hung_up_at"] == (filled - timedelta(minutes=30)).isoformat().replace("+00:00", "Z")
    assert (waiting["claimed_by"], waiting["done_by"], waiting["version"]) == (None, None, 1)
    assert (claimed["claimed_by"], claimed["stage"], claimed["claimed_at"][-1]) == ("eva", "held", "Z")
    assert (done["done_by"], done["version"]) == ("eva", 2)


def test_an_empty_list_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["callback", "list"]) == 0
    assert capsys.readouterr().out == "no one to call back\n"
