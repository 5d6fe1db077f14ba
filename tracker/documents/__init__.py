"""Documents attached to projects and mobilities."""
