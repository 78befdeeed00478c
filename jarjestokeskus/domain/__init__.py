"""Domain rules: enums, value rules and validation. No database session, no Qt."""
