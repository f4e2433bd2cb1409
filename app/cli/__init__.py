"""The `switchboard` command line: one module per subcommand group."""
