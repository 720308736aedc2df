"""The home page's 到期提醒: per register, how many items are due soon and overdue in the session's campaign, each
a link-like button that opens the 移送整改 page's tab filtered on it (`opened`)."""

from __future__ import annotations

from ui.qt import QCoreApplication, QFrame, QGridLayout, QLabel, QPushButton, QWidget, Signal
from ui.widgets.common import heading

REGISTERS = ("rectification", "referral", "special")
STATES = ("due_soon", "overdue")
LINK_STYLE = "QPushButton {{ border: none; text-align: left; color: {color}; text-decoration: underline; }}"


def register_label(register: str) -> str:
    return {
        "rectification": QCoreApplication.translate("DueBox", "Rectification items"),
        "referral": QCoreApplication.translate("DueBox", "Clue referrals (feedback)"),
        "special": QCoreApplication.translate("DueBox", "Special rectifications"),
    }[register]


class DueBox(QFrame):
    opened = Signal(str, str)  # register, state

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("due-box")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.campaign_id: str | None = None
        self.links: dict[tuple[str, str], QPushButton] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(12, 8, 12, 8)
        grid.addWidget(heading(self.tr("What is due"), 1.15), 0, 0, 1, 3)
        for row, register in enumerate(REGISTERS, start=1):
            grid.addWidget(QLabel(register_label(register)), row, 0)
            for col, state in enumerate(STATES, start=1):
                link = QPushButton()
                link.setObjectName(f"due-{register}-{state}")
                link.setFlat(True)
                link.setStyleSheet(LINK_STYLE.format(color="#b3261e" if state == "overdue" else "#8a5a00"))
                link.clicked.connect(lambda _c=False, r=register, s=state: self.opened.emit(r, s))
                self.links[(register, state)] = link
                grid.addWidget(link, row, col)
        self.note = QLabel()  # the calendar's note for a year it does not know (Chinese, from the core)
        self.note.setWordWrap(True)
        self.note.hide()
        grid.addWidget(self.note, len(REGISTERS) + 1, 0, 1, 4)
        grid.setColumnStretch(3, 1)
        self.show_counts({})

    def show_counts(self, counts: dict[str, dict[str, int]], note: str = "") -> None:
        self.note.setText(note)
        self.note.setVisible(bool(note))
        for (register, state), link in self.links.items():
            n = counts.get(register, {}).get(state, 0)
            text = (self.tr("{n} due soon") if state == "due_soon" else self.tr("{n} overdue")).format(n=n)
            link.setText(text)
            link.setEnabled(n > 0)
            link.setToolTip(self.tr("Open the list") if n else "")

    def count(self, register: str, state: str) -> int:
        """For tests: the number a link shows."""
        digits = "".join(ch for ch in self.links[(register, state)].text() if ch.isdigit())
        return int(digits or 0)

    def clear(self) -> None:
        self.show_counts({})
