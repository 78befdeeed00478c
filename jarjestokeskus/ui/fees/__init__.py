"""Membership fees: the year's terms and classes, invoices, reminders and the bank's payments."""
