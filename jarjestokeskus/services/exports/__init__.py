"""Lists as files: the window's columns, the tables the `export` command writes, CSV and XLSX."""
