"""Persons as such, whatever their role: those kept in no role, to export or erase."""
