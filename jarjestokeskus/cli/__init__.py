"""The command line: one module per command; `common` holds what the commands share."""
