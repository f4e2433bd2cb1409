"""`switchboard db admit`: the SQL that admits a PostgreSQL login to an organisation, printed as tenancy makes
it; refused plainly for what cannot be admitted, and for an SQLite store when asked to run it."""

from __future__ import annotations

import pytest

from app.cli.main import main
from directory.store.tenancy import admit_exchange_sql, admit_sql


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _statements(out: str) -> list[str]:
    """The printed statements, without the leading comment, each without its closing semicolon."""
    lines = [line for line in out.splitlines() if not line.startswith("--")]
    assert all(line.endswith(";") for line in lines)
    return [line[:-1] for line in lines]


def test_the_sql_for_a_console_and_for_an_exchange_is_printed(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "db", "admit", "reception_a", "Region A")
    assert code == 0
    assert out.startswith("-- As an administrator")
    assert _statements(out) == admit_sql("reception_a", "Region A")
    assert "GRANT switchboard_console TO \"reception_a\";" in out
    code, out, _ = _run(capsys, "db", "admit", "kamailio_a", "Region A", "--exchange")
    assert code == 0
    assert _statements(out) == admit_exchange_sql("kamailio_a", "Region A")
    assert "GRANT INSERT ON exchange_queue_events TO switchboard_exchange;" in out


def test_quotes_in_a_login_or_organisation_stay_inside_their_strings() -> None:
    statements = admit_sql("o'brien \"x\"", "St Mary's")
    assert "switchboard_org_role('St Mary''s')" in statements[0]
    assert "'\"o''brien \"\"x\"\"\"'" in statements[1]
    assert statements[2] == "GRANT switchboard_console TO \"o'brien \"\"x\"\"\""


@pytest.mark.parametrize(("login", "organisation", "said"), [
    ("", "Region A", "the login is empty"),
    ("a$$b", "Region A", "the login 'a$$b' cannot be admitted"),
    ("reception_a", "Region $$A", "the organisation 'Region $$A' cannot be admitted"),
])
def test_what_cannot_be_admitted_is_named(capsys: pytest.CaptureFixture[str], login: str, organisation: str,
                                          said: str) -> None:
    code, out, err = _run(capsys, "db", "admit", login, organisation)
    assert (code, out) == (2, "")
    assert err.startswith(f"error: {said}")


def test_an_sqlite_store_has_no_logins_to_admit(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "db", "admit", "reception_a", "Region A", "--execute")
    assert (code, out) == (2, "")
    assert "is an SQLite store: it has no logins to admit" in err
