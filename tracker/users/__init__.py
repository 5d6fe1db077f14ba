"""Accounts as the administrators manage them, and personal data on request."""
