"""Configuration: settings declared once, TOML layers and policy, secrets, paths."""
