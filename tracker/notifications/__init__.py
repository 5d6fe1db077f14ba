"""Telling people what happened to their records: in the application, and by e-mail."""
