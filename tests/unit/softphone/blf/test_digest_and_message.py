"""Digest answers (RFC 2617's worked example, qop-less and SHA-256) and SIP datagram parsing."""

from __future__ import annotations

import hashlib

from softphone.blf.digest import authorization, parse_challenge
from softphone.blf.message import parse, response_to, tag_of, uri_of


def test_rfc2617_example() -> None:
    challenge = parse_challenge('Digest realm="testrealm@host.com", qop="auth,auth-int", '
                                'nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41"')
    assert challenge is not None
    value = authorization(challenge, method="GET", uri="/dir/index.html", user="Mufasa",
                          password="Circle Of Life", cnonce="0a4f113b")
    assert 'response="6629fae49393a05397450978507c4ef1"' in value
    assert "nc=00000001" in value
    assert 'opaque="5ccc069c403ebaf9f0171e9517f40e41"' in value


def test_without_qop_and_sha256() -> None:
    challenge = parse_challenge('Digest realm="127.0.0.1", nonce="abc"')
    assert challenge is not None
    value = authorization(challenge, method="SUBSCRIBE", uri="sip:1002@127.0.0.1", user="1000", password="pw1000")
    ha1 = hashlib.md5(b"1000:127.0.0.1:pw1000").hexdigest()
    ha2 = hashlib.md5(b"SUBSCRIBE:sip:1002@127.0.0.1").hexdigest()
    assert f'response="{hashlib.md5(f"{ha1}:abc:{ha2}".encode()).hexdigest()}"' in value
    sha = parse_challenge('Digest realm="r", nonce="n", algorithm=SHA-256, qop="auth"')
    assert sha is not None
    assert "algorithm=SHA-256" in authorization(sha, method="SUBSCRIBE", uri="sip:x@y", user="u", password="p")


def test_unusable_challenges() -> None:
    assert parse_challenge('Basic realm="x"') is None
    assert parse_challenge('Digest realm="x"') is None
    assert parse_challenge('Digest realm="x", nonce="n", algorithm=MD4') is None


def test_parse_request_with_compact_headers_and_reply() -> None:
    data = (b"NOTIFY sip:1000@127.0.0.1:5070 SIP/2.0\r\nv: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKx\r\n"
            b"f: <sip:1002@127.0.0.1>;tag=abc\r\nt: <sip:1000@127.0.0.1>;tag=me\r\ni: cid\r\n"
            b"CSeq: 2 NOTIFY\r\nl: 4\r\n\r\nbodyEXTRA")
    message = parse(data)
    assert message is not None
    assert message.method == "NOTIFY"
    assert message.body == b"body"
    assert message.cseq == (2, "NOTIFY")
    assert tag_of(message.header("from")) == "abc"
    reply = parse(response_to(message, 200, "OK"))
    assert reply is not None
    assert reply.status == 200
    assert reply.header("call-id") == "cid"
    assert reply.cseq == (2, "NOTIFY")


def test_garbage_is_none() -> None:
    for data in (b"", b"\xff\xfe", b"HELLO", b"SIP/2.0 abc OK\r\n\r\n", b"INVITE x\r\n\r\n",
                 b"NOTIFY sip:x SIP/2.0\r\nno colon here\r\n\r\n"):
        assert parse(data) is None


def test_uri_of() -> None:
    assert uri_of('"A" <sip:a@b;lr>;tag=1') == "sip:a@b;lr"
    assert uri_of("sip:a@b;tag=1") == "sip:a@b"
    assert tag_of("<sip:a@b;tag=inside>") == ""
