"""Mobilities: one person going abroad or coming in."""
