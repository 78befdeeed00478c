"""Events: the register of events, registrations with a waiting list, attendance and feedback."""
