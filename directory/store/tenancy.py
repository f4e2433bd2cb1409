"""Tenants: every shared row belongs to an organisation, and a Store sees and writes only its own.

In the queries: each ORM statement of a Store's sessions gets ``organisation = <the store's>`` on every
shared model (`with_loader_criteria`), and new rows get the store's organisation before they are flushed,
so repositories need no tenant code of their own. On PostgreSQL the same holds below the application:
each connection sets ``switchboard.organisation``, and migration 0009's row-level security shows a row
only when that setting names its organisation and the user is a member of the organisation's role. A
console connecting with a role of organisation A therefore reads no row of B, even with a crafted query.
The directory cache (entries, units, numbers, usage) is not shared data and has no organisation.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, event, text
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker, with_loader_criteria

from directory.store.schema import (
    CallbackAuditRow,
    CallbackRow,
    CallLogRow,
    NoteAuditRow,
    NoteRow,
    NoticeRow,
    OperatorFavouriteRow,
    ReferralAuditRow,
    ReferralRow,
)

TENANT_MODELS: tuple[Any, ...] = (ReferralRow, NoteRow, ReferralAuditRow, CallLogRow, CallbackRow, CallbackAuditRow,
                                  OperatorFavouriteRow, NoticeRow, NoteAuditRow)
CONSOLE_ROLE = "switchboard_console"
EXCHANGE_ROLE = "switchboard_exchange"  # migration 0017: Kamailio's queue records, INSERT only
SETTING = "switchboard.organisation"


def bind_organisation(engine: Engine, sessions: sessionmaker[Session], organisation: str) -> None:
    """Confine `sessions` (and, on PostgreSQL, every connection of `engine`) to `organisation`."""
    models = frozenset(TENANT_MODELS)

    @event.listens_for(sessions, "do_orm_execute")
    def _only_ours(state: ORMExecuteState) -> None:
        if (state.is_select or state.is_update or state.is_delete) and not state.is_column_load \
                and not state.is_relationship_load:
            state.statement = state.statement.options(*(
                with_loader_criteria(model, model.organisation == organisation, include_aliases=True)
                for model in TENANT_MODELS))

    @event.listens_for(sessions, "before_flush")
    def _stamp_new_rows(session: Session, _context: Any, _instances: Any) -> None:
        for row in session.new:
            if type(row) in models:
                row.organisation = organisation

    if engine.dialect.name == "postgresql":
        @event.listens_for(engine, "connect")
        def _set_organisation(dbapi_connection: Any, _record: Any) -> None:
            # Session-wide (not per transaction): a Store serves one organisation for its whole life.
            with dbapi_connection.cursor() as cursor:
                cursor.execute("SELECT set_config(%s, %s, false)", (SETTING, organisation))
            dbapi_connection.commit()


def admit_sql(login: str, organisation: str) -> list[str]:
    """The statements that let the database role `login` work as a console of `organisation` (needs an
    administrator: CREATEROLE). Printed by `switchboard db admit` and run by `admit`; ValueError for a login
    or organisation that cannot be admitted (see `_quoted`)."""
    quoted_login, org = _quoted(login, organisation)
    return [
        f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = switchboard_org_role('{org}')) "
        f"THEN EXECUTE format('CREATE ROLE %I NOLOGIN', switchboard_org_role('{org}')); END IF; END $$",
        f"DO $$ BEGIN EXECUTE format('GRANT %I TO %s', switchboard_org_role('{org}'), "
        f"'{_literal(quoted_login)}'); END $$",
        f"GRANT {CONSOLE_ROLE} TO {quoted_login}",
    ]


def _literal(text: str) -> str:
    return text.replace("'", "''")


def _quoted(login: str, organisation: str) -> tuple[str, str]:
    """The login as an SQL identifier and the organisation as the inside of an SQL string; ValueError for a
    login or organisation that cannot be put in the statements (they run inside ``DO $$ ... $$`` blocks)."""
    if not login.strip():
        raise ValueError("the login is empty")
    for what, value in (("login", login), ("organisation", organisation)):
        if "$$" in value or "\x00" in value:
            raise ValueError(f"the {what} {value!r} cannot be admitted: it contains $$ or a NUL character")
    return '"' + login.replace('"', '""') + '"', _literal(organisation)


def admit_exchange_sql(login: str, organisation: str) -> list[str]:
    """The statements that let `login` be an exchange's Kamailio writing queue records of `organisation`:
    INSERT into exchange_queue_events for that organisation only, and nothing else (read no table, not even
    its own records). The `switchboard_exchange` role comes from migration 0017, made here if it could not be
    made there (the owner had no CREATEROLE)."""
    quoted_login, org = _quoted(login, organisation)
    return [
        f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{EXCHANGE_ROLE}') "
        f"THEN CREATE ROLE {EXCHANGE_ROLE} NOLOGIN; END IF; END $$",
        f"GRANT INSERT ON exchange_queue_events TO {EXCHANGE_ROLE}",
        "DO $$ BEGIN EXECUTE format('GRANT USAGE ON SEQUENCE %s TO " + EXCHANGE_ROLE + "', "
        "pg_get_serial_sequence('exchange_queue_events', 'id')); END $$",
        f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = switchboard_org_role('{org}')) "
        f"THEN EXECUTE format('CREATE ROLE %I NOLOGIN', switchboard_org_role('{org}')); END IF; END $$",
        f"DO $$ BEGIN EXECUTE format('GRANT %I TO %s', switchboard_org_role('{org}'), "
        f"'{_literal(quoted_login)}'); END $$",
        f"GRANT {EXCHANGE_ROLE} TO {quoted_login}",
    ]


def admit(engine: Engine, login: str, organisation: str, *, exchange: bool = False) -> None:
    """Run `admit_sql` (or, for an exchange's Kamailio, `admit_exchange_sql`) on PostgreSQL (nothing to do on
    SQLite, which has no roles)."""
    if engine.dialect.name != "postgresql":
        return
    with engine.begin() as connection:
        for statement in (admit_exchange_sql if exchange else admit_sql)(login, organisation):
            connection.execute(text(statement))
