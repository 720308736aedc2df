"""Table models and words for the deliberation (合议) and interview (谈话笔录) panels.

The rows are small (a panel of three to seven, a handful of items, a few interviews), so they are held whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reviewdesk.errors import ValidationError
from reviewdesk.services.deliberation import MemberSheet
from reviewdesk.services.interviews import InterviewView
from ui.i18n import bilingual, error_text
from ui.models.base import NO_PARENT, HeadedTableModel, Index, RowsModel
from ui.models.labels import when
from ui.qt import QColor, QCoreApplication, Qt

if TYPE_CHECKING:
    from reviewdesk.services.deliberation import DeliberationView
    from reviewdesk.services.scoring import SheetView

DISAGREE_BRUSH = QColor("#ffe0b2")  # rows where members differ: a warm, print-safe orange


def outcome_choices() -> list[tuple[str, str]]:
    """The conclusion's outcome codes with their words, in the order the form offers them."""
    return [("wrong", QCoreApplication.translate("DeliberationLabels", "Wrong case")), ("flawed", QCoreApplication.translate("DeliberationLabels", "Flawed case")), ("none", QCoreApplication.translate("DeliberationLabels", "No problem"))]


def outcome_label(code: str) -> str:
    return dict(outcome_choices()).get(code, code)


def interview_relations() -> list[tuple[str, str]]:
    return [("party", QCoreApplication.translate("DeliberationLabels", "Party")), ("handler", QCoreApplication.translate("DeliberationLabels", "Original case handler")), ("other", QCoreApplication.translate("DeliberationLabels", "Other"))]


def interview_relation_label(code: str) -> str:
    return dict(interview_relations()).get(code, code)


def sheet_status_label(status: str) -> str:
    labels = {"none": QCoreApplication.translate("DeliberationLabels", "Not started"), "draft": QCoreApplication.translate("DeliberationLabels", "Draft"), "submitted": QCoreApplication.translate("DeliberationLabels", "Submitted")}
    return labels.get(status, status)


def panel_role_label(role: str) -> str:
    return QCoreApplication.translate("DeliberationLabels", "Leader") if role == "leader" else QCoreApplication.translate("DeliberationLabels", "Member")


def number(value: float | None) -> str:
    """A score as people write it: 85, 85.5 (never 85.0 or 85.50000001)."""
    if value is None:
        return "—"
    return f"{value:.2f}".rstrip("0").rstrip(".")


# -- errors that name a field of the forms ----------------------------------------------------------------
_INDEXED = re.compile(r"^(findings|qa|interviewers)\[(\d+)\](?:\.(\w+)(?:\[\d+\])?)?$")


