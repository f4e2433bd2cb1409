"""One dialog-event subscription's SIP dialog state and the SUBSCRIBE requests it sends (no I/O here)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field

from softphone.blf.dialoginfo import DialogBook, LineActivity
from softphone.blf.digest import Challenge, authorization
from softphone.blf.message import Message, build, tag_of, uri_of
from softphone.settings import PhoneSettings


@dataclass(frozen=True, slots=True)
class BlfAccount:
    """Who subscribes and through which proxy; ``proxy`` is "host[:port]" (UDP)."""

    user: str
    domain: str
    proxy: str
    password: str = field(default="", repr=False)
    auth_user: str = ""
    bind_address: str = "127.0.0.1"
    expires_s: int = 600
    user_agent: str = "Switchboard BLF"

    @classmethod
    def from_settings(cls, settings: PhoneSettings, *, expires_s: int = 600) -> BlfAccount:
        """The BLF identity of the softphone's account: same user, secret and proxy (UDP)."""
        account = settings.account
        return cls(account.user, account.domain, account.outbound_proxy or account.registrar,
                   password=settings.password, auth_user=account.auth_user, bind_address=account.bind_address,
                   expires_s=expires_s, user_agent=f"{settings.user_agent} BLF")

    @property
    def proxy_address(self) -> tuple[str, int]:
        host, _, port = self.proxy.rpartition(":") if self.proxy.count(":") == 1 else (self.proxy, "", "")
        return (host or self.proxy), int(port or 5060)


def target_uri(target: str, domain: str) -> str:
    return target if target.startswith(("sip:", "sips:")) else f"sip:{target}@{domain}"


@dataclass
class Subscription:
    """The dialog with the notifier for one watched target; the client's thread alone touches it."""

    target: str
    uri: str
    call_id: str = field(default_factory=lambda: secrets.token_hex(12))
    from_tag: str = field(default_factory=lambda: secrets.token_hex(6))
    to_tag: str = ""
    cseq: int = 0
    remote_target: str = ""
    route: tuple[str, ...] = ()
    challenge: tuple[str, Challenge] | None = None  # header name and challenge, reused on refreshes
    nonce_count: int = 0
    auth_failures: int = 0
    refresh_at: float = 0.0
    book: DialogBook = field(default_factory=DialogBook)
    reported: LineActivity | None = None

    def request(self, account: BlfAccount, contact: str, via_host: str, *, expires: int) -> bytes:
        self.cseq += 1
        ruri = self.remote_target or self.uri
        headers = [
            ("Via", f"SIP/2.0/UDP {via_host};branch=z9hG4bK{secrets.token_hex(8)};rport"),
            ("Max-Forwards", "70"),
            ("From", f"<sip:{account.user}@{account.domain}>;tag={self.from_tag}"),
            ("To", f"<{self.uri}>" + (f";tag={self.to_tag}" if self.to_tag else "")),
            ("Call-ID", self.call_id), ("CSeq", f"{self.cseq} SUBSCRIBE"), ("Contact", f"<{contact}>"),
            *(("Route", route) for route in self.route),
            ("Event", "dialog"), ("Accept", "application/dialog-info+xml"), ("Expires", str(expires)),
            ("User-Agent", account.user_agent),
        ]
        if self.challenge is not None:
            header, challenge = self.challenge
            self.nonce_count += 1
            name = "Proxy-Authorization" if header == "proxy-authenticate" else "Authorization"
            headers.append((name, authorization(challenge, method="SUBSCRIBE", uri=ruri,
                                                user=account.auth_user or account.user,
                                                password=account.password, nc=self.nonce_count)))
        return build(f"SUBSCRIBE {ruri} SIP/2.0", headers)

    def accepted(self, response: Message) -> None:
        """Learn the dialog from a 2xx: remote tag, target and route set (Record-Route reversed)."""
        self.to_tag = self.to_tag or tag_of(response.header("to"))
        self.remote_target = uri_of(response.header("contact")) or self.remote_target
        routes = [r.strip() for value in response.all("record-route") for r in value.split(",") if r.strip()]
        if routes:
            self.route = tuple(reversed(routes))

    def notified(self, request: Message) -> None:
        """A NOTIFY can arrive before the 2xx: learn the remote tag and target from it too."""
        self.to_tag = self.to_tag or tag_of(request.header("from"))
        self.remote_target = self.remote_target or uri_of(request.header("contact"))

