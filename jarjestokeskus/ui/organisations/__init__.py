"""The Organisations view and Archive, the organisation editor, the member import."""
