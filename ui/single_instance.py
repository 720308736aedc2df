"""A second start of the desktop app on the same workspace hands over to the first and ends.

The first app listens on a local socket (a named pipe on Windows) whose name comes from the workspace folder
and the user, so another workspace or another Windows account starts its own app. A second start connects,
receives the first's process id (on Windows it then lets that process take the foreground, which Windows
otherwise refuses to a background program), sends the file it was given (`ReviewDesk.exe PATH.rdpkg`, what
the file association runs) as one JSON line, waits for "ok" and exits. The first raises its window and opens
the file. The workspace lock (reviewdesk/workspace_lock.py) still guards the data if this hand-over fails.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
import os
import sys
from pathlib import Path

from ui.qt import QByteArray, QLocalServer, QLocalSocket, QObject, Signal

CONNECT_MS = 400
REPLY_MS = 5000
MAX_REQUEST = 64 * 1024

events = logging.getLogger("reviewdesk.events")


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment (a service account): still one name per machine
        return os.environ.get("USERNAME", "") or str(getattr(os, "getuid", lambda: 0)())


def server_name(folder: Path) -> str:
    """Stable for one user and one workspace folder; no path or user name in it (a hash)."""
    key = f"{_user()}\0{os.path.normcase(os.path.realpath(folder))}"
    return "reviewdesk-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]


def forward(name: str, file: Path | None) -> bool:
    """Hand `file` (or nothing: just come forward) to the app already listening on `name`. True if one took
    it; False if none runs (then this start becomes the first)."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_MS):
        return False
    try:
        hello = _read_line(socket)
        if hello is None:
            return False
        _allow_foreground(hello.get("pid"))
        request = {"file": str(file.resolve()) if file is not None else None}
        socket.write(QByteArray(json.dumps(request).encode("utf-8") + b"\n"))
        socket.flush()
        if socket.bytesToWrite():  # flush() usually sent it all (then waitForBytesWritten reports False)
            socket.waitForBytesWritten(REPLY_MS)
        reply = _read_line(socket)
        return reply is not None and reply.get("ok") is True
    finally:
        socket.disconnectFromServer()


def _read_line(socket: QLocalSocket) -> dict | None:
    data = b""
    while b"\n" not in data:
        if not socket.bytesAvailable() and not socket.waitForReadyRead(REPLY_MS):
            return None
        data += bytes(socket.readAll().data())
        if len(data) > MAX_REQUEST:
            return None
    try:
        value = json.loads(data.split(b"\n", 1)[0])
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _alive(name: str) -> bool:
    probe = QLocalSocket()
    probe.connectToServer(name)
    alive = probe.waitForConnected(CONNECT_MS)
    probe.abort()
    return alive


def _allow_foreground(pid: object) -> None:
    if sys.platform != "win32" or not isinstance(pid, int):
        return
    try:
        import ctypes

        ctypes.windll.user32.AllowSetForegroundWindow(pid)  # type: ignore[attr-defined]
    except Exception:  # only cosmetic: the first app then flashes in the task bar instead
        pass


class InstanceServer(QObject):
    """Listens for later starts; `requested(file or None)` on the UI thread for each."""

    requested = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)
        self.name: str | None = None

    def listen(self, name: str) -> bool:
        """Listen on `name` (closing a previous name first). Called after `forward` found nobody there, so a
        name in use that nobody answers on is a socket file left by a crashed app (POSIX): remove it, listen
        again."""
        if self.name == name and self.server.isListening():
            return True
        self.server.close()
        self.name = None
        if not self.server.listen(name):
            if self.server.serverError() != QLocalSocket.LocalSocketError.AddressInUseError:
                events.warning("single instance: cannot listen (%s)", self.server.serverError().name)
                return False
            if _alive(name):  # a first app too busy to answer in time: leave its name alone
                events.warning("single instance: another app holds the name but did not answer")
                return False
            QLocalServer.removeServer(name)
            if not self.server.listen(name):
                events.warning("single instance: cannot listen (%s)", self.server.serverError().name)
                return False
        self.name = name
        return True

    def close(self) -> None:
        self.server.close()
        self.name = None

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.setParent(self)
            socket.disconnected.connect(socket.deleteLater)
            buffer = bytearray()
            socket.readyRead.connect(lambda s=socket, b=buffer: self._read(s, b))
            socket.write(QByteArray(json.dumps({"pid": os.getpid()}).encode("utf-8") + b"\n"))
            socket.flush()

    def _read(self, socket: QLocalSocket, buffer: bytearray) -> None:
        buffer += bytes(socket.readAll().data())
        if len(buffer) > MAX_REQUEST:
            socket.abort()
            return
        if b"\n" not in buffer:
            return
        line = bytes(buffer).split(b"\n", 1)[0]
        try:
            request = json.loads(line)
            file = request.get("file") if isinstance(request, dict) else None
        except ValueError:
            socket.abort()
            return
        socket.write(QByteArray(b'{"ok": true}\n'))
        socket.flush()
        events.info("single instance: a later start handed over (%s)", "with a file" if file else "no file")
        self.requested.emit(str(file) if isinstance(file, str) and file else None)
