"""The Events view: events, their registrations, attendance and feedback."""
