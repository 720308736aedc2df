"""`reviewdesk` with no command (or `reviewdesk gui`) starts the desktop app, importing Qt only then."""

from __future__ import annotations


def open_gui(workspace: str | None, *, demo_user: str | None = None, file: str | None = None) -> int:
    try:
        from ui.app import run
    except ImportError as err:
        print(f"reviewdesk: error: the desktop app cannot start ({err.name or err}); is PySide6 installed?")
        return 1
    return run(workspace=workspace, username=demo_user, file=file)
