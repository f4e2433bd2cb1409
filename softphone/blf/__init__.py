"""Busy lamp field: line state of watched people from the PBX's dialog event package (RFC 4235)."""

from softphone.blf.client import BlfClient
from softphone.blf.dialoginfo import Dialog, DialogBook, DialogInfo, DialogState, LineActivity, parse_dialog_info
from softphone.blf.events import BlfEvent, LineChanged, SubscriptionFailed
from softphone.blf.subscription import BlfAccount

__all__ = ["BlfAccount", "BlfClient", "BlfEvent", "Dialog", "DialogBook", "DialogInfo", "DialogState",
           "LineActivity", "LineChanged", "SubscriptionFailed", "parse_dialog_info"]
