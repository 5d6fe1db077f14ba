"""Call deadlines and reporting dates."""
