"""The Staff view: the person's form, scheme periods, ending periods, statistics, limits."""
