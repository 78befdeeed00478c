"""Dates to watch: deadlines computed from the register, the year clock, iCalendar export."""