def field_label(field: str) -> str:
    """The form's own words for a field the core names (grade_reason, findings[0].evidence_ref, qa[1].a…)."""
    labels = {
        "outcome": QCoreApplication.translate("DeliberationLabels", "Outcome"),
        "grade": QCoreApplication.translate("DeliberationLabels", "Grade"),
        "grade_reason": QCoreApplication.translate("DeliberationLabels", "Reason for changing the grade"),
        "veto_kept": QCoreApplication.translate("DeliberationLabels", "Keep the veto"),
        "findings": QCoreApplication.translate("DeliberationLabels", "Problems found"),
        "majority_view": QCoreApplication.translate("DeliberationLabels", "Majority view"),
        "minority_view": QCoreApplication.translate("DeliberationLabels", "Minority view"),
        "actions.correction.required": QCoreApplication.translate("DeliberationLabels", "Correction required"),
        "actions.correction.deadline": QCoreApplication.translate("DeliberationLabels", "Correction deadline"),
        "actions.referral.reason": QCoreApplication.translate("DeliberationLabels", "Reason for the referral"),
        "actions.referral.findings": QCoreApplication.translate("DeliberationLabels", "Problems backing the referral"),
        "outcome_reason": QCoreApplication.translate("DeliberationLabels", "Reason for no problem"),
        "started_at": QCoreApplication.translate("DeliberationLabels", "Start"),
        "ended_at": QCoreApplication.translate("DeliberationLabels", "End"),
        "place": QCoreApplication.translate("DeliberationLabels", "Place"),
        "interviewers": QCoreApplication.translate("DeliberationLabels", "Interviewers"),
        "recorder": QCoreApplication.translate("DeliberationLabels", "Recorder"),
        "interviewee_name": QCoreApplication.translate("DeliberationLabels", "Interviewee"),
        "interviewee_unit": QCoreApplication.translate("DeliberationLabels", "Interviewee's unit"),
        "relation": QCoreApplication.translate("DeliberationLabels", "Relation to the case"),
        "notice.identity": QCoreApplication.translate("DeliberationLabels", "Identity stated"),
        "notice.purpose": QCoreApplication.translate("DeliberationLabels", "Purpose explained"),
        "notice.recusal_right": QCoreApplication.translate("DeliberationLabels", "Right to ask for recusal told"),
        "notice.truth_duty": QCoreApplication.translate("DeliberationLabels", "Duty to tell the truth told"),
        "qa": QCoreApplication.translate("DeliberationLabels", "Questions and answers"),
        "confirmation": QCoreApplication.translate("DeliberationLabels", "Interviewee's confirmation"),
    }
    if field in labels:
        return labels[field]
    match = _INDEXED.match(field)
    if match is None:
        return field
    group, index, part = match.group(1), int(match.group(2)) + 1, match.group(3)
    parts = {
        "category": QCoreApplication.translate("DeliberationLabels", "category"), "description": QCoreApplication.translate("DeliberationLabels", "description"), "evidence_ref": QCoreApplication.translate("DeliberationLabels", "evidence"),
        "item_code": QCoreApplication.translate("DeliberationLabels", "item"), "q": QCoreApplication.translate("DeliberationLabels", "question"), "a": QCoreApplication.translate("DeliberationLabels", "answer"),
        "basis": QCoreApplication.translate("DeliberationLabels", "deductions it rests on"),
        "basis_reason": QCoreApplication.translate("DeliberationLabels", "reason if no deduction"),
    }
    if group == "findings":
        head = QCoreApplication.translate("DeliberationLabels", "Problem {n}").format(n=index)
    elif group == "qa":
        head = QCoreApplication.translate("DeliberationLabels", "Question and answer {n}").format(n=index)
    else:
        head = QCoreApplication.translate("DeliberationLabels", "Interviewer {n}").format(n=index)
    return f"{head} {parts.get(part or '', part or '')}".strip()


def form_error_text(err: BaseException) -> str:
    """A validation error as '<the form's label>: <why>'; any other error as error_text gives it."""
    if not isinstance(err, ValidationError):
        return error_text(err)
    text = bilingual(err.message, err.message_zh)
    for sep in ("：", ": "):
        prefix = f"{err.field}{sep}"
        if text.startswith(prefix):
            text = text[len(prefix):]
            break
    return f"{field_label(err.field)}{bilingual(': ', '：')}{text}"


# -- the members' sheets ---------------------------------------------------------------------------------
class MembersModel(RowsModel[MemberSheet]):
    NAME, ROLE, STATUS, TOTAL, GRADE, VETO = range(6)

    def headers(self) -> list[str]:
        return [QCoreApplication.translate("DeliberationLabels", "Member"), QCoreApplication.translate("DeliberationLabels", "Role"), QCoreApplication.translate("DeliberationLabels", "Sheet"), QCoreApplication.translate("DeliberationLabels", "Total"), QCoreApplication.translate("DeliberationLabels", "Grade"), QCoreApplication.translate("DeliberationLabels", "Veto")]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        col = index.column()
        if col == self.NAME:
            return row.name
        if col == self.ROLE:
            return panel_role_label(row.role)
        if col == self.STATUS:
            return sheet_status_label(row.status)
        if col == self.TOTAL:
            return number(row.total)
        if col == self.GRADE:
            return row.grade or "—"
        if col == self.VETO:
            return QCoreApplication.translate("DeliberationLabels", "Yes") if row.veto else ""
        return None


# -- the sheets side by side -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Cell:
    points: float
    veto: bool
    reason: str
    evidence: str


@dataclass(frozen=True)
class CompareRow:
    code: str
    text: str
    cells: tuple[Cell | None, ...]  # one per column (member); None: the member did not touch the item
    disagree: bool


def _code_key(code: str) -> list[tuple[int, int | str]]:
    """P2.10 after P2.9: rubric codes are numbered parts and items, so natural order is rubric order."""
    return [(0, int(p)) if p.isdigit() else (1, p) for p in re.split(r"(\d+)", code) if p]


