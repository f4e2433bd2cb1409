"""The window: PySide6 widgets and Qt models. It shows state and sends intents; nothing imports ui."""
