"""Use cases, one module per area. They own sessions and return plain rows; no Qt."""
