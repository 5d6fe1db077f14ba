"""The home page, error pages and what every template needs."""
