"""Dashboards, office reports and the CSV export every list shares."""
