"""The operator's call handling on top of `softphone.engine.Phone`: queue, hold, consult, transfer, recall.

Plain Python (no Qt, no pjsua2): `OperatorDesk` is a state machine fed by phone events and a clock,
tested with a fake phone and a fake clock. `records` holds its immutable rows and events.
"""
