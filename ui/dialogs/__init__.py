"""Dialogs opened from the login and main windows."""
