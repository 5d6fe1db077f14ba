"""A realistic large data set for benchmarks and for tests that pages do not grow with the data."""
