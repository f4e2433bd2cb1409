"""The demo exchange: a loopback SIP lab in its own process for `switchboard --demo` and the tests.

`frontdoor` is a tiny registrar and stateless relay (plain sockets, no pjsua2) so the console phone
registers and dials as it would against a PBX; `lab` is the pjsua2 process that hosts the demo staff's
extensions (answer, ring out or busy) and places calls to the operator from realistic numbers.
"""
