"""HTTP digest for SIP (RFC 2617/3261/8760 MD5 and SHA-256, qop=auth or none), from a challenge header."""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass

_PARAM = re.compile(r'\s*([A-Za-z0-9_-]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^,\s]*)\s*,?')
_HASHES = {"MD5": hashlib.md5, "SHA-256": hashlib.sha256}


@dataclass(frozen=True, slots=True)
class Challenge:
    realm: str
    nonce: str
    algorithm: str = "MD5"
    qop: tuple[str, ...] = ()
    opaque: str | None = None


def parse_challenge(value: str) -> Challenge | None:
    """A `WWW-Authenticate`/`Proxy-Authenticate` value; None when it is not a usable digest challenge."""
    scheme, _, rest = value.strip().partition(" ")
    if scheme.lower() != "digest":
        return None
    params: dict[str, str] = {}
    for match in _PARAM.finditer(rest):
        raw = match[2]
        params[match[1].lower()] = raw[1:-1].replace('\\"', '"') if raw.startswith('"') else raw
    algorithm = params.get("algorithm", "MD5").upper()
    if "nonce" not in params or algorithm not in _HASHES:
        return None
    qop = tuple(q.strip() for q in params.get("qop", "").split(",") if q.strip())
    return Challenge(params.get("realm", ""), params["nonce"], algorithm, qop, params.get("opaque"))


def authorization(challenge: Challenge, *, method: str, uri: str, user: str, password: str,
                  nc: int = 1, cnonce: str | None = None) -> str:
    """The `Authorization`/`Proxy-Authorization` value answering ``challenge``."""
    def h(text: str) -> str:
        return _HASHES[challenge.algorithm](text.encode()).hexdigest()

    ha1 = h(f"{user}:{challenge.realm}:{password}")
    ha2 = h(f"{method}:{uri}")
    fields = [f'username="{user}"', f'realm="{challenge.realm}"', f'nonce="{challenge.nonce}"', f'uri="{uri}"']
    if "auth" in challenge.qop:
        cnonce = cnonce or secrets.token_hex(8)
        count = f"{nc:08x}"
        response = h(f"{ha1}:{challenge.nonce}:{count}:{cnonce}:auth:{ha2}")
        fields += [f'response="{response}"', "qop=auth", f"nc={count}", f'cnonce="{cnonce}"']
    else:
        fields.append(f'response="{h(f"{ha1}:{challenge.nonce}:{ha2}")}"')
    fields.append(f"algorithm={challenge.algorithm}")
    if challenge.opaque is not None:
        fields.append(f'opaque="{challenge.opaque}"')
    return "Digest " + ", ".join(fields)
