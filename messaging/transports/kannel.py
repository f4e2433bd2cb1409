"""SMS through Kannel's smsbox HTTP interface (`/cgi-bin/sendsms`).

Kannel answers 202 "0: Accepted for delivery" (or "3: Queued for later delivery") when it has the
message; 4xx when it refuses it (a bad login, a missing sender); 503 when it could not take it now. It
splits long texts itself (the sendsms-user's `max-messages`). It returns no id of its own, so the
outbox id travels in the delivery-report URL (`dlr-url`), which Kannel calls with `%d` filled in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlencode

from pydantic import Field

from messaging.settings import KannelSettings
from messaging.sms_text import is_gsm
from messaging.transports.base import NotSentError, Outgoing, RefusedError
from messaging.transports.http_request import request

if TYPE_CHECKING:
    import httpx

DLR_MASK = 1 | 2 | 8 | 16  # delivered, failed, submitted to the SMSC, rejected by the SMSC
SERVER_ERROR = 500


class KannelConfig(KannelSettings):
    """`[messages.kannel]` as the transport runs it: the declaration, its password resolved."""

    password: str = Field("", repr=False)  # the resolved secret, not its reference


def sendsms_params(config: KannelConfig, message: Outgoing) -> dict[str, str]:
    """The query of one sendsms request: UTF-8 text, coded as 7-bit GSM when it fits, else UCS-2."""
    params = {"username": config.username, "password": config.password, "to": message.recipient,
              "text": message.text, "charset": "UTF-8", "coding": "0" if is_gsm(message.text) else "2"}
    if config.sender:
        params["from"] = config.sender
    if config.dlr_url:
        separator = "&" if "?" in config.dlr_url else "?"
        # Kannel replaces %d with the report type; our id comes back with it.
        params["dlr-mask"] = str(DLR_MASK)
        params["dlr-url"] = f"{config.dlr_url}{separator}{urlencode({'id': message.id})}&type=%d"
    return params


class KannelTransport:
    def __init__(self, config: KannelConfig, client: httpx.Client | None = None) -> None:
        import httpx  # noqa: PLC0415 - only a console that sends SMS through Kannel imports it (0.1 s)

        self._config = config
        self._client = client or httpx.Client(timeout=config.timeout)

    def send(self, message: Outgoing) -> str:
        c = self._config
        response = request(lambda: self._client.get(c.url, params=sendsms_params(c, message)), "the SMS gateway",
                           c.url, c.timeout)
        answer = response.text.strip()
        if response.status_code in (200, 202):
            return f"kannel:{message.id}"
        if response.status_code >= SERVER_ERROR:
            raise NotSentError(f"the SMS gateway could not take the message: {response.status_code} {answer}")
        raise RefusedError(f"the SMS gateway refused the message: {response.status_code} {answer}")

    def close(self) -> None:
        self._client.close()
