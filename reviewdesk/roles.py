"""The account roles. Apart from the models, so the log-in (store/login_sql.py) reads them without SQLAlchemy."""

from __future__ import annotations

import enum


class Role(enum.StrEnum):
    ADMIN = "admin"  # coordinator (组织办公室)
    EXPERT = "expert"  # panel member (评查专家)
    OBSERVER = "observer"  # read-only
    AUDITOR = "auditor"  # reads the audit log


ROLE_LABELS_ZH = {
    Role.ADMIN: "管理员（组织者）",
    Role.EXPERT: "评查专家",
    Role.OBSERVER: "观察员（只读）",
    Role.AUDITOR: "审计员",
}
