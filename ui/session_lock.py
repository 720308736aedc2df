"""Lock when the operating system locks the session (KeePassXC does the same).

Windows sends WM_WTSSESSION_CHANGE to windows registered with WTSRegisterSessionNotification; a native event
filter turns a session lock, or a console or remote disconnect, into `session_locked`. Elsewhere the watcher
does nothing (the idle lock still applies).
"""

from __future__ import annotations

import sys

from ui.qt import QAbstractNativeEventFilter, QObject, QWidget, Signal

WM_WTSSESSION_CHANGE = 0x02B1
WTS_CONSOLE_DISCONNECT = 0x2
WTS_REMOTE_DISCONNECT = 0x4
WTS_SESSION_LOCK = 0x7
_LOCKING = frozenset({WTS_CONSOLE_DISCONNECT, WTS_REMOTE_DISCONNECT, WTS_SESSION_LOCK})
NOTIFY_FOR_THIS_SESSION = 0


class _Filter(QAbstractNativeEventFilter):
    def __init__(self, watcher: SessionLockWatcher) -> None:
        super().__init__()
        self._watcher = watcher

    def nativeEventFilter(self, event_type: bytes, message: int) -> tuple[bool, int]:
        if bytes(event_type) == b"windows_generic_MSG" and message:
            from ctypes import wintypes

            msg = wintypes.MSG.from_address(int(message))
            if msg.message == WM_WTSSESSION_CHANGE and msg.wParam in _LOCKING:
                self._watcher.session_locked.emit()
        return False, 0


class SessionLockWatcher(QObject):
    session_locked = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.filter = _Filter(self)
        self._anchor: QWidget | None = None

    def install(self, app: object) -> bool:
        """Start listening. True when the platform reports session locks (Windows)."""
        if sys.platform != "win32":
            return False
        import ctypes  # Windows only, and ~0.03 s to import: not on other platforms' start-up path

        app.installNativeEventFilter(self.filter)  # type: ignore[attr-defined]
        # The notification goes to a window: a hidden native one that lives as long as the watcher.
        self._anchor = QWidget()
        hwnd = int(self._anchor.winId())
        return bool(ctypes.windll.wtsapi32.WTSRegisterSessionNotification(hwnd, NOTIFY_FOR_THIS_SESSION))  # type: ignore[attr-defined]
