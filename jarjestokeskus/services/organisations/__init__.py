"""The member-organisation register: search, save, import, and the rows of its reports."""
