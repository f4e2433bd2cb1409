"""`switchboard calendar refresh` logic against a real Radicale: all sources, one source, one person, JSON."""

from __future__ import annotations

import argparse
import io
import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.cli.calendar import add_arguments, refresh_command
from directory.calendars import CalDavSettings
from directory.model import Entry, EntryKind
from tests.helpers.processes import free_port
from tests.helpers.radicale import fill_calendar, ics_event, radicale_server

pytestmark = pytest.mark.integration
STOCKHOLM = ZoneInfo("Europe/Stockholm")
NOW = datetime(2026, 11, 23, 12, 10, tzinfo=STOCKHOLM)
ENTRIES = [Entry("ldap", "1", EntryKind.PERSON, "Anna Svensson", email="anna@skola.se", id=1),
           Entry("ldap", "2", EntryKind.PERSON, "Bo Ek", email="bo@skola.se", id=2),
           Entry("ldap", "3", EntryKind.PERSON, "Cia Berg", email="cia@skola.se", id=3)]


def test_parser() -> None:
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    args = parser.parse_args(["refresh", "--source", "Skola", "--person", "anna", "--json"])
    assert (args.calendar_command, args.source, args.entry, args.json) == ("refresh", "Skola", "anna", True)


def test_refresh_all_then_one_person(tmp_path: Path) -> None:
    with radicale_server(tmp_path) as url:
        fill_calendar(url, "anna", [ics_event("l", datetime(2026, 11, 23, 12, 0, tzinfo=STOCKHOLM),
                                              datetime(2026, 11, 23, 12, 45, tzinfo=STOCKHOLM), "LUN: hemligt"),
                                    ics_event("m", datetime(2026, 11, 24, 9, 0, tzinfo=STOCKHOLM),
                                              datetime(2026, 11, 24, 10, 0, tzinfo=STOCKHOLM), "Planering")])
        fill_calendar(url, "bo", [])
        settings = [CalDavSettings(name="Skola", url=url),
                    CalDavSettings(name="Down", domains=["nowhere.se"],
                                   url=f"http://127.0.0.1:{free_port()}")]
        out, err = io.StringIO(), io.StringIO()
        assert refresh_command(settings, ENTRIES, STOCKHOLM, now=NOW, out=out, err=err) == 0
        assert "Skola: ok; 3 mailboxes, 1 without an answer, 1 requests" in out.getvalue()
        assert "3/3 mailboxes" in err.getvalue()

        out = io.StringIO()
        assert refresh_command(settings, ENTRIES, STOCKHOLM, entry="Anna Svensson", now=NOW, out=out,
                               err=io.StringIO()) == 0
        lines = out.getvalue().splitlines()
        assert lines[0] == "Skola: ok; 1 mailboxes, 0 without an answer, 1 requests"
        assert lines[1] == "Anna Svensson: Lunch until 12:45"  # "LUN:" reads as its referral, not as a meeting
        assert lines[2].split() == ["today", "12:00-12:45", "Lunch"]
        assert lines[3].split() == ["tomorrow", "09:00-10:00", "busy"]
        assert "hemligt" not in out.getvalue()

        out = io.StringIO()
        assert refresh_command(settings, ENTRIES, STOCKHOLM, source="Skola", entry="anna@skola.se", as_json=True,
                               now=NOW, out=out, err=io.StringIO()) == 0
        source_line, person_line = (json.loads(line) for line in out.getvalue().splitlines())
        assert source_line["failure"] is None
        assert person_line["referral"]["code"] == "lunch"
        assert person_line["blocks"][0]["subject"] is None


def test_usage_errors_and_a_failing_source() -> None:
    err = io.StringIO()
    assert refresh_command([], ENTRIES, STOCKHOLM, now=NOW, err=err) == 2
    assert "no calendar source is configured" in err.getvalue()
    settings = [CalDavSettings(name="Down", url=f"http://127.0.0.1:{free_port()}")]
    err = io.StringIO()
    assert refresh_command(settings, ENTRIES, STOCKHOLM, source="Other", now=NOW, err=err) == 2
    assert "no calendar source named 'Other'" in err.getvalue()
    err = io.StringIO()
    assert refresh_command(settings, ENTRIES, STOCKHOLM, entry="Zyxw Qvv", now=NOW, err=err) == 2
    assert "matches no one" in err.getvalue()
    out = io.StringIO()
    assert refresh_command(settings, ENTRIES, STOCKHOLM, now=NOW, out=out, err=io.StringIO()) == 1
    assert out.getvalue().startswith("Down: failed (Down: ")
