"""Export the campaign's results package for the organising office (administrators, review laptop).

The form is checked as it is filled in (the office's age1… keys, the file); export_results then runs on a
worker behind a progress dialog: first the opinions and the audit log are prepared (no measure of that), then
the package is packed (bytes). Afterwards the dialog says what was written and reminds that the office must
trust this computer's signing key, offering its public key to copy or save.
"""

from __future__ import annotations

import socket
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reviewdesk import file_paths
from reviewdesk.file_paths import PathCheck, PathProblem
from ui import file_dialogs
from ui.i18n import error_text
from ui.path_messages import path_message
from ui.qt import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QGuiApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStandardPaths,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
    Slot,
)
from ui.widgets.common import ERROR_STYLE, OK_STYLE, MessageLine, SteadyProgress, heading, note
from ui.widgets.file_places import remember_folder, start_folder
from ui.worker import progress_to, run_job

if TYPE_CHECKING:
    from reviewdesk.services.results import ExportResult
    from reviewdesk.workspace import OpenWorkspace

PROGRESS_STEPS = 1000  # tenths of a percent: byte counts above 2 GB do not fit the bar's int
SUFFIX = ".rdpkg"


def recipient_problems(text: str) -> tuple[list[str], list[int]]:
    """(valid recipients, numbers of the lines that are not an age1… key); blank lines are ignored."""
    from reviewdesk.packages import age

    good: list[str] = []
    bad: list[int] = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line:
            continue
        try:
            good.append(str(age.Recipient.from_str(line)))
        except ValueError:
            bad.append(number)
    return good, bad



