"""A realistic demo data set, loaded only when asked for."""
