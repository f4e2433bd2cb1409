"""The embedded softphone: pjsua2 behind a small call/line domain model. Imports no Qt.

- `softphone.settings`: the `[sip]` table declared once (`SipSettings` = `AccountSettings` + `AudioSettings`),
  `PhoneSettings` (the declaration plus the resolved password) and `check_account` for `config check`;
- `softphone.model`: immutable snapshots (`Registration`, `Call`) and events (`RegistrationChanged`,
  `CallChanged`, `DtmfReceived`), `PhoneError`;
- `softphone.engine.Phone`: the pjsua2 engine; its module docstring documents the threading model;
- `softphone.identity`, `softphone.addressing`, `softphone.reasons`, `softphone.backoff`: pure helpers.

Importing this package does not load pjsua2; `softphone.engine` does.
"""
