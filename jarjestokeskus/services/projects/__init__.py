"""Projects and their funding: the register, the store, funders' rules, report rows."""
