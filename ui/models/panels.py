"""Tables of the assignment page: the panels of a campaign (drawn or saved), a panel's members, findings.

A campaign has at most a few thousand cases, so the models hold their rows whole.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ui.i18n import bilingual
from ui.models.base import Index, RowsModel
from ui.models.cases import case_type_label
from ui.models.labels import finding_status_label, profession_label, rule_label
from ui.qt import QBrush, QColor, QCoreApplication, Qt

if TYPE_CHECKING:
    from reviewdesk.assignment.problem import Shortfall
    from reviewdesk.services.assignment import CasePanel, CaseRef, ChangeInfo, MemberInfo, PanelView
    from reviewdesk.services.recusal import ExpertReport, FindingStatus

WARNING = QColor("#a15c00")
PROBLEM = QColor("#b00020")


@dataclass(frozen=True)
class PanelRow:
    case: CaseRef
    status: str  # staffed | unmet | unstaffed (a draw) or saved
    members: list[MemberInfo]
    backups: list[MemberInfo]
    problems: list[Shortfall] = field(default_factory=list)
    changes: list[ChangeInfo] = field(default_factory=list)

    @classmethod
    def drawn(cls, panel: CasePanel) -> PanelRow:
        return cls(panel.case, panel.status, panel.members, panel.backups, panel.problems)

    @classmethod
    def saved(cls, view: PanelView) -> PanelRow:
        return cls(view.case, "saved", view.members, view.backups, [], view.changes)

    @property
    def leader(self) -> MemberInfo | None:
        return next((m for m in self.members if m.role == "leader"), None)


def status_text(status: str) -> str:
    labels = {
        "staffed": QCoreApplication.translate("PanelsModel", "Drawn"),
        "unmet": QCoreApplication.translate("PanelsModel", "Drawn, a requirement unmet"),
        "unstaffed": QCoreApplication.translate("PanelsModel", "Cannot be staffed"),
        "saved": QCoreApplication.translate("PanelsModel", "Saved"),
    }
    return labels.get(status, status)


class PanelsModel(RowsModel[PanelRow]):
    CASE, TYPE, UNIT, LEADER, MEMBERS, STATUS = range(6)

    def headers(self) -> list[str]:
        return [self.tr("Case"), self.tr("Type"), self.tr("Handling unit"), self.tr("Leader"), self.tr("Members"), self.tr("Status")]

    def row_of(self, case_id: int) -> int:
        return next((n for n, r in enumerate(self._rows) if r.case.id == case_id), -1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            leader = row.leader
            values = [
                row.case.external_id,
                case_type_label(row.case.case_type),
                row.case.unit_name or row.case.unit,
                leader.name if leader else "",
                "、".join(m.name for m in row.members if m.role != "leader"),
                status_text(row.status),
            ]
            return values[col] if 0 <= col < len(values) else None
        if role == Qt.ItemDataRole.ForegroundRole and col == self.STATUS and row.status in ("unmet", "unstaffed"):
            return QBrush(PROBLEM if row.status == "unstaffed" else WARNING)
        if role == Qt.ItemDataRole.ToolTipRole and row.problems:
            return "\n".join(bilingual(p.message, p.message_zh) for p in row.problems)
        return None


class MembersModel(RowsModel["MemberInfo"]):
    """Panel members (with their role) or backups (with their rank)."""

    ROLE, ID, NAME, PROFESSION, UNIT, SPECIALIST = range(6)

    def headers(self) -> list[str]:
        return [self.tr("Role"), self.tr("Expert no."), self.tr("Name"), self.tr("Profession"), self.tr("Unit"), self.tr("Specialist")]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        m = self.row_at(index.row()) if index.isValid() else None
        if m is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        if m.role:
            role_text = self.tr("Leader") if m.role == "leader" else self.tr("Member")
        else:
            role_text = self.tr("Backup {rank}").format(rank=m.rank)
        values = [
            role_text, m.external_id, m.name, profession_label(m.profession), m.unit_name or m.unit,
            self.tr("Yes") if m.specialist else "",
        ]
        col = index.column()
        return values[col] if 0 <= col < len(values) else None


@dataclass(frozen=True)
class FindingRow:
    expert_id: int
    expert_external_id: str
    expert_name: str
    item: FindingStatus


def finding_rows(reports: list[ExpertReport]) -> list[FindingRow]:
    return [FindingRow(r.expert_id, r.external_id, r.name, f) for r in reports for f in r.findings]


class FindingsModel(RowsModel[FindingRow]):
    """Why experts may not sit on the case: one row per finding, soft ones waiting for a decision."""

    EXPERT, RULE, STATUS, EVIDENCE, BASIS = range(5)

    def headers(self) -> list[str]:
        return [self.tr("Expert"), self.tr("Ground"), self.tr("Status"), self.tr("Evidence"), self.tr("Basis")]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        f, status = row.item.finding, row.item.status
        if role == Qt.ItemDataRole.DisplayRole:
            values = [
                f"{row.expert_external_id} {row.expert_name}",
                rule_label(f.rule_id),
                finding_status_label(status),
                bilingual(f.evidence, f.evidence_zh),
                bilingual(f.basis, f.basis_zh),
            ]
            return values[index.column()] if 0 <= index.column() < len(values) else None
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == self.STATUS and status == "pending":
            return QBrush(WARNING)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [bilingual(f.evidence, f.evidence_zh), bilingual(f.basis, f.basis_zh)]
            if row.item.reason:
                lines.append(self.tr("Decided by {user}: {reason}").format(user=row.item.decided_by or "", reason=row.item.reason))
            return "\n".join(lines)
        return None
