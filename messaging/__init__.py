"""Messages to staff: SMS, e-mail and pager (ESPA 4.4.4) messages taken by the operator and sent on.

Pure domain: no Qt, nothing from `app` or `ui`. `compose` turns what the operator typed into validated
messages, the store's outbox (`directory.store.outbox`) holds them before anything is sent, `dispatch`
sends each due message exactly once through a `transports` implementation.
"""
