"""Whether the shared store can be reached, and the error a write gets while it cannot.

A console on a shared PostgreSQL store keeps working from its last copy when the server is stopped or the
network drops: it reads what it can and shows what it last read, but refuses every write at once with
`StoreUnreachableError`, naming the database and why, instead of waiting on a connection or queueing the
change to apply later, when it might silently undo someone else's. `unreachable` tells such errors from
those of a statement (a constraint, a conflict), which mean the store is there.
"""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError

# Connection exceptions (08...), and the server shutting down or not yet accepting connections.
_GONE_STATES = ("57P01", "57P02", "57P03")


class StoreUnreachableError(Exception):
    """The shared store cannot be reached: nothing was written; the console is read-only until it returns."""


def unreachable(error: BaseException) -> bool:
    """True when `error` says the database server could not be reached or the connection was lost."""
    if isinstance(error, StoreUnreachableError):
        return True
    original: BaseException | None = error
    if isinstance(error, DBAPIError):
        if error.connection_invalidated:
            return True
        original = error.orig
    import psycopg  # noqa: PLC0415 - only once something failed: the embedded store never needs the driver

    if isinstance(original, psycopg.OperationalError):
        state = original.sqlstate
        return state is None or state.startswith("08") or state in _GONE_STATES
    return False


# libpq's words when the server answered a connection and refused it (psycopg gives these no SQLSTATE): a
# configuration to correct, not an outage to wait out. English server messages; others are taken as an outage.
_REFUSED = ("password authentication failed", "does not exist", "no pg_hba.conf entry",
            "permission denied for database", "certificate authentication failed")


def refused(error: BaseException) -> bool:
    """True when the server was reached and refused this login or database (wrong password, unknown role or
    database, not allowed to connect): `unreachable` says True for these too, as the driver reports them as a
    failed connection, but waiting will not help."""
    text = str(getattr(error, "orig", None) or error)
    return "connection failed" in text and any(words in text for words in _REFUSED)


def reason(error: BaseException) -> str:
    """One line for a person: the driver's own first line, without SQLAlchemy's wrapping and links."""
    original = getattr(error, "orig", None) or error
    lines = [line.strip() for line in str(original).splitlines() if line.strip()]
    return (lines[0] if lines else type(original).__name__).split(" (Background on this error", 1)[0]
