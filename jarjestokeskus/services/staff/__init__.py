"""The staff and the employment schemes: periods, limits, statistics, report rows."""
