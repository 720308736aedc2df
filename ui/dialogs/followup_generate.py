"""生成整改事项 from a concluded case, previewed: choose the case, see what will be created (the items, grouped by
category, with their deadlines, and the draft referral), then create. Generating twice from the same conclusion
version creates nothing (the service says what already exists)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ui.dialogs.form_saving import quiet_button
from ui.i18n import error_text
from ui.qt import (
    QComboBox,
    QCoreApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)
from ui.widgets.common import BusyBar, MessageLine, heading, note
from ui.widgets.screen_fit import fit_to_screen
from ui.worker import run_job

if TYPE_CHECKING:
    from reviewdesk.services.rectification_generate import GenerateResult
    from reviewdesk.workspace import OpenWorkspace


def concluded_cases(ws: OpenWorkspace, campaign_id: str) -> list[tuple[str, str]]:
    """(case external id, shown text) of the campaign's cases concluded here or in received results."""
    from reviewdesk.services import documents, results

    local = [
        (r.external_id, f"{r.external_id}  {r.title}")
        for r in documents.opinion_list(ws, campaign_id)
        if r.concluded
    ]
    seen = {ref for ref, _text in local}
    received = []
    for case in results.received(ws, campaign_id):
        result = case.result
        if case.case_id not in seen and result is not None and result.get("conclusion"):
            received.append(
                (
                    case.case_id,
                    QCoreApplication.translate("GenerateDialog", "{case}  {number} (received result)").format(
                        case=case.case_id, number=case.case_number
                    ),
                )
            )
    return local + received


class GenerateDialog(QDialog):
    def __init__(
        self, ws: OpenWorkspace, campaign_id: str, cases: list[tuple[str, str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ws: OpenWorkspace | None = ws
        self.campaign_id = campaign_id
        self.preview: GenerateResult | None = None
        self.result_view: GenerateResult | None = None
        self._job: Any = None
        self.setWindowTitle(self.tr("Generate rectification items"))
        fit_to_screen(self, 720, 560)
        self.case = QComboBox()
        for ref, text in cases:
            self.case.addItem(text, ref)
        self.case.currentIndexChanged.connect(lambda _i: self._forget_preview())
        self.preview_button = quiet_button(self.tr("&Preview"))
        self.preview_button.clicked.connect(self.show_preview)
        self.shown = QPlainTextEdit()
        self.shown.setReadOnly(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.message = MessageLine()
        self.busy = BusyBar()
        self.create_button = quiet_button(self.tr("&Create these items"))
        self.create_button.setEnabled(False)
        self.create_button.clicked.connect(self.create)
        cancel = quiet_button(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        pick = QHBoxLayout()
        pick.addWidget(QLabel(self.tr("Concluded case:")))
        pick.addWidget(self.case, 1)
        pick.addWidget(self.preview_button)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Rectification items from a conclusion"), 1.3))
        layout.addWidget(
            note(
                self.tr(
                    "One item per problem the panel found, grouped by category, with the deadline the panel proposed (else "
                    "the campaign's default), and a draft referral when the panel suggested one. Preview first: nothing is "
                    "created until you press Create. A conclusion gives its items once."
                )
            )
        )
        layout.addLayout(pick)
        layout.addWidget(self.shown, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        layout.addWidget(self.busy)
        layout.addLayout(buttons)
        self.preview_button.setEnabled(self.case.count() > 0)
        if self.case.count() == 0:
            self.summary.setText(self.tr("No case of this campaign is concluded yet."))

    def case_ref(self) -> str | None:
        value = self.case.currentData()
        return str(value) if value else None

    def _forget_preview(self) -> None:
        self.preview = None
        self.shown.clear()
        self.summary.clear()
        self.create_button.setEnabled(False)

    def _start(self, apply: bool) -> None:
        from reviewdesk.services import rectification_generate

        ref, ws, campaign = self.case_ref(), self.ws, self.campaign_id
        if ref is None or ws is None or self._job is not None:
            return
        self.message.clear_message()
        self.busy.start(self.tr("Creating…") if apply else self.tr("Preparing the preview…"))
        self.preview_button.setEnabled(False)
        self.create_button.setEnabled(False)
        self._job = run_job(
            lambda: rectification_generate.generate(ws, ref, campaign, apply=apply),
            self,
            self._created if apply else self._previewed,
            self._failed,
        )

    def show_preview(self) -> None:
        self._start(apply=False)

    def create(self) -> None:
        if self.preview is not None and (self.preview.items or self.preview.referral):
            self._start(apply=True)

    def _done(self) -> None:
        self._job = None
        self.busy.stop()
        self.preview_button.setEnabled(True)

    def _previewed(self, result: GenerateResult) -> None:
        self._done()
        self.preview = result
        self.shown.setPlainText(describe(result))
        if result.items or result.referral:
            self.summary.setText(
                self.tr("{items} item(s) and {referrals} draft referral(s) will be created.").format(
                    items=len(result.items), referrals=1 if result.referral else 0
                )
            )
        else:
            self.summary.setText(
                self.tr(
                    "Nothing to create: this conclusion has given its items already ({n}), or "
                    "it found no problem to rectify."
                ).format(n=result.existing)
            )
        self.create_button.setEnabled(bool(result.items or result.referral))

    def _created(self, result: GenerateResult) -> None:
        self._done()
        self.result_view = result
        self.accept()

    def _failed(self, err: BaseException) -> None:
        self._done()
        self.message.show_error(error_text(err))


def describe(result: GenerateResult) -> str:
    """The preview as lines: each item (type, category, problem, page reference, deadline), then the referral."""
    lines = [
        QCoreApplication.translate("GenerateDialog", "Case {case}, from {source}").format(
            case=result.case_external_id, source=result.source
        )
    ]
    category = None
    for item in result.items:
        if item["category"] != category:
            category = item["category"]
            lines.append(f"\n【{category}】")
        ref = f"（{item['evidence_ref']}）" if item.get("evidence_ref") else ""
        lines.append(
            QCoreApplication.translate(
                "GenerateDialog", "• [{kind}] {problem}{ref} — deadline {deadline}"
            ).format(kind=item["kind"], problem=item["description"], ref=ref, deadline=item["deadline"])
        )
    if result.referral:
        lines.append(
            "\n"
            + QCoreApplication.translate("GenerateDialog", "Draft referral: {clue}").format(
                clue=result.referral["clue"]
            )
        )
    if result.calendar_note:
        lines.append("\n" + result.calendar_note)
    return "\n".join(lines)
