"""Errors the core raises on purpose. Each carries a message fit to show a user (no case data, no trace).

`code` is stable and documented (docs/cli.md) so scripts can branch on it; `exit_code` is what the CLI returns.
"""

from __future__ import annotations


class ReviewDeskError(Exception):
    code = "error"
    exit_code = 1

    def __init__(self, message: str, *, message_zh: str | None = None, detail: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.message_zh = message_zh or message
        # The technical reason (English, from a parser or the OS), kept out of message_zh: the desktop shows it
        # behind a "details" button, the CLI appends it to the Chinese line.
        self.detail = detail


class WorkspaceError(ReviewDeskError):
    """The workspace folder is missing, incomplete, damaged or already exists."""

    code = "workspace"
    exit_code = 3


class WorkspaceBusy(WorkspaceError):
    """Another process (a desktop app, a writing command) has the workspace open for writing."""

    code = "workspace_busy"
    exit_code = 13


class AuthError(ReviewDeskError):
    """Wrong user or password (deliberately never says which)."""

    code = "auth"
    exit_code = 4

    def __init__(self) -> None:
        super().__init__("wrong user or password", message_zh="用户名或密码错误")


class ThrottledError(ReviewDeskError):
    """Too many failed attempts: the caller must wait before trying again."""

    code = "throttled"
    exit_code = 4

    def __init__(self, wait_seconds: float) -> None:
        secs = max(1, int(wait_seconds + 0.999))
        super().__init__(
            f"too many failed attempts; try again in {secs} s",
            message_zh=f"密码错误次数过多，请在 {secs} 秒后再试",
        )
        self.wait_seconds = secs


class PermissionDenied(ReviewDeskError):
    code = "permission"
    exit_code = 5

    def __init__(self, action: str, role: str) -> None:
        super().__init__(
            f"permission denied: role '{role}' may not perform '{action}'",
            message_zh=f"权限不足：角色“{role}”不能执行“{action}”",
        )
        self.action = action


class ValidationError(ReviewDeskError):
    """Bad input: says which field and why."""

    code = "invalid"
    exit_code = 6

    def __init__(self, field: str, message: str, *, message_zh: str | None = None, detail: str | None = None) -> None:
        super().__init__(f"{field}: {message}", message_zh=f"{field}：{message_zh or message}", detail=detail)
        self.field = field


class NotFound(ReviewDeskError):
    code = "not_found"
    exit_code = 7


class Conflict(ReviewDeskError):
    """The change clashes with what is stored (duplicate name, disabled account…)."""

    code = "conflict"
    exit_code = 8


class AuditIntegrityError(ReviewDeskError):
    code = "audit_broken"
    exit_code = 9
