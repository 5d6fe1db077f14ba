"""The review workflow that projects and mobilities share."""
