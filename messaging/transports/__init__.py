"""Transports: one small interface (`MessageTransport`), one implementation per gateway (SMTP, Kannel, SMPP, ESPA)."""
