"""One HTTP request to an SMS gateway or provider, its failures said as the transport errors: a server not
reached has nothing (`NotSentError`, sent again later); one that took the request and did not answer in time,
or broke off, may have the message (`UncertainError`, never sent again)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from messaging.transports.base import NotSentError, UncertainError

if TYPE_CHECKING:  # httpx is imported when a message is sent (by the transport made to send it), not at start
    import httpx


def request(send: Callable[[], httpx.Response], what: str, url: str, timeout: float) -> httpx.Response:
    """`send()`'s response; `what` names the other side in messages ("the SMS gateway")."""
    import httpx  # noqa: PLC0415

    where = url.split("?", 1)[0]
    try:
        return send()
    except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
        raise NotSentError(f"cannot reach {what} {where}: {exc}") from None
    except httpx.TimeoutException:
        raise UncertainError(f"{what} {where} did not answer in {timeout:g} s; not resent, it may have been "
                             "sent") from None
    except httpx.HTTPError as exc:
        raise UncertainError(f"{what} {where} failed: {exc}; not resent") from None
