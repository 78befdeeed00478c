"""The Agreements and Follow-up views and the agreement editor."""
