"""Messages to staff in the app: transports built from `[messages]`, and the service the CLI and window share."""
