"""E-mail over SMTP (smtplib): STARTTLS or TLS from the start, the server's certificate always verified.

Headers are built by `email.message.EmailMessage` under the strict SMTP policy, which refuses a line
break in any header value: a second guard behind `messaging.recipients`, so no field can add a header.
The Message-ID is derived from the outbox row, so a mail server (or a reader) can tell a copy from a
new message.

Errors before the DATA phase mean the server has nothing: `NotSentError` (retried later). A 5xx answer is
`RefusedError`. A connection lost while the message was being handed over is `UncertainError`.
"""

from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import formataddr, formatdate, make_msgid

from pydantic import Field

from messaging.settings import SmtpSettings
from messaging.transports.base import NotSentError, Outgoing, RefusedError, UncertainError

PERMANENT = 500  # SMTP reply codes from here on: do not try again


class SmtpConfig(SmtpSettings):
    """`[messages.smtp]` as the transport runs it: the declaration, its password resolved."""

    password: str = Field("", repr=False)  # the resolved secret, not its reference


def build_email(config: SmtpConfig, message: Outgoing) -> EmailMessage:
    mail = EmailMessage(policy=SMTP)
    mail["From"] = config.from_address
    mail["To"] = formataddr((message.recipient_name, message.recipient)) if message.recipient_name \
        else message.recipient
    mail["Subject"] = message.subject or message.text.splitlines()[0][:78]
    mail["Date"] = formatdate(localtime=True)
    domain = config.from_address.rpartition("@")[2] or "switchboard.invalid"
    mail["Message-ID"] = make_msgid(idstring=f"outbox-{message.id}", domain=domain)
    mail.set_content(message.text)
    return mail


class SmtpTransport:
    def __init__(self, config: SmtpConfig) -> None:
        self._config = config

    def _context(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=self._config.ca_file or None)

    def _connect(self) -> smtplib.SMTP:
        c = self._config
        where = f"{c.host}:{c.port}"
        try:
            if c.security == "tls":
                client: smtplib.SMTP = smtplib.SMTP_SSL(c.host, c.port, timeout=c.timeout, context=self._context())
            else:
                client = smtplib.SMTP(c.host, c.port, timeout=c.timeout)
                client.starttls(context=self._context())
            if c.username:
                client.login(c.username, c.password)
        except ssl.SSLCertVerificationError as exc:
            raise RefusedError(f"the certificate of the mail server {where} is not trusted: {exc.verify_message}") \
                from None
        except smtplib.SMTPAuthenticationError as exc:
            raise RefusedError(f"the mail server {where} refused the login ({exc.smtp_code})") from None
        except smtplib.SMTPNotSupportedError:
            raise RefusedError(f"the mail server {where} does not offer STARTTLS") from None
        except (OSError, smtplib.SMTPException) as exc:
            raise NotSentError(f"cannot reach the mail server {where}: {exc or type(exc).__name__}") from None
        return client

    def send(self, message: Outgoing) -> str:
        try:
            mail = build_email(self._config, message)
        except ValueError as exc:  # the policy found a line break in a header
            raise RefusedError(f"the e-mail cannot be built: {exc}") from None
        client = self._connect()
        try:
            client.send_message(mail)
        except smtplib.SMTPRecipientsRefused as exc:
            code, text = next(iter(exc.recipients.values()))
            error = RefusedError if code >= PERMANENT else NotSentError
            raise error(f"the mail server refused {message.recipient}: {code} {text.decode(errors='replace')}") \
                from None
        except smtplib.SMTPResponseException as exc:
            error = RefusedError if exc.smtp_code >= PERMANENT else NotSentError
            words = exc.smtp_error.decode(errors="replace") if isinstance(exc.smtp_error, bytes) else exc.smtp_error
            raise error(f"the mail server answered {exc.smtp_code} {words}") from None
        except (OSError, smtplib.SMTPServerDisconnected) as exc:  # timeouts are OSErrors
            raise UncertainError(f"the mail server went away while taking the message ({exc}); not resent, "
                                 "it may have arrived") from None
        finally:
            try:
                client.quit()
            except (OSError, smtplib.SMTPException):
                client.close()
        return str(mail["Message-ID"])
