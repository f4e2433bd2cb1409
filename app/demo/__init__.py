"""The demo organisation and its demo exchange."""
