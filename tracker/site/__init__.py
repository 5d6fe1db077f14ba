"""The frame around every page: the home page, the error pages, the health check and what
every template may use (template_helpers.py)."""
