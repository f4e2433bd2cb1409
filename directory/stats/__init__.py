"""Call measurement: offered, answered, abandoned, service level and waits, per period, service and console.

Pure domain code plus SQLAlchemy Core; no Qt, nothing from `app`/`ui`. `definitions` says once what each
figure means (the README and the window show the same table), `tally` and `figures` compute them from
hourly aggregates, `rollup` keeps those aggregates filled from the call log, `query` reads a period.
"""
