"""Top-level windows: setup wizard, login (and lock) window, main window."""