def compare_rows(view: DeliberationView, sheets: list[SheetView]) -> tuple[list[str], list[CompareRow]]:
    """Columns (submitted members' names) and rows (items any of them deducted or marked), rubric order."""
    submitted = [m for m in view.members if m.status == "submitted"]
    by_expert = {s.expert_external_id: s for s in sheets if s.status == "submitted"}
    columns = [m for m in submitted if m.expert_id in by_expert]
    disagree = {d.code for d in view.disagreements}
    texts = {d.code: d.text for d in view.disagreements}
    marks: dict[str, dict[str, Cell]] = {}
    for m in columns:
        for item in by_expert[m.expert_id].items:
            texts.setdefault(item.code, item.text)
            if item.points or item.veto or item.reason.strip() or item.evidence.strip():
                marks.setdefault(item.code, {})[m.expert_id] = Cell(item.points, item.veto, item.reason, item.evidence)
    codes = sorted(set(marks) | disagree, key=_code_key)
    rows = [
        CompareRow(code, texts.get(code, ""), tuple(marks.get(code, {}).get(m.expert_id) for m in columns),
                   code in disagree)
        for code in codes
    ]
    return [m.name for m in columns], rows


class CompareModel(HeadedTableModel):
    """Rows = items, columns = the item then one per member; cells = points, tooltip = reason and evidence."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._names: list[str] = []
        self._rows: list[CompareRow] = []

    def set_data(self, names: list[str], rows: list[CompareRow]) -> None:
        self.beginResetModel()
        self._names, self._rows = list(names), list(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_data([], [])

    def row_at(self, row: int) -> CompareRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def headers(self) -> list[str]:
        return [QCoreApplication.translate("DeliberationLabels", "Item"), *self._names]

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.BackgroundRole:
            return DISAGREE_BRUSH if row.disagree else None
        cell = row.cells[col - 1] if 0 < col <= len(row.cells) else None
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return f"{row.code} {row.text}".strip()
            if cell is None:
                return "0"
            veto = QCoreApplication.translate("DeliberationLabels", "(veto)")
            return f"{number(cell.points)} {veto}" if cell.veto else number(cell.points)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == 0:
                return QCoreApplication.translate("DeliberationLabels", "Members differ on this item") if row.disagree else None
            if cell is None:
                return QCoreApplication.translate("DeliberationLabels", "Not marked")
            return QCoreApplication.translate("DeliberationLabels", "Reason: {reason}\nEvidence: {evidence}").format(
                reason=cell.reason or "—", evidence=cell.evidence or "—")
        if role == Qt.ItemDataRole.TextAlignmentRole and col > 0:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


# -- interview records -----------------------------------------------------------------------------------
class InterviewsModel(RowsModel[InterviewView]):
    TIME, NAME, RELATION, PLACE = range(4)

    def headers(self) -> list[str]:
        return [QCoreApplication.translate("DeliberationLabels", "Time"), QCoreApplication.translate("DeliberationLabels", "Interviewee"), QCoreApplication.translate("DeliberationLabels", "Relation"), QCoreApplication.translate("DeliberationLabels", "Place")]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        col = index.column()
        if col == self.TIME:
            return f"{when(row.started_at)[:16]} – {when(row.ended_at)[11:16]}"
        if col == self.NAME:
            return row.interviewee_name
        if col == self.RELATION:
            return interview_relation_label(row.relation)
        if col == self.PLACE:
            return row.place
        return None


def flag_sentences(view: DeliberationView) -> list[str]:
    """The flags of the view as sentences for the banner (empty: nothing to flag)."""
    out: list[str] = []
    flags = view.flags
    if flags.get("spread_exceeded"):
        out.append(QCoreApplication.translate("DeliberationLabels", "The members' totals are {spread} points apart, more than the campaign allows ({limit}): "
                      "discuss the items marked in colour.").format(
            spread=number(view.spread), limit=number(view.spread_threshold)))
    if flags.get("grades_differ"):
        out.append(QCoreApplication.translate("DeliberationLabels", "The members give different grades: the conclusion must record the minority view."))
    if flags.get("veto"):
        out.append(QCoreApplication.translate("DeliberationLabels", "A member marked a veto item: decide whether to keep the veto."))
    pending = flags.get("not_submitted") or []
    if pending:
        names = [m.name for m in view.members if m.expert_id in pending]
        out.append(QCoreApplication.translate("DeliberationLabels", "Not yet submitted: {names}. The conclusion can be recorded once everyone has submitted.")
                   .format(names=bilingual(", ", "、").join(names)))
    return out
