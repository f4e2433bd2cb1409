"""SMS through a provider's own HTTP API, described by a template in `[messages.http]` rather than by code.

Providers (46elks, Sinch, LINK Mobility, Twilio...) all take one HTTPS request per message: a form or a
JSON body with the recipient, the text and the sender, behind HTTP Basic or a bearer token. The template
names the body's fields and where {to}, {text}, {sender} and {id} (the outbox id) go; values are put in
whole, in one pass, so a text holding "{to}" is sent as written. The answer's JSON may name the provider's
id for the message (`id_field`, a dotted path such as "id" or "messages.0.id").

2xx: accepted. 429 and 5xx: the provider did not take it now (sent again later). Other 4xx: refused (a
bad number, a bad login). A timeout after the request went out: uncertain, never sent again.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from pydantic import Field

from messaging.settings import HttpSmsSettings
from messaging.transports.base import NotSentError, Outgoing, RefusedError
from messaging.transports.http_request import request

if TYPE_CHECKING:
    import httpx

_PLACEHOLDER = re.compile(r"\{(to|text|sender|id)\}")
TOO_MANY_REQUESTS = 429
SERVER_ERROR = 500


class HttpSmsConfig(HttpSmsSettings):
    """`[messages.http]` as the transport runs it: the declaration, its password and token resolved."""

    password: str = Field("", repr=False)  # the resolved secrets, not their references
    token: str = Field("", repr=False)


def filled(template: Any, values: dict[str, str]) -> Any:
    """The template with every placeholder in its strings replaced (lists and tables followed)."""
    if isinstance(template, str):
        return _PLACEHOLDER.sub(lambda m: values[m.group(1)], template)
    if isinstance(template, list):
        return [filled(item, values) for item in template]
    if isinstance(template, dict):
        return {key: filled(item, values) for key, item in template.items()}
    return template


def answered_id(answer: Any, path: str) -> str:
    """The provider's id at `path` ("id", "messages.0.id") in its JSON answer, or "" when it is not there."""
    for step in path.split(".") if path else ():
        if isinstance(answer, dict):
            answer = answer.get(step)
        elif isinstance(answer, list) and step.isdigit() and int(step) < len(answer):
            answer = answer[int(step)]
        else:
            return ""
    return str(answer) if isinstance(answer, str | int) and not isinstance(answer, bool) else ""


class HttpSmsTransport:
    def __init__(self, config: HttpSmsConfig, client: httpx.Client | None = None) -> None:
        import httpx  # noqa: PLC0415 - only a console that sends SMS through HTTP imports it (0.1 s)

        self._config = config
        auth = httpx.BasicAuth(config.username, config.password) if config.username else None
        headers = {"Authorization": f"Bearer {config.token}"} if config.token else {}
        self._client = client or httpx.Client(timeout=config.timeout, auth=auth, headers=headers)

    def send(self, message: Outgoing) -> str:
        c = self._config
        body = filled(c.body, {"to": message.recipient, "text": message.text, "sender": c.sender,
                               "id": str(message.id)})
        def send() -> httpx.Response:
            return self._client.post(c.url, json=body) if c.format == "json" else self._client.post(c.url, data=body)

        response = request(send, "the SMS provider", c.url, c.timeout)
        answer = response.text.strip()[:200]
        if response.is_success:
            try:
                provider_id = answered_id(response.json(), c.id_field)
            except ValueError:  # not JSON: accepted all the same
                provider_id = ""
            return f"http:{provider_id}" if provider_id else f"http:{message.id}"
        if response.status_code == TOO_MANY_REQUESTS or response.status_code >= SERVER_ERROR:
            raise NotSentError(f"the SMS provider could not take the message now: {response.status_code} {answer}")
        raise RefusedError(f"the SMS provider refused the message: {response.status_code} {answer}")

    def close(self) -> None:
        self._client.close()
