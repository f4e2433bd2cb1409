"""The embedded softphone: pjsua2 behind a small call/line domain model. Imports no Qt."""
