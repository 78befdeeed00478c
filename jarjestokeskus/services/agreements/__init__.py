"""Agreements: the register, one agreement's store, documents, follow-up and report rows."""
