"""The exchange's queue, client side: callers wait at the exchange (Kamailio) and consoles pick them.

`model` holds the immutable rows and events, `client` the HTTP calls and `watcher` the event stream.
Pure Python: no Qt, nothing from the app.
"""
