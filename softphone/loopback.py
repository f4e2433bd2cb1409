"""A pjsua2 endpoint on 127.0.0.1 with no sound device and PCMU first: the demo lab's and the test peers'.

Call only from the thread that will pump the endpoint (threadCnt 0, mainThreadOnly, see engine.py).
"""

from __future__ import annotations

from typing import Any

import pjsua2 as pj


def start_loopback_endpoint(*, max_calls: int = 4) -> tuple[Any, int, int]:
    """Create, initialise and start an endpoint; returns (endpoint, UDP transport id, its port)."""
    ep = pj.Endpoint()
    ep.libCreate()
    cfg = pj.EpConfig()
    cfg.uaConfig.threadCnt = 0
    cfg.uaConfig.mainThreadOnly = True
    cfg.uaConfig.maxCalls = max_calls
    cfg.logConfig.consoleLevel = 0
    cfg.logConfig.level = 0
    cfg.medConfig.noVad = True
    ep.libInit(cfg)
    transport = pj.TransportConfig()
    transport.boundAddress = transport.publicAddress = "127.0.0.1"
    tid = ep.transportCreate(pj.PJSIP_TRANSPORT_UDP, transport)
    ep.libStart()
    ep.audDevManager().setNullDev()
    for codec in ep.codecEnum2():  # PCMU carries a test tone cleanly (FIELD-NOTES: speex clips it)
        ep.codecSetPriority(codec.codecId, 255 if codec.codecId.startswith("PCMU/") else 0)
    return ep, tid, int(ep.transportGetInfo(tid).localName.rpartition(":")[2])