class ResultsExportDialog(QDialog):
    """`ResultsExportDialog(ws, campaign_id, campaign_name, parent)`; `open()` it."""

    exported = Signal(object)  # ExportResult

    def __init__(self, ws: OpenWorkspace, campaign_id: str, campaign_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws: OpenWorkspace | None = ws
        self.campaign_id = campaign_id
        self.result_value: ExportResult | None = None
        self.public_key = ""
        self.progress: SteadyProgress | None = None
        self._job: Any = None
        self.setWindowTitle(self.tr("Export the results package"))
        self.setMinimumWidth(640)

        self.recipients = QPlainTextEdit()
        self.recipients.setAccessibleName(self.tr("Encryption keys of the receiving office"))
        self.recipients.setPlaceholderText("age1…")
        self.recipients.setTabChangesFocus(True)  # Tab moves on, as in every other field
        self.recipients.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.recipients.textChanged.connect(self._validate)
        self.recipients_state = QLabel()
        self.recipients_state.setWordWrap(True)
        self.issuer = QLineEdit()
        self.issuer.setMaxLength(200)
        self.issuer.setPlaceholderText(self.tr("Leave empty for “{name}”").format(name=self.default_issuer()))
        self.out = QLineEdit()
        self.out.setAccessibleName(self.tr("Package file"))
        self.out.setPlaceholderText(self.tr("Choose where to save the package"))
        self.out.textChanged.connect(self._validate)
        self.browse_button = QPushButton(self.tr("&Choose…"))
        self.browse_button.clicked.connect(self.browse)
        out_row = QHBoxLayout()
        out_row.addWidget(self.out, 1)
        out_row.addWidget(self.browse_button)
        self.out_state = QLabel()
        self.out_state.setWordWrap(True)
        self.out_state.setStyleSheet(ERROR_STYLE)
        self.out_state.hide()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.addRow(self.tr("&Receiving office's keys:"), self.recipients)
        form.addRow(self.recipients_state)  # spanning rows: wrapped labels in the field column get clipped
        form.addRow(note(self.tr(
            "One key per line. An age1… key is the encryption key of the office's workstation: only that "
            "workstation can open the package. The office finds it on its Keys and trust page (“Encryption key "
            "of this computer”) and sends it to you."
        )))
        form.addRow(self.tr("&Sender name:"), self.issuer)
        form.addRow(self.tr("Package &file:"), out_row)
        form.addRow(self.out_state)
        for row, buddy in ((0, self.recipients), (3, self.issuer), (4, self.out)):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if label is not None and isinstance(label.widget(), QLabel):
                label.widget().setBuddy(buddy)
        self.form = QWidget()
        self.form.setLayout(form)

        # Shown once the package is written: what it holds, and the key the office must trust.
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_id = QLineEdit()
        self.key_id.setReadOnly(True)
        self.key_id.setAccessibleName(self.tr("Key ID of this computer's signing key"))
        self.copy_key_button = QPushButton(self.tr("Cop&y the public key"))
        self.copy_key_button.clicked.connect(self.copy_public_key)
        self.save_key_button = QPushButton(self.tr("Sa&ve the public key as file…"))
        self.save_key_button.clicked.connect(self.save_public_key)
        key_row = QHBoxLayout()
        key_row.addWidget(QLabel(self.tr("Key ID:")))
        key_row.addWidget(self.key_id, 1)
        key_row.addWidget(self.copy_key_button)
        key_row.addWidget(self.save_key_button)
        self.trust_box = QGroupBox(self.tr("The office must trust this computer"))
        trust_layout = QVBoxLayout(self.trust_box)
        trust_layout.addWidget(note(self.tr(
            "The office can import the package only once it trusts this computer's signing key. If it has not "
            "done so yet, give it the public key (copy the text or save it as a .pub file); the office adds it "
            "on its Keys and trust page. Confirm the key ID with the office by telephone."
        )))
        trust_layout.addLayout(key_row)
        self.done_view = QWidget()
        done_layout = QVBoxLayout(self.done_view)
        done_layout.setContentsMargins(0, 0, 0, 0)
        done_layout.addWidget(self.summary)
        done_layout.addWidget(self.trust_box)
        self.done_view.hide()

        self.message = MessageLine()
        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(self.tr("&Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.hide()
        self.export_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.reject)
        self.close_button.clicked.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Results package of {campaign}").format(
            campaign=f"{campaign_id} {campaign_name}".strip()), 1.2))
        self.intro = note(self.tr(
            "The package carries the campaign's panels, submitted score sheets (never drafts), conclusions, "
            "review opinions (Word and PDF) and this computer's audit log. It is encrypted for the receiving "
            "office and signed by this computer. Producing it gives document numbers to concluded cases that "
            "have none yet."
        ))
        layout.addWidget(self.intro)
        layout.addWidget(self.form)
        layout.addWidget(self.done_view)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._validate()

    @staticmethod
    def default_issuer() -> str:
        return f"ReviewDesk 评查工作站 {socket.gethostname()}"[:200]  # the service's own default

    # -- the form --------------------------------------------------------------------------------------------
    def browse(self) -> None:
        folder = str(start_folder("outgoing"))
        name = self.tr("{campaign} results").format(campaign=self.campaign_id) + SUFFIX
        path, _chosen = file_dialogs.save_file(
            self, self.tr("Save the results package"), str(Path(folder or Path.home()) / name),
            self.tr("Results packages (*.rdpkg)"))
        if path:  # the suffix added; any problem with the place is shown under the field
            remember_folder("outgoing", Path(path))
            self.out.setText(str(file_paths.output_file(path, SUFFIX, overwrite=True).path or path))

    def target_check(self) -> PathCheck:
        return file_paths.output_file(self.out.text(), SUFFIX)

    def target(self) -> Path | None:
        return self.target_check().path

    def recipient_list(self) -> list[str]:
        return recipient_problems(self.recipients.toPlainText())[0]

    def problem(self) -> str | None:
        """What keeps the export from starting (None: the form is complete)."""
        good, bad = recipient_problems(self.recipients.toPlainText())
        if bad:
            return self.tr("Line {lines} is not an age1… key. Copy the key again from the office's message.").format(
                lines=", ".join(str(n) for n in bad))
        if not good:
            return self.tr("Paste the encryption key (age1…) of the receiving office's workstation.")
        check = self.target_check()
        if check.problem is PathProblem.EMPTY:
            return self.tr("Choose where to save the package.")
        return path_message(check) or None

    def _validate(self) -> None:
        good, bad = recipient_problems(self.recipients.toPlainText())
        if bad:
            self.recipients_state.setStyleSheet(ERROR_STYLE)
            self.recipients_state.setText(self.tr(
                "Line {lines} is not an age1… key. Copy the key again from the office's message."
            ).format(lines=", ".join(str(n) for n in bad)))
        elif good:
            self.recipients_state.setStyleSheet(OK_STYLE)
            self.recipients_state.setText(self.tr("{count} valid key(s): the package can be opened by that office "
                                                  "workstation only.").format(count=len(good)))
        else:
            self.recipients_state.setStyleSheet("")
            self.recipients_state.setText(self.tr("No key yet."))
        check = self.target_check()
        out_problem = None if check.problem in (None, PathProblem.EMPTY) else path_message(check)
        self.out_state.setText(out_problem or "")
        self.out_state.setVisible(out_problem is not None)
        problem = self.problem()
        self.export_button.setEnabled(problem is None and self._job is None and self.ws is not None)
        self.export_button.setToolTip(problem or self.tr("Write the results package"))

    # -- running ---------------------------------------------------------------------------------------------
    def start(self) -> None:
        ws, target = self.ws, self.target()
        if ws is None or self._job is not None or target is None or self.problem() is not None:
            return
        from reviewdesk.services import results

        recipients = self.recipient_list()
        issuer = self.issuer.text().strip() or None
        campaign_id = self.campaign_id
        report = progress_to(self, self._on_progress)  # bytes done, bytes total
        self.message.clear_message()
        self.form.setEnabled(False)
        self._show_progress()
        self._job = run_job(
            lambda: results.export_results(ws, campaign_id, recipients, target, report, issuer_name=issuer),
            self, self._done, self._failed)
        self._validate()

    def _show_progress(self) -> None:
        progress = SteadyProgress(self.tr("Preparing the opinions and the audit log…"), "", 0, 0, self)
        progress.setWindowTitle(self.tr("Exporting the results package"))
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setMinimumWidth(380)
        progress.show()
        self.progress = progress

    @Slot(object, object)
    def _on_progress(self, done: int, total: int) -> None:
        progress = self.progress
        if progress is None:
            return
        progress.setLabelText(self.tr("Packing and encrypting: {done} of {total} MB…").format(
            done=f"{done / 1024 / 1024:,.1f}", total=f"{total / 1024 / 1024:,.1f}"))
        progress.setMaximum(PROGRESS_STEPS)
        # Last: a modal progress dialog processes events in setValue, and the export may finish in there.
        progress.setValue(min(PROGRESS_STEPS, PROGRESS_STEPS * done // total) if total else 0)

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.hide()
            self.progress.deleteLater()
            self.progress = None

    def _failed(self, err: BaseException) -> None:
        self._job = None
        self._close_progress()
        self.form.setEnabled(True)
        self.message.show_error(self.tr("No package was written: {reason}").format(reason=error_text(err)))
        self._validate()

    def _done(self, result: ExportResult) -> None:
        self._job = None
        self._close_progress()
        self.result_value = result
        files = "\n".join(result.files)
        self.summary.setText(self.tr(
            "The results package was written:\n{files}\n\n"
            "It holds {cases} cases, {sheets} submitted score sheets, {conclusions} conclusions, {opinions} "
            "opinion files and the audit log ({entries} entries). Take it to the office (USB stick or e-mail): "
            "it is encrypted, only the office's workstation can open it."
        ).format(files=files, cases=result.cases, sheets=result.sheets, conclusions=result.conclusions,
                 opinions=result.opinion_files, entries=result.audit_entries))
        if len(result.files) > 1:
            self.summary.setText(self.summary.text() + "\n" + self.tr(
                "The package is in {count} parts: give the office all of them, in the same folder."
            ).format(count=len(result.files)))
        self.key_id.setText(result.key_id)
        self._load_public_key()
        self.intro.hide()
        self.form.hide()
        self.done_view.show()
        self.export_button.hide()
        self.cancel_button.hide()
        self.close_button.show()
        self.close_button.setDefault(True)
        self.close_button.setFocus()
        self.adjustSize()
        self.exported.emit(result)

    def _load_public_key(self) -> None:
        """The .pub text, read now (quick; recorded in the audit log as a key shown)."""
        from reviewdesk.services import keys

        if self.ws is None:
            return
        try:
            self.public_key = keys.signing_public_key(self.ws)
        except Exception as err:
            self.message.show_error(error_text(err))
        self.copy_key_button.setEnabled(bool(self.public_key))
        self.save_key_button.setEnabled(bool(self.public_key))

    # -- the public key --------------------------------------------------------------------------------------
    def copy_public_key(self) -> None:
        if not self.public_key:
            return
        QGuiApplication.clipboard().setText(self.public_key)
        self.message.show_ok(self.tr(
            "The public key was copied. Paste it into your message to the office; it is not secret."))

    def save_public_key(self) -> None:
        if not self.public_key:
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path, _chosen = file_dialogs.save_file(
            self, self.tr("Save the public key"), str(Path(folder or Path.home()) / "reviewdesk-signing.pub"),
            self.tr("Public key files (*.pub)"))
        if not path:
            return
        text = self.public_key if self.public_key.endswith("\n") else self.public_key + "\n"
        try:
            Path(path).write_text(text, encoding="utf-8", newline="\n")
        except OSError:
            self.message.show_error(self.tr(
                "The file could not be saved to {path}. Choose another folder (for example the desktop) and try "
                "again.").format(path=path))
            return
        self.message.show_ok(self.tr("Public key saved to {path}.").format(path=path))

    # -- closing ---------------------------------------------------------------------------------------------
    def reject(self) -> None:
        if self._job is not None:
            return  # the export is one transaction: it finishes (or fails) as a whole
        super().reject()

    def teardown(self) -> None:
        """The app is locking: forget the workspace (a running export ends unheard) and close."""
        self.ws = None
        self.public_key = ""
        self._close_progress()
        super().reject()
