"""The start page: deadlines, key figures and charts."""
